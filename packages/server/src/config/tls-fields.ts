// The TLS keys of a node's configuration: PEM file paths (checked for shape
// here; read and checked for existence at start-up by node/tls.ts, so a
// config can be validated on a machine without the files) and whether
// clients must present a certificate.
import { z } from 'zod';

/** A file path, or null (none). An empty string from a flag or the environment means none. */
export function optionalPathField() {
  return z.preprocess(
    (v) => (v === '' ? null : v),
    z.union([z.null(), z.string().min(1)], { error: 'a file path (empty for none)' }),
  );
}

/** true/false; flags and the environment give `true`, `false`, `1`, `0`, `yes`, `no`. */
export function boolField() {
  const words: Readonly<Record<string, boolean>> = {
    true: true,
    false: false,
    1: true,
    0: false,
    yes: true,
    no: false,
  };
  return z.preprocess(
    (v) => (typeof v === 'string' && v.toLowerCase() in words ? words[v.toLowerCase()] : v),
    z.boolean({ error: 'true or false' }),
  );
}

export interface TlsRaw {
  readonly tls_cert_file: string | null;
  readonly tls_key_file: string | null;
  readonly tls_ca_file: string | null;
  readonly tls_client_auth: boolean;
}

/** The TLS files of a node; null when TLS is off. Read by node/tls.ts at start-up. */
export interface TlsFilesConfig {
  readonly certFile: string;
  readonly keyFile: string;
  /** CA bundle verifying peers (and clients when clientAuth); null trusts the system roots. */
  readonly caFile: string | null;
  /** Require and verify client certificates against caFile (mutual TLS). */
  readonly clientAuth: boolean;
}

/** Cross-field problems of the TLS keys, as [key, message]. */
export function tlsProblems(raw: TlsRaw): [keyof TlsRaw, string][] {
  const problems: [keyof TlsRaw, string][] = [];
  if ((raw.tls_cert_file === null) !== (raw.tls_key_file === null)) {
    const [set, unset] =
      raw.tls_cert_file === null ? ['tls_key_file', 'tls_cert_file'] : ['tls_cert_file', 'tls_key_file'];
    problems.push([unset as keyof TlsRaw, `is required when ${set} is set (both or neither)`]);
  }
  if (raw.tls_client_auth && raw.tls_ca_file === null)
    problems.push([
      'tls_ca_file',
      'is required when tls_client_auth is true (client certificates are checked against it)',
    ]);
  if (raw.tls_client_auth && raw.tls_cert_file === null)
    problems.push(['tls_client_auth', 'needs TLS on (tls_cert_file and tls_key_file)']);
  if (raw.tls_ca_file !== null && raw.tls_cert_file === null && raw.tls_key_file === null)
    problems.push(['tls_ca_file', 'is set but TLS is off (set tls_cert_file and tls_key_file too)']);
  return problems;
}

export function tlsFilesConfig(raw: TlsRaw): TlsFilesConfig | null {
  if (raw.tls_cert_file === null || raw.tls_key_file === null) return null;
  return Object.freeze({
    certFile: raw.tls_cert_file,
    keyFile: raw.tls_key_file,
    caFile: raw.tls_ca_file,
    clientAuth: raw.tls_client_auth,
  });
}
