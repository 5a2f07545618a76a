// ReplicaHost.deleteShard / deleteGroupData on one node with real LevelDB
// and single-voter groups. Proven here: deleting a hosted shard stops its
// replica and removes its data (the store holds no group of that name, its
// keys are gone once the background removal ran, and a reopened store does
// not bring it back); deleting again, or deleting a group never hosted, is
// a no-op; data whose replica is not open is deleted by its group name; a
// group re-created while its old keys are still being removed is refused
// with Unavailable; and afterwards new groups, including one of the same name, start empty and
// take writes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NodeStore } from '@rheo/storage';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { entryArrivalMs, ReplicaHost, type ShardReplica, type ShardSpec } from '../src/index.js';
import { delivered, makeBatch } from './helpers/batches.js';
import { SECRET, shardSpec, sleep } from './helpers/cluster.js';

let dir = '';
let store: NodeStore;
let host: ReplicaHost;

async function open(): Promise<void> {
  store = await NodeStore.open(dir, { entryTimeMs: entryArrivalMs });
  host = new ReplicaHost({
    nodeId: 1,
    store,
    transport: { send: () => {} },
    options: { iteratorSecret: SECRET, tickIntervalMs: 10 },
  });
  host.start();
}

async function close(): Promise<void> {
  await host.stop();
  await store.close();
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rheo-delete-'));
  await open();
});
afterEach(async () => {
  await close();
  rmSync(dir, { recursive: true, force: true });
});

/** A one-voter shard on this node, serving. */
async function serving(spec: ShardSpec): Promise<ShardReplica> {
  const r = await host.addShard(spec);
  for (let i = 0; i < 500 && !r.status().serving; i++) await sleep(10);
  expect(r.status().serving).toBe(true);
  return r;
}

async function records(r: ShardReplica): Promise<string[]> {
  const it0 = await r.getShardIterator({ type: 'TRIM_HORIZON' });
  const page = await r.getRecords(it0);
  return delivered(page.batches, page.firstBatchSkipRecords, page.recordCount).map((x) => x.tag);
}

async function keyCount(): Promise<number> {
  await store.whenIdle();
  return (await store.db.keys().all()).length;
}

describe('ReplicaHost.deleteShard', () => {
  it('stops the replica and removes its data; idempotent; new groups work afterwards', async () => {
    const a = shardSpec(0, [1]);
    const r = await serving(a);
    for (let i = 0; i < 20; i++) await r.produce(makeBatch(`a${i}`, 3));
    const empty = await keyCount();
    const b = await serving(shardSpec(1, [1]));
    await b.produce(makeBatch('b', 1));
    const withB = await keyCount();
    await host.deleteShard(b.spec.groupId);
    expect(host.replica(b.spec.groupId)).toBeUndefined();
    expect(store.hasGroup(b.spec.groupName)).toBe(false);
    expect(store.groupNames()).toEqual([a.groupName]);
    expect(() => b.status()).not.toThrow();
    await expect(b.produce(makeBatch('late', 1))).rejects.toMatchObject({ code: 'Unavailable' });
    expect(await keyCount()).toBeLessThan(withB);
    expect(await keyCount()).toBe(empty); // every key of the deleted group is gone
    // Again, and a group this node never hosted: no-ops.
    await host.deleteShard(b.spec.groupId);
    await host.deleteShard(99);
    await host.deleteGroupData('shard/s/never');

    // The same name again starts empty (the old data is gone); another group takes writes.
    const again = await serving(shardSpec(1, [1]));
    expect(await records(again)).toEqual([]);
    await again.produce(makeBatch('again', 2));
    expect(await records(again)).toEqual(['again#0', 'again#1']);
    const c = await serving(shardSpec(2, [1]));
    await c.produce(makeBatch('c', 1));
    expect(await records(c)).toEqual(['c#0']);
    expect((await records(r)).length).toBe(60); // the other shard is untouched

    // The deletion is durable: a reopened store does not have the group.
    await host.deleteShard(c.spec.groupId);
    await close();
    await open();
    expect(store.groupNames().sort()).toEqual([a.groupName, again.spec.groupName].sort());
  });

  it('deletes the data of a replica that is not open, by its group name', async () => {
    const spec = shardSpec(0, [1]);
    const r = await serving(spec);
    await r.produce(makeBatch('x', 2));
    await host.removeShard(spec.groupId); // stopped, data kept (as after a restart that did not reopen it)
    expect(store.hasGroup(spec.groupName)).toBe(true);
    await host.deleteShard(spec.groupId, spec.groupName);
    expect(store.hasGroup(spec.groupName)).toBe(false);
    // Re-created while the store still removes the old keys: Unavailable (the controller retries).
    await expect(host.addShard(spec)).rejects.toMatchObject({ code: 'Unavailable' });
    await store.whenIdle();
    expect(await records(await serving(spec))).toEqual([]);
    await host.deleteShard(spec.groupId);
    // Concurrent deletions of one group join each other.
    const s2 = await serving(shardSpec(1, [1]));
    await Promise.all([host.deleteGroupData(s2.spec.groupName), host.deleteShard(s2.spec.groupId)]);
    expect(store.groupNames()).toEqual([]);
  });
});
