// The node's HTTP port (metrics_listen): /metrics for Prometheus, /healthz
// and /readyz for Kubernetes probes. node:http, no framework: three GET
// routes do not need one.
//
// /healthz answers 200 whenever the process can answer at all: the answer
// itself proves the event loop turns. /readyz asks the node (`ready`) and
// answers 200, or 503 with the reasons as JSON, so an operator reading the
// probe's output sees why.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';

export interface Readiness {
  readonly ready: boolean;
  /** Why not, in words an operator acts on (empty when ready). */
  readonly reasons: readonly string[];
}

export interface ObservabilityHttpOptions {
  readonly listen: { readonly host: string; readonly port: number };
  readonly registry: Registry;
  readonly ready: () => Readiness;
  /** A scrape that failed (a collector threw); answered 500. */
  readonly onError?: (err: unknown) => void;
}

export interface ObservabilityHttpServer {
  /** host:port bound (the port the OS chose when asked for 0). */
  readonly address: string;
  readonly port: number;
  /** Stops listening and closes open connections (Prometheus keeps them alive). */
  stop(): Promise<void>;
}

export class HttpListenError extends Error {
  override readonly name = 'HttpListenError';
  readonly code = 'RHEO_HTTP_LISTEN';
}

export async function startObservabilityHttp(o: ObservabilityHttpOptions): Promise<ObservabilityHttpServer> {
  const server = createServer((req, res) => {
    route(o, req, res).catch((err: unknown) => {
      o.onError?.(err);
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'internal error\n');
      else res.destroy();
    });
  });
  const port = await listen(server, o.listen);
  let stopping: Promise<void> | undefined;
  return {
    address: `${o.listen.host}:${port}`,
    port,
    stop() {
      stopping ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return stopping;
    },
  };
}

function listen(server: Server, at: { host: string; port: number }): Promise<number> {
  return new Promise((resolve, reject) => {
    const failed = (err: Error) =>
      reject(new HttpListenError(`cannot listen on ${at.host}:${at.port}: ${err.message}`, { cause: err }));
    server.once('error', failed);
    server.listen(at.port, at.host, () => {
      server.off('error', failed);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

async function route(o: ObservabilityHttpOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = (req.url ?? '/').split('?', 1)[0];
  const known = path === '/metrics' || path === '/healthz' || path === '/readyz';
  if (!known)
    return send(res, 404, 'text/plain; charset=utf-8', 'not found: try /metrics, /healthz or /readyz\n');
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('allow', 'GET, HEAD');
    return send(res, 405, 'text/plain; charset=utf-8', 'method not allowed\n');
  }
  if (path === '/metrics') return send(res, 200, o.registry.contentType, await o.registry.metrics());
  if (path === '/healthz') return send(res, 200, 'text/plain; charset=utf-8', 'ok\n');
  const r = o.ready();
  send(
    res,
    r.ready ? 200 : 503,
    'application/json',
    `${JSON.stringify({ ready: r.ready, reasons: r.reasons })}\n`,
  );
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, {
    'content-type': type,
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
  });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}
