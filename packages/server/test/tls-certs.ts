// Throwaway certificates for the TLS tests: a CA and a certificate it signs
// for the names given (IP and DNS subject alternative names), made with the
// openssl command into a directory. EC P-256 keys: generated in milliseconds.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface TestCa {
  readonly caCert: string;
  readonly caKey: string;
}

export interface TestCert {
  readonly cert: string;
  readonly key: string;
}

const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

function openssl(args: readonly string[]): void {
  execFileSync('openssl', args, { stdio: 'pipe' });
}

/** A self-signed CA in `dir` named `name` (files name.crt, name.key). */
export function makeCa(dir: string, name: string): TestCa {
  const caCert = join(dir, `${name}.crt`);
  const caKey = join(dir, `${name}.key`);
  openssl(['req', '-x509', ...ec, '-keyout', caKey, '-out', caCert, '-days', '2', '-subj', `/CN=${name}`]);
  return { caCert, caKey };
}

/** A certificate signed by `ca` for `names` (IP addresses become IP SANs, the rest DNS SANs), server and client use. */
export function makeCert(dir: string, name: string, ca: TestCa, names: readonly string[]): TestCert {
  const cert = join(dir, `${name}.crt`);
  const key = join(dir, `${name}.key`);
  const csr = join(dir, `${name}.csr`);
  const ext = join(dir, `${name}.ext`);
  const sans = names.map((n) => (/^[\d.]+$/.test(n) || n.includes(':') ? `IP:${n}` : `DNS:${n}`)).join(',');
  writeFileSync(
    ext,
    `subjectAltName=${sans}\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth,clientAuth\n`,
  );
  openssl(['req', ...ec, '-keyout', key, '-out', csr, '-subj', `/CN=${names[0] ?? name}`]);
  openssl([
    ...['x509', '-req', '-in', csr, '-CA', ca.caCert, '-CAkey', ca.caKey, '-CAcreateserial'],
    ...['-out', cert, '-days', '2', '-extfile', ext],
  ]);
  return { cert, key };
}
