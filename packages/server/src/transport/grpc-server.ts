// The node's one gRPC server. Every service (the Raft transport now; data,
// admin, cluster and health later) registers on it, and it listens on the
// configured grpc_listen address with the contract's channel options.
// Shutdown is graceful first (calls in progress may finish), then forced
// after a grace period: long-lived streams such as the Raft transport's
// would otherwise hold it open forever, so their owners end them first.
import * as grpc from '@grpc/grpc-js';
import { grpcChannelOptions } from '@rheo/wire';

export interface GrpcServerHandle {
  readonly server: grpc.Server;
  /** The port bound (the one asked for, or the one the OS chose for port 0). */
  readonly port: number;
  /** host:port actually bound. */
  readonly address: string;
  /** Graceful shutdown, forced after `graceMs`. */
  shutdown(graceMs?: number): Promise<void>;
}

export const shutdownGraceMsDefault = 5_000;

const serverOptions: grpc.ServerOptions = {
  ...grpcChannelOptions,
  // Peers ping every 10 s to notice dead connections (peer-dialer.ts); accept that.
  'grpc.keepalive_permit_without_calls': 1,
  // And ping them: a node whose opener vanished without closing (power loss, partition) must notice
  // within seconds, not gRPC's default two hours, to report its groups' peer unreachable.
  'grpc.keepalive_time_ms': 10_000,
  'grpc.keepalive_timeout_ms': 5_000,
};

/** Creates the server, lets `register` add services, binds `host:port` and resolves once listening. */
export async function startGrpcServer(
  listen: { readonly host: string; readonly port: number },
  register: (server: grpc.Server) => void,
  /** TLS when the node has it (node/tls.ts); plaintext by default. */
  credentials: grpc.ServerCredentials = grpc.ServerCredentials.createInsecure(),
): Promise<GrpcServerHandle> {
  const server = new grpc.Server(serverOptions);
  register(server);
  const host = listen.host;
  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync(`${host}:${listen.port}`, credentials, (err, bound) =>
      err === null
        ? resolve(bound)
        : reject(new GrpcServerError(`cannot listen on ${host}:${listen.port}`, err)),
    );
  });
  return {
    server,
    port,
    address: `${host}:${port}`,
    shutdown: (graceMs) => shutdownGrpcServer(server, graceMs),
  };
}

export function shutdownGrpcServer(server: grpc.Server, graceMs = shutdownGraceMsDefault): Promise<void> {
  return new Promise((resolve) => {
    const force = setTimeout(() => {
      server.forceShutdown();
      resolve();
    }, graceMs);
    force.unref();
    server.tryShutdown(() => {
      clearTimeout(force);
      resolve();
    });
  });
}

export class GrpcServerError extends Error {
  override readonly name = 'GrpcServerError';
  readonly code = 'RHEO_GRPC_LISTEN';
  constructor(message: string, cause: unknown) {
    super(`${message}: ${(cause as Error)?.message ?? String(cause)}`, { cause });
  }
}
