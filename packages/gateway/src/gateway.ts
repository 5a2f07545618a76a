// A running gateway: the cluster access (a RheoClient seeded with the local
// node first) and the one HTTP port.
import type { RheoClientOptions } from '@rheo/client';
import { ClusterAccess } from './cluster-access.js';
import { serveHttp, type TlsOptions } from './gateway-server.js';
import { requestBytesMaxDefault, requestHandler } from './http-handler.js';
import type { InternalErrorSink } from './request-pipeline.js';
import type { AccessKeys } from './sigv4-verify.js';

export interface GatewayOptions {
  readonly host: string;
  /** 0 lets the OS choose (see Gateway.address). */
  readonly port: number;
  /** Seed nodes (host:port), the local node first: admin calls are answered there. */
  readonly endpoints: readonly string[];
  /** Serve HTTPS (HTTP/1.1 and HTTP/2 by ALPN) instead of cleartext. */
  readonly tls?: TlsOptions;
  /** Largest request body; 7 MiB when left out (5 MiB of PutRecords data in base64). */
  readonly requestBytesMax?: number;
  /**
   * Access key id -> secret: SigV4 signatures are verified against these.
   * Left out, any well-formed SigV4 header is accepted (local development).
   */
  readonly accessKeys?: AccessKeys;
  /** Extra client options (credentials for a TLS cluster, deadlines). */
  readonly client?: Omit<RheoClientOptions, 'endpoints'>;
  /** Failures that are the gateway's or the cluster's fault (answered 500), for the log. */
  readonly onInternalError?: InternalErrorSink;
}

export interface Gateway {
  /** host:port the gateway listens on. */
  readonly address: string;
  readonly cluster: ClusterAccess;
  /** Stops accepting, lets requests in progress finish (briefly), closes the client. */
  close(): Promise<void>;
}

export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  const cluster = new ClusterAccess({ ...options.client, endpoints: [...options.endpoints] });
  const handler = requestHandler(cluster, options.requestBytesMax ?? requestBytesMaxDefault, {
    ...(options.accessKeys === undefined ? {} : { accessKeys: options.accessKeys }),
    onInternalError: options.onInternalError ?? (() => undefined),
  });
  let server: Awaited<ReturnType<typeof serveHttp>>;
  try {
    server = await serveHttp(options.host, options.port, handler, options.tls);
  } catch (err) {
    await cluster.close();
    throw err;
  }
  return {
    address: server.address,
    cluster,
    async close() {
      await server.close();
      await cluster.close();
    },
  };
}
