// A node's TLS material, read once at start-up from the files the
// configuration names (tls_cert_file, tls_key_file, tls_ca_file), checked
// (present, readable, PEM that parses, key matching certificate) so a
// mistake stops the node with a ConfigError naming the key instead of a
// handshake failure later, and turned into the credentials every part
// uses: the gRPC server's, the peers' (Raft transport, controller clients,
// admin forwarder, the gateway's own client) and the gateway's HTTPS.

import { createPrivateKey, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as grpc from '@grpc/grpc-js';
import { ConfigError } from '../config/config-error.js';
import type { TlsFilesConfig } from '../config/tls-fields.js';

export interface NodeTls {
  readonly cert: Buffer;
  readonly key: Buffer;
  /** The CA bundle, or null for the system roots. */
  readonly ca: Buffer | null;
  readonly clientAuth: boolean;
}

/** Reads and checks the TLS files; undefined when TLS is off. Throws ConfigError listing every problem. */
export function loadNodeTls(files: TlsFilesConfig | null): NodeTls | undefined {
  if (files === null) return undefined;
  const problems: string[] = [];
  const read = (key: string, path: string): Buffer | undefined => {
    try {
      return readFileSync(path);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      const why =
        code === 'ENOENT'
          ? 'no such file'
          : code === 'EACCES'
            ? 'permission denied'
            : code === 'EISDIR'
              ? 'a directory, not a file'
              : (err as Error).message;
      problems.push(`${key}: cannot read ${path} (${why})`);
      return undefined;
    }
  };
  const cert = read('tls_cert_file', files.certFile);
  const key = read('tls_key_file', files.keyFile);
  const ca = files.caFile === null ? null : read('tls_ca_file', files.caFile);
  let x509: X509Certificate | undefined;
  if (cert !== undefined) {
    try {
      x509 = new X509Certificate(cert);
    } catch {
      problems.push(`tls_cert_file: ${files.certFile} is not a PEM certificate`);
    }
  }
  if (key !== undefined) {
    try {
      const privateKey = createPrivateKey(key);
      if (x509 !== undefined && !x509.checkPrivateKey(privateKey))
        problems.push(
          `tls_key_file: ${files.keyFile} is not the key of the certificate in ${files.certFile}`,
        );
    } catch {
      problems.push(`tls_key_file: ${files.keyFile} is not a PEM private key (unencrypted)`);
    }
  }
  if (ca !== undefined && ca !== null && !ca.toString('latin1').includes('-----BEGIN CERTIFICATE-----'))
    problems.push(`tls_ca_file: ${files.caFile} holds no PEM certificate`);
  if (problems.length > 0 || cert === undefined || key === undefined || ca === undefined)
    throw new ConfigError(problems);
  return Object.freeze({ cert, key, ca, clientAuth: files.clientAuth });
}

/** The gRPC server's credentials: TLS with the node's certificate (requiring client certificates with clientAuth). */
export function serverCredentials(tls: NodeTls | undefined): grpc.ServerCredentials {
  if (tls === undefined) return grpc.ServerCredentials.createInsecure();
  return grpc.ServerCredentials.createSsl(
    tls.ca,
    [{ private_key: tls.key, cert_chain: tls.cert }],
    tls.clientAuth,
  );
}

/**
 * Credentials for dialing another node: its certificate is checked against
 * the CA bundle (and must name the address dialed), and this node's own
 * certificate is presented, which a peer with clientAuth requires.
 */
export function peerCredentials(tls: NodeTls | undefined): grpc.ChannelCredentials {
  if (tls === undefined) return grpc.credentials.createInsecure();
  return grpc.credentials.createSsl(tls.ca, tls.key, tls.cert);
}

/**
 * The gateway's TLS: HTTPS with the node's certificate, and its client
 * (which dials this node's gRPC address) trusting the node's CA. Empty when
 * TLS is off.
 */
export function gatewayTlsOptions(tls: NodeTls | undefined): {
  tls?: { key: Buffer; cert: Buffer };
  client?: { credentials: grpc.ChannelCredentials };
} {
  if (tls === undefined) return {};
  return { tls: { key: tls.key, cert: tls.cert }, client: { credentials: peerCredentials(tls) } };
}
