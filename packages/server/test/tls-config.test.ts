// What is proven: the TLS keys of the configuration. Both or neither of
// tls_cert_file and tls_key_file; tls_client_auth needs tls_ca_file; a CA
// without TLS on is refused; flags and the environment spell booleans and
// "none" as operators do; the result maps onto NodeConfig.tls. The files are
// not read here (start-up reads them, tls-cluster.test.ts).
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/index.js';

const base = ['--node-id', '1', '--roles', 'broker', '--cluster-secret', 'x'.repeat(40)];
const load = (argv: string[], env: Record<string, string> = {}) =>
  loadConfig({ argv: [...base, ...argv], env });

function problems(argv: string[]): readonly string[] {
  try {
    load(argv);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('tls_* configuration', () => {
  it('is off by default', () => {
    expect(load([]).tls).toBeNull();
  });

  it('maps the files and client auth onto NodeConfig.tls', () => {
    const c = load([
      ...['--tls-cert-file', '/c.pem', '--tls-key-file', '/k.pem', '--tls-ca-file', '/ca.pem'],
      ...['--tls-client-auth', 'yes'],
    ]);
    expect(c.tls).toEqual({ certFile: '/c.pem', keyFile: '/k.pem', caFile: '/ca.pem', clientAuth: true });
  });

  it('reads the environment; an empty value is none', () => {
    const c = load([], {
      RHEO_TLS_CERT_FILE: '/c.pem',
      RHEO_TLS_KEY_FILE: '/k.pem',
      RHEO_TLS_CA_FILE: '',
      RHEO_TLS_CLIENT_AUTH: 'false',
    });
    expect(c.tls).toEqual({ certFile: '/c.pem', keyFile: '/k.pem', caFile: null, clientAuth: false });
  });

  it('wants both the certificate and the key, or neither', () => {
    expect(problems(['--tls-cert-file', '/c.pem'])).toEqual([
      'tls_key_file: is required when tls_cert_file is set (both or neither) (from default)',
    ]);
    expect(problems(['--tls-key-file', '/k.pem'])).toEqual([
      'tls_cert_file: is required when tls_key_file is set (both or neither) (from default)',
    ]);
  });

  it('client auth needs a CA and TLS on; a CA alone is a mistake', () => {
    expect(problems(['--tls-cert-file', '/c', '--tls-key-file', '/k', '--tls-client-auth', 'true'])).toEqual([
      'tls_ca_file: is required when tls_client_auth is true (client certificates are checked against it) (from default)',
    ]);
    expect(problems(['--tls-ca-file', '/ca.pem'])).toEqual([
      'tls_ca_file: is set but TLS is off (set tls_cert_file and tls_key_file too) (from --tls-ca-file)',
    ]);
  });

  it('refuses a word that is not a boolean', () => {
    expect(problems(['--tls-client-auth', 'maybe'])).toEqual([
      'tls_client_auth: expected true or false, got "maybe" (from --tls-client-auth)',
    ]);
  });
});
