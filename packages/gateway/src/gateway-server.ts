// One port for HTTP/1.1 and HTTP/2. The AWS SDK for JavaScript v3 speaks
// HTTP/2 with prior knowledge to an http:// endpoint (no Upgrade), while the
// AWS CLI and most other SDKs speak HTTP/1.1; node's http2 server with
// allowHTTP1 only tells them apart by ALPN, which cleartext lacks. So in
// cleartext each connection's first bytes are read: the HTTP/2 connection
// preface ("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n") hands the socket to an http2
// server, anything else to an http1 server. With TLS, ALPN does it
// (h2, http/1.1) in one secure http2 server.
import http from 'node:http';
import http2 from 'node:http2';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import { Duplex } from 'node:stream';

const preface = Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', 'latin1');
/** A connection that sends nothing this long is closed (a client that never speaks). */
const firstBytesTimeoutMs = 30_000;

export type Handler = (
  req: http.IncomingMessage | http2.Http2ServerRequest,
  res: http.ServerResponse | http2.Http2ServerResponse,
) => void;

export interface TlsOptions {
  readonly key: string | Buffer;
  readonly cert: string | Buffer;
}

export interface ListeningServer {
  readonly address: string;
  close(): Promise<void>;
}

/** True once `bytes` can tell: the preface (true), or bytes that cannot begin it (false). */
function prefaceVerdict(bytes: Buffer): boolean | undefined {
  const n = Math.min(bytes.length, preface.length);
  if (!bytes.subarray(0, n).equals(preface.subarray(0, n))) return false;
  return n === preface.length ? true : undefined;
}

/**
 * The socket as a stream that first yields `head` (the bytes already read).
 * The http2 server reads a net.Socket through its native handle, past any
 * bytes unshifted into the JS buffer, so the h2 side gets this wrapper
 * instead (node serves HTTP/2 over any Duplex).
 */
function replaying(socket: net.Socket, head: Buffer): Duplex {
  const stream = new Duplex({
    read: () => {
      socket.resume();
    },
    write: (chunk: Buffer, _encoding, callback) => {
      socket.write(chunk, callback);
    },
    final: (callback) => {
      socket.end(callback);
    },
    destroy: (err, callback) => {
      socket.destroy(err ?? undefined);
      callback(err);
    },
  });
  stream.push(head);
  socket.on('data', (chunk: Buffer) => {
    if (!stream.push(chunk)) socket.pause();
  });
  socket.on('end', () => stream.push(null));
  socket.on('close', () => stream.destroy());
  socket.on('error', (err) => stream.destroy(err));
  return stream;
}

function sniffing(h1: http.Server, h2: http2.Http2Server): net.Server {
  return net.createServer((socket) => {
    let seen = Buffer.alloc(0);
    socket.setTimeout(firstBytesTimeoutMs, () => socket.destroy());
    const onData = (chunk: Buffer) => {
      seen = Buffer.concat([seen, chunk]);
      const verdict = prefaceVerdict(seen);
      if (verdict === undefined) return;
      socket.off('data', onData);
      socket.setTimeout(0);
      if (verdict) {
        h2.emit('connection', replaying(socket, seen));
        return;
      }
      socket.pause();
      socket.unshift(seen);
      h1.emit('connection', socket);
      socket.resume();
    };
    socket.on('data', onData);
    socket.on('error', () => socket.destroy());
  });
}

function listen(server: net.Server, host: string, port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const a = server.address() as AddressInfo;
      resolve(`${a.family === 'IPv6' ? `[${a.address}]` : a.address}:${a.port}`);
    });
  });
}

/** How long close() lets requests in progress finish before it drops their connections. */
const closeGraceMs = 2_000;
/** Connections open at once; past it new ones are refused by the OS listener (node's maxConnections). */
export const connectionsMax = 10_000;

/** Serves `handler` on host:port: HTTP/1.1 and h2c in cleartext, or both over TLS with ALPN. */
export async function serveHttp(
  host: string,
  port: number,
  handler: Handler,
  tls?: TlsOptions,
): Promise<ListeningServer> {
  const h2 =
    tls === undefined
      ? http2.createServer(handler)
      : http2.createSecureServer({ key: tls.key, cert: tls.cert, allowHTTP1: true }, handler);
  const sessions = new Set<http2.ServerHttp2Session>();
  h2.on('session', (session: http2.ServerHttp2Session) => {
    sessions.add(session);
    session.once('close', () => sessions.delete(session));
  });
  const h1 = tls === undefined ? http.createServer(handler) : undefined;
  const outer = h1 === undefined ? h2 : sniffing(h1, h2 as http2.Http2Server);
  outer.maxConnections = connectionsMax;
  // Every accepted socket, whichever protocol took it, so close() can end the ones still open after the grace.
  const sockets = new Set<net.Socket>();
  outer.on('connection', (socket: net.Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  const address = await listen(outer, host, port);
  return {
    address,
    close: async () => {
      const closed = new Promise<void>((resolve) => outer.close(() => resolve()));
      h1?.closeIdleConnections();
      for (const s of sessions) s.close();
      const timer = setTimeout(() => {
        for (const socket of sockets) socket.destroy();
      }, closeGraceMs);
      await closed;
      clearTimeout(timer);
    },
  };
}
