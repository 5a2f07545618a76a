// HTTP/2 flow-control windows for the Raft transport's connections.
//
// Left at HTTP/2's default (64 KiB per stream and per connection), one
// stream moves at most 64 KiB per round trip of WINDOW_UPDATEs, which on a
// busy 2-core machine caps a 512 KiB append stream at a few tens of MB/s.
// The dialing side sets its receive window through grpc-js's channel option
// ('grpc-node.flow_control_window'); grpc-js 1.14 has no such option for a
// server, so the accepting side raises its window on the call's HTTP/2
// session when a stream is accepted. That reaches into grpc-js's call
// objects (found by walking `call`/`nextCall` to the http2 stream); if a
// later grpc-js changes them, nothing breaks: the window stays at the
// default, and `raiseServerWindow` says so (false) for the caller to log.
import type { Http2Session } from 'node:http2';

/** Receive window per connection and per stream, bytes: a good number of 1 MiB batches in flight. */
export const flowWindowBytes = 16 * 1024 * 1024;

const tuned = new WeakSet<Http2Session>();
const SEARCH_DEPTH_MAX = 6;

function findSession(call: unknown): Http2Session | undefined {
  let node = call as Record<string, unknown> | undefined;
  for (let depth = 0; depth < SEARCH_DEPTH_MAX && node !== undefined && node !== null; depth++) {
    const stream = node.stream as { session?: Http2Session } | undefined;
    if (stream?.session !== undefined) return stream.session;
    node = (node.call ?? node.nextCall) as Record<string, unknown> | undefined;
  }
  return undefined;
}

/** Raises the receive window of the HTTP/2 session under a server call, once per session. */
export function raiseServerWindow(call: unknown): boolean {
  const session = findSession(call);
  if (session === undefined || session.destroyed) return false;
  if (tuned.has(session)) return true;
  tuned.add(session);
  try {
    session.setLocalWindowSize(flowWindowBytes);
    session.settings({ initialWindowSize: flowWindowBytes });
    return true;
  } catch {
    return false;
  }
}
