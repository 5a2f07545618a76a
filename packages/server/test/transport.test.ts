// Proves the node-to-node Raft transport over real gRPC streams on
// 127.0.0.1 (several transports in this process, ephemeral ports):
// - three nodes exchange messages of many groups, each pair over one stream
//   that the lower id opened;
// - everything sent to one peer in one turn leaves in one stream write and
//   arrives as one frame (the per-peer write and frame counters show it);
// - idle heartbeats of 1,000 groups round-trip exactly in the compact form;
// - a peer that goes away: the queue stays within its bound, drops are
//   counted, onUnreachable names the groups, and once the peer is back on
//   the same port the stream is redialled and later messages arrive (and
//   an accepting node counts a peer that never dialled as unreachable);
// - a stream from or to the wrong node (wrong id, wrong cluster, wrong
//   direction) is refused; a malformed frame is counted and the stream
//   carries on; unknown groups are counted and dropped;
// - a 24 MiB App crosses a real stream (past gRPC's default 4 MiB bound);
//   an App too big for one frame is split; an entry too big for any is an
//   assertion.
import { MessageType } from '@rheo/raft';
import { freePorts, LOOPBACK } from '@rheo/testkit';
import { errorDetailFromMetadata } from '@rheo/wire';
import { afterEach, describe, expect, test } from 'vitest';
import { splitToFit } from '../src/index.js';
import {
  encodeBatch,
  rawRaftTransportClient,
  rawRaftTransportService,
} from '../src/transport/raw-service.js';
import { app, connected, msg, peerStats, startNode, type TestNode, waitFor } from './transport-harness.js';

const running: TestNode[] = [];
async function node(...args: Parameters<typeof startNode>): Promise<TestNode> {
  const n = await startNode(...args);
  running.push(n);
  return n;
}
afterEach(async () => {
  await Promise.all(running.splice(0).map((n) => n.stop()));
});

async function trio(): Promise<[TestNode, TestNode, TestNode]> {
  const [p1, p2, p3] = (await freePorts(3)) as [number, number, number];
  const ids = [
    { id: 1, port: p1 },
    { id: 2, port: p2 },
    { id: 3, port: p3 },
  ];
  const nodes = await Promise.all(ids.map((me) => node({ ...me, peers: ids.filter((p) => p.id !== me.id) })));
  const [a, b, c] = nodes as [TestNode, TestNode, TestNode];
  await waitFor('all pairs connected', () => connected(a, b) && connected(a, c) && connected(b, c));
  return [a, b, c];
}

