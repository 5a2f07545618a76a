// Test helpers for the Raft transport: a "node" is a RaftTransport and the
// gRPC server it is registered on, in this process, on 127.0.0.1.
import { type Message, MessageType, newMessage } from '@rheo/raft';
import { LOOPBACK } from '@rheo/testkit';
import {
  type GrpcServerHandle,
  RaftTransport,
  type RaftTransportOptions,
  startGrpcServer,
} from '../src/index.js';

export interface TestNode {
  readonly id: number;
  readonly transport: RaftTransport;
  readonly server: GrpcServerHandle;
  readonly received: Array<[number, Message]>;
  readonly unreachable: Array<[number, number[]]>;
  stop(): Promise<void>;
}

export interface NodeSpec {
  readonly id: number;
  readonly port: number;
  readonly peers: ReadonlyArray<{ id: number; port: number }>;
  readonly options?: Partial<RaftTransportOptions>;
}

export async function startNode(spec: NodeSpec): Promise<TestNode> {
  const received: Array<[number, Message]> = [];
  const unreachable: Array<[number, number[]]> = [];
  const transport = new RaftTransport({
    nodeId: spec.id,
    clusterId: 'test',
    peers: spec.peers.map((p) => ({ id: p.id, address: `${LOOPBACK}:${p.port}` })),
    handler: (g, m) => received.push([g, m]),
    hasGroup: () => true,
    onUnreachable: (peer, groups) => unreachable.push([peer, [...groups]]),
    backoff: { initialMs: 20, maxMs: 200 },
    ...spec.options,
  });
  const server = await startGrpcServer({ host: LOOPBACK, port: spec.port }, (s) => transport.register(s));
  return {
    id: spec.id,
    transport,
    server,
    received,
    unreachable,
    async stop() {
      transport.close();
      server.server.forceShutdown();
    },
  };
}

/** Polls `cond` every 10 ms until it holds; fails with `what` after `timeoutMs`. */
export async function waitFor(what: string, cond: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export function peerStats(node: TestNode, peerId: number) {
  const s = node.transport.stats().peers.find((p) => p.peerId === peerId);
  if (s === undefined) throw new Error(`node ${node.id} has no peer ${peerId}`);
  return s;
}

export function connected(a: TestNode, b: TestNode): boolean {
  return peerStats(a, b.id).connected && peerStats(b, a.id).connected;
}

export function msg(type: MessageType, from: number, to: number, extra: Partial<Message> = {}): Message {
  return newMessage({ type, to, from, term: 1, ...extra });
}

export function app(from: number, to: number, index: number, data: Uint8Array): Message {
  return msg(MessageType.App, from, to, { index: index - 1, entries: [{ term: 1, index, type: 0, data }] });
}
