// A first multi-process smoke test: three node processes (the built
// packages/server/dist/main.js, started by testkit's LocalCluster on
// 127.0.0.1) replicating one static stream. It proves, over real processes
// and the real wire:
// - writes acknowledged by the leader can be read back from every replica
//   (follower reads allowed), identically;
// - after kill -9 of a follower the leader keeps taking writes (a majority
//   remains), and the restarted follower (same port, same data dir) catches
//   up: it serves every acknowledged record, in the leader's order, once;
// - every process the test started is gone at the end (by pid).
import { existsSync } from 'node:fs';
import { LocalCluster, pidAlive } from '@rheo/testkit';
import { encodeBatch } from '@rheo/wire';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  clientsFor,
  delivered,
  type NodeClients,
  type ReadRecord,
  records,
  rpc,
} from './grpc-test-client.js';

const SHARD = 'shardId-000000000000';
let cluster: LocalCluster;
const clients = new Map<number, NodeClients>();

beforeAll(async () => {
  cluster = await LocalCluster.start({ nodes: 3, streams: [{ name: 'orders', shards: 1 }] });
  for (const id of cluster.ids()) clients.set(id, clientsFor(cluster.node(id).address));
}, 120_000);

afterAll(async () => {
  for (const c of clients.values()) c.close();
  const pids = cluster?.pids() ?? [];
  await cluster?.destroy();
  for (const pid of pids) expect(pidAlive(pid)).toBe(false);
  if (cluster !== undefined) expect(existsSync(cluster.dir)).toBe(false);
}, 60_000);

/** The leader's id as every running node's shard map names it. */
async function leader(): Promise<number> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const seen = new Set<number>();
    for (const id of cluster.ids().filter((i) => cluster.running(i))) {
      const map = await rpc.getShardMap(clients.get(id)!, { streamNames: ['orders'] }).catch(() => undefined);
      seen.add(map?.streams[0]?.shards[0]?.leaderNodeId ?? 0);
    }
    const [only] = seen;
    if (seen.size === 1 && only !== undefined && only > 0) return only;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('no leader agreed on within 30 s');
}

async function write(leaderId: number, tag: string, batches: number): Promise<void> {
  for (let b = 0; b < batches; b++) {
    const ack = await rpc.putRecords(clients.get(leaderId)!, {
      streamName: 'orders',
      shardId: SHARD,
      recordBatch: encodeBatch(records(`${tag}${b}`, 10)),
    });
    expect(ack.recordCount).toBe(10);
  }
}

/** All records node `id` serves (a follower read), once it holds `count` of them (or 30 s passed). */
async function readFrom(id: number, count: number): Promise<ReadRecord[]> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const out: ReadRecord[] = [];
    const c = clients.get(id)!;
    const it = await rpc.getShardIterator(c, {
      streamName: 'orders',
      shardId: SHARD,
      shardIteratorType: 'SHARD_ITERATOR_TYPE_TRIM_HORIZON',
    });
    let iterator = it.shardIterator;
    for (;;) {
      const page = await rpc.getRecords(c, { shardIterator: iterator, allowFollowerRead: true });
      out.push(...delivered(page));
      iterator = page.nextShardIterator;
      if (page.recordCount === 0) break;
    }
    if (out.length >= count || Date.now() > deadline) return out;
    await new Promise((r) => setTimeout(r, 100));
  }
}

test('write, read back from every replica, kill -9 a follower, keep writing, restart it, it catches up', async () => {
  const lead = await leader();
  await write(lead, 'a', 20);
  const fromLeader = await readFrom(lead, 200);
  expect(fromLeader).toHaveLength(200);
  for (const id of cluster.ids()) expect(await readFrom(id, 200)).toEqual(fromLeader);

  const follower = cluster.ids().find((id) => id !== lead)!;
  expect(await cluster.kill(follower)).toEqual({ code: null, signal: 'SIGKILL' });
  await write(lead, 'b', 20);
  const ready = await cluster.restart(follower);
  expect(ready).toMatchObject({ node: follower, grpcAddress: cluster.node(follower).address, shards: 1 });
  const all = await readFrom(lead, 400);
  expect(all).toHaveLength(400);
  expect(new Set(all.map((r) => r.sequenceNumber)).size).toBe(400);
  expect(await readFrom(follower, 400)).toEqual(all);
}, 180_000);