describe('exchange', () => {
  test('three nodes, 300 groups, every message delivered once, one stream per pair', async () => {
    const nodes = await trio();
    const groups = 300;
    for (const from of nodes) {
      for (const to of nodes) {
        if (from === to) continue;
        for (let g = 1; g <= groups; g++)
          from.transport.send(g, app(from.id, to.id, g, Buffer.from(`${from.id}->${to.id}:${g}`)));
      }
    }
    await waitFor('all delivered', () => nodes.every((n) => n.received.length === 2 * groups));
    for (const n of nodes) {
      const texts = n.received.map(([g, m]) => `${g}|${Buffer.from(m.entries[0]!.data).toString()}`);
      expect(new Set(texts).size).toBe(2 * groups);
      for (const [g, m] of n.received)
        expect(Buffer.from(m.entries[0]!.data).toString()).toBe(`${m.from}->${n.id}:${g}`);
      for (const p of n.transport.stats().peers) expect(p.connects).toBe(1);
    }
  });

  test('N messages to one peer in one turn → one stream write, one frame received', async () => {
    const [a, b] = await trio();
    const s0 = peerStats(a, 2);
    const r0 = peerStats(b, 1);
    const n = 500;
    for (let g = 1; g <= n; g++) a.transport.send(g, app(1, 2, 5, Buffer.alloc(100, g)));
    await waitFor('delivery', () => b.received.length === n);
    const s1 = peerStats(a, 2);
    const r1 = peerStats(b, 1);
    expect(s1.batchesSent - s0.batchesSent).toBe(1);
    expect(r1.batchesReceived - r0.batchesReceived).toBe(1);
    expect(s1.messagesSent - s0.messagesSent).toBe(n);
    expect(r1.messagesReceived - r0.messagesReceived).toBe(n);
    expect(s1.bytesSent - s0.bytesSent).toBe(r1.bytesReceived - r0.bytesReceived);
  });

  test('1,000 idle heartbeats and their responses round-trip coalesced', async () => {
    const [a, b] = await trio();
    const groups = 1000;
    for (let g = 1; g <= groups; g++)
      a.transport.send(g, msg(MessageType.Heartbeat, 1, 2, { term: g, commit: g * 2 }));
    await waitFor('heartbeats', () => b.received.length === groups);
    for (let g = 1; g <= groups; g++) b.transport.send(g, msg(MessageType.HeartbeatResp, 2, 1, { term: g }));
    await waitFor('responses', () => a.received.length === groups);
    const byGroup = new Map(b.received);
    for (let g = 1; g <= groups; g++)
      expect(byGroup.get(g)).toEqual(msg(MessageType.Heartbeat, 1, 2, { term: g, commit: g * 2 }));
    expect(new Map(a.received).get(77)).toEqual(msg(MessageType.HeartbeatResp, 2, 1, { term: 77 }));
    // Compact: a few bytes per group (ids, terms, commits as packed varints), far below a GroupMessage each.
    const wire = peerStats(a, 2).bytesSent;
    expect(wire).toBeLessThan(groups * 10);
  });

  test('unknown groups are counted and dropped', async () => {
    const [p1, p2] = (await freePorts(2)) as [number, number];
    const a = await node({ id: 1, port: p1, peers: [{ id: 2, port: p2 }] });
    const b = await node({
      id: 2,
      port: p2,
      peers: [{ id: 1, port: p1 }],
      options: { hasGroup: (g) => g % 2 === 0 },
    });
    for (let g = 1; g <= 10; g++) a.transport.send(g, app(1, 2, 1, Buffer.from('x')));
    await waitFor('delivery', () => b.received.length === 5);
    await waitFor('drops counted', () => peerStats(b, 1).drops['unknown-group'] === 5);
  });
});

describe('peer failure', () => {
  test('bounded queue, counted drops, onUnreachable, then redial and delivery', async () => {
    const [p1, p2] = (await freePorts(2)) as [number, number];
    const bounds = { peerQueueMessagesMax: 50, peerQueueBytesMax: 1 << 20 };
    const a = await node({ id: 1, port: p1, peers: [{ id: 2, port: p2 }], options: bounds });
    let b = await node({ id: 2, port: p2, peers: [{ id: 1, port: p1 }] });
    await waitFor('connected', () => connected(a, b));
    a.transport.send(1, app(1, 2, 1, Buffer.from('before')));
    await waitFor('first delivery', () => b.received.length === 1);

    await b.stop();
    await waitFor('a sees the break', () => !peerStats(a, 2).connected);
    await waitFor('a reports group 1 unreachable', () =>
      a.unreachable.some(([p, gs]) => p === 2 && gs.includes(1)),
    );
    for (let g = 1; g <= 200; g++) a.transport.send(g, app(1, 2, 2, Buffer.from(`during ${g}`)));
    await waitFor('queued groups reported', () =>
      a.unreachable.some(([p, gs]) => p === 2 && gs.includes(150)),
    );
    const s = peerStats(a, 2);
    expect(s.queuedMessages).toBe(50);
    expect(s.drops['queue-full']).toBe(150);

    b = await node({ id: 2, port: p2, peers: [{ id: 1, port: p1 }] });
    await waitFor('redialled', () => connected(a, b), 10_000);
    a.transport.send(7, app(1, 2, 3, Buffer.from('after')));
    await waitFor('later message delivered', () =>
      b.received.some(([, m]) => Buffer.from(m.entries[0]!.data).toString() === 'after'),
    );
    expect(b.received.length).toBe(51);
    expect(peerStats(a, 2).reconnects).toBe(1);
  });

  test('the accepting side counts a peer that never dialled as unreachable; the opener does not while dialling', async () => {
    const [p1, p2] = (await freePorts(2)) as [number, number];
    const b = await node({ id: 2, port: p2, peers: [{ id: 1, port: p1 }] });
    b.transport.send(5, app(2, 1, 1, Buffer.from('x')));
    await waitFor('b reports group 5', () => b.unreachable.some(([p, gs]) => p === 1 && gs.includes(5)));
    const a = await node({ id: 1, port: p1, peers: [{ id: 2, port: p2 }] });
    a.transport.send(6, app(1, 2, 1, Buffer.from('y')));
    await waitFor('both delivered', () => a.received.length === 1 && b.received.length === 1);
    expect(a.unreachable).toEqual([]);
  });

  test('the accepting side reports unreachable when the opener goes away', async () => {
    const [p1, p2] = (await freePorts(2)) as [number, number];
    const a = await node({ id: 1, port: p1, peers: [{ id: 2, port: p2 }] });
    const b = await node({ id: 2, port: p2, peers: [{ id: 1, port: p1 }] });
    await waitFor('connected', () => connected(a, b));
    b.transport.send(9, app(2, 1, 1, Buffer.from('x')));
    await waitFor('delivered', () => a.received.length === 1);
    await a.stop();
    await waitFor('b reports', () => b.unreachable.some(([p, gs]) => p === 1 && gs.includes(9)));
  });
});

