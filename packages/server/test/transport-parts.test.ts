// Proves the transport's smaller parts on their own: the peer queue holds
// to both its bounds and stays FIFO; backoff stays within [½, 1] of its
// doubling step and under its ceiling; sends to an unknown node or after
// close are counted drops (and an unknown node is reported unreachable);
// the gRPC server binds port 0, refuses a port in use with a typed error,
// and shuts down even while a Raft stream is open; and the transport's
// options follow from a node's configuration.
import { type Message, MessageType, newMessage } from '@rheo/raft';
import { freePorts, LOOPBACK } from '@rheo/testkit';
import { describe, expect, test } from 'vitest';
import {
  backoffDelayMs,
  GrpcServerError,
  loadConfig,
  RaftTransport,
  startGrpcServer,
  transportOptionsFromConfig,
} from '../src/index.js';
import { CoalesceKind } from '../src/transport/coalesce.js';
import { PeerQueue } from '../src/transport/peer-queue.js';
import { app, connected, startNode, waitFor } from './transport-harness.js';

const hb: Message = newMessage({ type: MessageType.Heartbeat, to: 2, from: 1, term: 1 });

describe('PeerQueue', () => {
  test('bounded by messages and by bytes, FIFO', () => {
    const byCount = new PeerQueue(3, 1_000_000);
    for (let g = 1; g <= 5; g++) byCount.push({ groupId: g, msg: hb, bytes: 10, kind: CoalesceKind.None });
    expect(byCount.length).toBe(3);
    expect([
      byCount.shift()?.groupId,
      byCount.shift()?.groupId,
      byCount.shift()?.groupId,
      byCount.shift(),
    ]).toEqual([1, 2, 3, undefined]);

    const byBytes = new PeerQueue(1000, 100);
    expect(byBytes.push({ groupId: 1, msg: hb, bytes: 60, kind: CoalesceKind.None })).toBe(true);
    expect(byBytes.push({ groupId: 2, msg: hb, bytes: 60, kind: CoalesceKind.None })).toBe(false);
    expect(byBytes.push({ groupId: 3, msg: hb, bytes: 40, kind: CoalesceKind.None })).toBe(true);
    expect(byBytes.bytes).toBe(100);
    byBytes.shift();
    expect(byBytes.bytes).toBe(40);
  });

  test('stays FIFO across compactions', () => {
    const q = new PeerQueue(100_000, 1e12);
    let next = 1;
    const out: number[] = [];
    for (let round = 0; round < 50; round++) {
      for (let i = 0; i < 300; i++) q.push({ groupId: next++, msg: hb, bytes: 1, kind: CoalesceKind.None });
      for (let i = 0; i < 250; i++) out.push(q.shift()!.groupId);
    }
    expect(out).toEqual(Array.from({ length: out.length }, (_, i) => i + 1));
    const expected = out.length + 1;
    expect(q.length).toBe(next - expected);
  });
});

test('backoff: jittered, doubling, capped', () => {
  const options = { initialMs: 100, maxMs: 5000 };
  expect([0, 1, 2].map((a) => backoffDelayMs(a, options, () => 0))).toEqual([50, 100, 200]);
  expect([0, 1, 2].map((a) => backoffDelayMs(a, options, () => 0.999999))).toEqual([100, 200, 400]);
  expect(backoffDelayMs(40, options, () => 0.999999)).toBe(5000);
});

describe('drops without a stream', () => {
  test('unknown peer: counted and reported; after close: counted', async () => {
    const reports: Array<[number, readonly number[]]> = [];
    const t = new RaftTransport({
      nodeId: 1,
      clusterId: 'x',
      peers: [],
      handler: () => {},
      hasGroup: () => true,
      onUnreachable: (p, gs) => reports.push([p, gs]),
    });
    t.send(4, { ...hb, to: 9 });
    expect(t.stats().drops['unknown-peer']).toBe(1);
    expect(reports).toEqual([[9, [4]]]);
    t.close();
    t.send(4, { ...hb, to: 9 });
    expect(t.stats().drops.closed).toBe(1);
  });

  test('programmer errors are assertions: a local type, a foreign sender, group 0', () => {
    const t = new RaftTransport({
      nodeId: 1,
      clusterId: 'x',
      peers: [],
      handler: () => {},
      hasGroup: () => true,
    });
    expect(() => t.send(1, { ...hb, type: MessageType.Hup })).toThrow(/local to a node/);
    expect(() => t.send(1, { ...hb, from: 3 })).toThrow(/message from 3/);
    expect(() => t.send(0, hb)).toThrow(/group id 0/);
    t.close();
  });
});

describe('gRPC server', () => {
  test('binds port 0, refuses a port in use, shuts down with a Raft stream open', async () => {
    const first = await startGrpcServer({ host: LOOPBACK, port: 0 }, () => {});
    expect(first.port).toBeGreaterThan(0);
    await expect(startGrpcServer({ host: LOOPBACK, port: first.port }, () => {})).rejects.toBeInstanceOf(
      GrpcServerError,
    );
    await first.shutdown(100);

    const [p1, p2] = (await freePorts(2)) as [number, number];
    const a = await startNode({ id: 1, port: p1, peers: [{ id: 2, port: p2 }] });
    const b = await startNode({ id: 2, port: p2, peers: [{ id: 1, port: p1 }] });
    a.transport.send(1, app(1, 2, 1, Buffer.from('x')));
    await waitFor('connected', () => connected(a, b));
    const started = Date.now();
    await b.server.shutdown(300); // the stream is open: graceful shutdown cannot finish, so it is forced
    expect(Date.now() - started).toBeLessThan(3000);
    await a.stop();
    b.transport.close();
  });
});

test('transport options from a node configuration', () => {
  const config = loadConfig({
    env: {
      RHEO_NODE_ID: '2',
      RHEO_CLUSTER_SECRET: 's'.repeat(40),
      RHEO_GRPC_LISTEN: '127.0.0.1:7402',
      RHEO_METRICS_LISTEN: '127.0.0.1:7492',
      RHEO_CONTROLLER_VOTERS: '1@127.0.0.1:7401,2@127.0.0.1:7402',
      RHEO_PEERS: '1@127.0.0.1:7401,3@127.0.0.1:7403',
      RHEO_PEER_QUEUE_MESSAGES_MAX: '500',
    },
  });
  expect(transportOptionsFromConfig(config)).toEqual({
    nodeId: 2,
    clusterId: 'rheo',
    peers: [
      { id: 1, address: '127.0.0.1:7401' },
      { id: 3, address: '127.0.0.1:7403' },
    ],
    peerQueueBytesMax: 128 * 1024 * 1024,
    peerQueueMessagesMax: 500,
    // Cluster mode: brokers are learned from the metadata, and may dial before they are.
    acceptUnknownPeers: true,
  });
});
