// What is proven: RheoClient's `tls` option is checked when the client is
// made: not together with `credentials`, cert and key together, no unknown
// keys; a valid one builds secure channel credentials. (End to end against a
// node serving TLS: packages/cli/test/tls-client.test.ts.)
import { credentials } from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import { RheoClient } from '../src/index.js';

const endpoints = ['127.0.0.1:1'];

describe('RheoClient tls option', () => {
  it('builds secure credentials from a CA alone', () => {
    const client = new RheoClient({ endpoints, tls: { ca: Buffer.from('') } });
    expect(client.options.credentials._isSecure()).toBe(true);
    client.close();
  });

  it('is plaintext without tls or credentials', () => {
    const client = new RheoClient({ endpoints });
    expect(client.options.credentials._isSecure()).toBe(false);
    client.close();
  });

  it('refuses tls together with credentials, cert without key, and unknown keys', () => {
    expect(() => new RheoClient({ endpoints, tls: {}, credentials: credentials.createInsecure() })).toThrow(
      'pass credentials or tls, not both',
    );
    expect(() => new RheoClient({ endpoints, tls: { cert: 'x' } })).toThrow(
      'tls.cert and tls.key go together',
    );
    expect(() => new RheoClient({ endpoints, tls: { ca: 'x', pem: 'y' } as never })).toThrow(
      'unknown tls option "pem"',
    );
  });
});