describe('identity', () => {
  test('a node at the configured address that is not the configured node is refused', async () => {
    const [p1, p3] = (await freePorts(2)) as [number, number];
    // Node 1 believes node 2 listens at p3, where node 3 is.
    const a = await node({ id: 1, port: p1, peers: [{ id: 2, port: p3 }] });
    const c = await node({ id: 3, port: p3, peers: [{ id: 1, port: p1 }] });
    a.transport.send(1, app(1, 2, 1, Buffer.from('x')));
    await waitFor('refused', () => c.transport.stats().refused >= 2);
    expect(peerStats(a, 2).connected).toBe(false);
    expect(c.received).toEqual([]);
  });

  test('the opener refuses an answer from the wrong node', async () => {
    const [p1, p2] = (await freePorts(2)) as [number, number];
    const grpc = await import('@grpc/grpc-js');
    // A fake node 2 that accepts anything and says it is node 9.
    const fake = new grpc.Server();
    fake.addService(rawRaftTransportService(), {
      Exchange: (call: import('@grpc/grpc-js').ServerDuplexStream<Buffer, Buffer>) => {
        call.on('data', () =>
          call.write(
            encodeBatch({ hello: { clusterId: 'test', fromNodeId: 9, toNodeId: 1, incarnation: 'x' } }),
          ),
        );
        call.on('error', () => {});
      },
    });
    await new Promise<void>((r, j) =>
      fake.bindAsync(`${LOOPBACK}:${p2}`, grpc.ServerCredentials.createInsecure(), (e) => (e ? j(e) : r())),
    );
    try {
      const a = await node({ id: 1, port: p1, peers: [{ id: 2, port: p2 }] });
      await waitFor('refused by the opener', () => a.transport.stats().refused >= 2);
      expect(peerStats(a, 2).connected).toBe(false);
    } finally {
      fake.forceShutdown();
    }
  });

  test.each([
    ['wrong cluster', { clusterId: 'other', fromNodeId: 1, toNodeId: 2 }, 'hello.cluster_id'],
    ['meant for another node', { clusterId: 'test', fromNodeId: 1, toNodeId: 5 }, 'hello.to_node_id'],
    ['unknown peer', { clusterId: 'test', fromNodeId: 7, toNodeId: 2 }, 'hello.from_node_id'],
    ['higher id opens', { clusterId: 'test', fromNodeId: 3, toNodeId: 2 }, 'hello.from_node_id'],
  ])('the acceptor refuses a hello: %s', async (_name, hello, field) => {
    const [p2] = (await freePorts(1)) as [number];
    const b = await node({
      id: 2,
      port: p2,
      peers: [
        { id: 1, port: 1 },
        { id: 3, port: 1 },
      ],
    });
    const client = rawRaftTransportClient(`${LOOPBACK}:${p2}`, {});
    const call = client.Exchange();
    const status = await new Promise<import('@grpc/grpc-js').ServiceError>((resolve) => {
      call.on('error', resolve);
      call.on('data', () => {});
      call.write(encodeBatch({ hello: { ...hello, incarnation: 'i' } }));
    });
    client.close();
    expect(status.code).toBe(3); // INVALID_ARGUMENT
    expect(errorDetailFromMetadata(status.metadata)?.field).toBe(field);
    expect(b.transport.stats().refused).toBe(1);
  });

  test('the acceptor ends a stream that sends no hello in time', async () => {
    const [p2] = (await freePorts(1)) as [number];
    const b = await node({ id: 2, port: p2, peers: [{ id: 1, port: 1 }], options: { helloTimeoutMs: 100 } });
    const client = rawRaftTransportClient(`${LOOPBACK}:${p2}`, {});
    const call = client.Exchange();
    const status = await new Promise<import('@grpc/grpc-js').ServiceError>((resolve) => {
      call.on('error', resolve);
      call.on('data', () => {});
    });
    client.close();
    expect(status.code).toBe(3);
    expect(errorDetailFromMetadata(status.metadata)?.field).toBe('hello');
    expect(b.transport.stats().refused).toBe(0);
  });

  test('a malformed frame is counted and the stream carries on', async () => {
    const [p2] = (await freePorts(1)) as [number];
    const b = await node({ id: 2, port: p2, peers: [{ id: 1, port: 1 }] });
    const client = rawRaftTransportClient(`${LOOPBACK}:${p2}`, {});
    const call = client.Exchange();
    call.on('data', () => {});
    call.on('error', () => {});
    call.write(encodeBatch({ hello: { clusterId: 'test', fromNodeId: 1, toNodeId: 2, incarnation: 'i' } }));
    call.write(Buffer.from([0xff, 0xff, 0xff, 0x01, 0x02]));
    const good = { groupId: 4, message: { type: 3, from: 1, to: 2, term: 1 } };
    call.write(encodeBatch({ messages: [good as never] }));
    await waitFor('good message delivered', () => b.received.length === 1);
    expect(peerStats(b, 1).drops.malformed).toBe(1);
    call.cancel();
    client.close();
  });
});

