// ReplicaHost: routing and the shared timer, on a 3-node in-process cluster
// with several shards. Proven here: messages for an unknown group are
// counted and dropped (never thrown), shards are found by stream and shard
// id (ResourceNotFound otherwise), several groups elect and take writes
// independently over one timer, options with a misspelled key or a short
// iterator secret are refused, and leases are distrusted for an election
// timeout after the monotonic clock shows lost ticks (a stall).

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessageType, newMessage } from '@rheo/raft';
import { NodeStore } from '@rheo/storage';
import { RheoError } from '@rheo/wire';
import { afterEach, describe, expect, it } from 'vitest';
import { ReplicaHost } from '../src/index.js';
import { makeBatch } from './helpers/batches.js';
import { SECRET, shardSpec, TestCluster } from './helpers/cluster.js';

let cluster: TestCluster | undefined;
afterEach(async () => {
  await cluster?.close();
  cluster = undefined;
});

describe('ReplicaHost', () => {
  it('routes by group, counts unknown groups, serves several shards', async () => {
    const ids = [1, 2, 3];
    cluster = await TestCluster.start({ shards: [shardSpec(0, ids), shardSpec(1, ids), shardSpec(2, ids)] });
    const c = cluster;
    const leaders = await Promise.all([1, 2, 3].map((g) => c.leader(g)));
    const acks = await Promise.all(leaders.map((l, i) => l.produce(makeBatch(`g${i}`, 2))));
    expect(acks.map((a) => a.shardId)).toEqual([
      'shardId-000000000000',
      'shardId-000000000001',
      'shardId-000000000002',
    ]);
    const h = c.host(1);
    expect(h.shard('s', 'shardId-000000000001').spec.groupId).toBe(2);
    expect(() => h.shard('s', 'shardId-000000000009')).toThrow(RheoError);
    expect(h.hasGroup(2)).toBe(true);
    expect(h.hasGroup(99)).toBe(false);
    const before = h.stats().unknownGroupMessages;
    h.deliver(99, newMessage({ type: MessageType.Heartbeat, to: 1, from: 2, term: 1 }));
    expect(h.stats().unknownGroupMessages).toBe(before + 1);
    h.reportUnreachable(2, [1, 2, 99]);
    expect(h.stats().shards).toBe(3);
  });

  it('distrusts leases for an election timeout after ticks were lost', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rheo-host-'));
    const store = await NodeStore.open(dir);
    let now = 0;
    const host = new ReplicaHost({
      nodeId: 1,
      store,
      transport: { send: () => {} },
      monoMs: () => now,
      options: { iteratorSecret: SECRET, tickIntervalMs: 100, electionTicks: 10, heartbeatTicks: 1 },
    });
    try {
      host.start();
      expect(host.leasesTrusted()).toBe(true);
      // Eleven intervals, each seen on time: nothing lost.
      for (let i = 0; i < 11; i++) {
        now += 100;
        host.catchUpTicks();
      }
      expect(host.leasesTrusted()).toBe(true);
      expect(host.stats().lostTicks).toBe(0);
      // A stall of 1.5 s: one tick given, 14 lost; leases distrusted.
      now += 1_500;
      expect(host.leasesTrusted()).toBe(false);
      expect(host.stats().lostTicks).toBe(14);
      for (let i = 0; i < 10; i++) {
        now += 100;
        expect(host.leasesTrusted()).toBe(false);
      }
      now += 100;
      expect(host.leasesTrusted()).toBe(true);
    } finally {
      await host.stop();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses unknown options and short secrets', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rheo-host-'));
    const store = await NodeStore.open(dir);
    try {
      const transport = { send: () => {} };
      expect(
        () =>
          new ReplicaHost({
            nodeId: 1,
            store,
            transport,
            options: { iteratorSecret: SECRET, tickMs: 5 } as never,
          }),
      ).toThrow(/unknown replica option/);
      expect(
        () =>
          new ReplicaHost({ nodeId: 1, store, transport, options: { iteratorSecret: new Uint8Array(4) } }),
      ).toThrow(/iteratorSecret/);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
