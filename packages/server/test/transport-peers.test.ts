// Proves that the Raft transport's peers can change at run time (cluster
// mode learns brokers' addresses from the metadata), over real gRPC streams
// on 127.0.0.1:
// - setPeers adds peers: two nodes that started knowing no one connect and
//   exchange messages once each learns the other;
// - a changed address redials: the opener drops the stream to the old
//   address (that process sees it end) and the next messages reach the
//   node at the new address;
// - setPeers removes learned peers that are no longer listed (their stream
//   ends, later sends count as unknown-peer drops) but never the peers the
//   transport was constructed with;
// - with acceptUnknownPeers, a node accepts a stream from a lower-id node it
//   has not learned yet, can answer on it, and learning that node's address
//   later keeps the stream.
import { MessageType } from '@rheo/raft';
import { freePorts, LOOPBACK } from '@rheo/testkit';
import { afterEach, describe, expect, test } from 'vitest';
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

const at = (port: number) => `${LOOPBACK}:${port}`;
const text = (n: TestNode) => n.received.map(([, m]) => Buffer.from(m.entries[0]?.data ?? []).toString());

describe('setPeers', () => {
  test('adds peers learned at run time', async () => {
    const [p1, p2] = (await freePorts(2)) as [number, number];
    const a = await node({ id: 1, port: p1, peers: [] });
    const b = await node({ id: 2, port: p2, peers: [] });
    expect(a.transport.peers()).toEqual([]);
    a.transport.setPeers([{ id: 2, address: at(p2) }]);
    b.transport.setPeers([{ id: 1, address: at(p1) }]);
    await waitFor('connected', () => connected(a, b));
    a.transport.send(7, app(1, 2, 1, Buffer.from('a->b')));
    b.transport.send(7, app(2, 1, 1, Buffer.from('b->a')));
    await waitFor('both delivered', () => a.received.length === 1 && b.received.length === 1);
    expect([text(a), text(b)]).toEqual([['b->a'], ['a->b']]);
    // The same list again changes nothing: the stream stays.
    a.transport.setPeers([
      { id: 2, address: at(p2) },
      { id: 1, address: at(p1) },
    ]);
    expect(peerStats(a, 2).connects).toBe(1);
    expect(a.transport.peers()).toEqual([{ id: 2, address: at(p2) }]);
  });

  test('a changed address redials the new one and drops the old stream', async () => {
    const [p1, pOld, pNew] = (await freePorts(3)) as [number, number, number];
    const a = await node({ id: 1, port: p1, peers: [] });
    const old2 = await node({ id: 2, port: pOld, peers: [{ id: 1, port: p1 }] });
    const new2 = await node({ id: 2, port: pNew, peers: [{ id: 1, port: p1 }] });
    a.transport.setPeers([{ id: 2, address: at(pOld) }]);
    await waitFor('connected to the old address', () => connected(a, old2));
    a.transport.setPeers([{ id: 2, address: at(pNew) }]);
    await waitFor('connected to the new address', () => connected(a, new2));
    await waitFor('the old stream ended', () => !peerStats(old2, 1).connected);
    a.transport.send(3, app(1, 2, 1, Buffer.from('to the new one')));
    await waitFor('delivered at the new address', () => new2.received.length === 1);
    expect(old2.received).toEqual([]);
    expect(a.transport.peers()).toEqual([{ id: 2, address: at(pNew) }]);
  });

  test('removes learned peers no longer listed, never pinned ones', async () => {
    const [p1, p2, p3] = (await freePorts(3)) as [number, number, number];
    // Node 2 is pinned on node 1 (given at construction); node 3 is learned.
    const a = await node({ id: 1, port: p1, peers: [{ id: 2, port: p2 }] });
    const b = await node({ id: 2, port: p2, peers: [{ id: 1, port: p1 }] });
    const c = await node({ id: 3, port: p3, peers: [{ id: 1, port: p1 }] });
    a.transport.setPeers([{ id: 3, address: at(p3) }]);
    await waitFor('both connected', () => connected(a, b) && connected(a, c));
    a.transport.setPeers([]);
    expect(a.transport.peers()).toEqual([{ id: 2, address: at(p2) }]);
    await waitFor('node 3 sees the stream end', () => !peerStats(c, 1).connected);
    a.transport.send(5, msg(MessageType.App, 1, 3));
    expect(a.transport.stats().drops['unknown-peer']).toBe(1);
    await waitFor('node 1 reports node 3 unreachable', () => a.unreachable.some(([p]) => p === 3));
    a.transport.send(5, app(1, 2, 1, Buffer.from('still there')));
    await waitFor('the pinned peer still gets messages', () => b.received.length === 1);
  });

  test('acceptUnknownPeers: a lower-id node may dial before it is learned', async () => {
    const [p1, p2] = (await freePorts(2)) as [number, number];
    const b = await node({ id: 2, port: p2, peers: [], options: { acceptUnknownPeers: true } });
    const a = await node({ id: 1, port: p1, peers: [{ id: 2, port: p2 }] });
    await waitFor('connected', () => connected(a, b));
    expect(b.transport.peers()).toEqual([{ id: 1, address: '' }]);
    b.transport.send(9, app(2, 1, 1, Buffer.from('answer')));
    await waitFor('the answer arrived', () => a.received.length === 1);
    b.transport.setPeers([{ id: 1, address: at(p1) }]);
    expect(b.transport.peers()).toEqual([{ id: 1, address: at(p1) }]);
    a.transport.send(9, app(1, 2, 1, Buffer.from('same stream')));
    await waitFor('delivered', () => b.received.length === 1);
    expect(peerStats(a, 2).connects).toBe(1);
    expect(b.transport.stats().refused).toBe(0);
  });
});