describe('frame bounds', () => {
  test('a 24 MiB App (three 8 MiB entries) crosses a real stream in one piece', async () => {
    const [a, b] = await trio();
    const entries = [1, 2, 3].map((i) => ({
      term: 1,
      index: i,
      type: 0 as const,
      data: Buffer.alloc(8 * 1024 * 1024, i),
    }));
    a.transport.send(3, msg(MessageType.App, 1, 2, { entries }));
    await waitFor('delivery', () => b.received.length === 1, 15_000);
    const got = b.received[0]![1].entries;
    expect(got.map((e) => [e.index, e.data.length, e.data[0], e.data[e.data.length - 1]])).toEqual([
      [1, 8 * 1024 * 1024, 1, 1],
      [2, 8 * 1024 * 1024, 2, 2],
      [3, 8 * 1024 * 1024, 3, 3],
    ]);
  });

  test('an App over the bound is split where the leader would split it; one entry over it asserts', () => {
    const entries = Array.from({ length: 10 }, (_, i) => ({
      term: 2 + (i >> 2),
      index: 11 + i,
      type: 0 as const,
      data: Buffer.alloc(1000),
    }));
    const m = msg(MessageType.App, 1, 2, { index: 10, logTerm: 2, commit: 15, entries });
    const parts = splitToFit(m, 3500);
    // Greedy: each part as full as the bound allows (three 1 KB entries and the message's fixed part fit in 3,500 bytes).
    expect(parts.map((p) => p.entries.length)).toEqual([3, 3, 3, 1]);
    expect(parts.flatMap((p) => p.entries)).toEqual(entries);
    for (let i = 1; i < parts.length; i++) {
      const prevLast = parts[i - 1]!.entries.at(-1)!;
      expect([parts[i]!.index, parts[i]!.logTerm]).toEqual([prevLast.index, prevLast.term]);
    }
    expect(() => splitToFit(msg(MessageType.App, 1, 2, { entries: [entries[0]!] }), 500)).toThrow(
      /over the transport's bound/,
    );
    expect(() =>
      splitToFit(
        msg(MessageType.Snap, 1, 2, {
          snapshot: {
            metadata: {
              index: 1,
              term: 1,
              confState: {
                voters: [1],
                learners: [],
                votersOutgoing: [],
                learnersNext: [],
                autoLeave: false,
              },
            },
            data: Buffer.alloc(1000),
          },
        }),
        500,
      ),
    ).toThrow(/bound entries and snapshots upstream/);
  });
});
