// Proves retention on three real nodes (one shard, three replicas, LevelDB
// in temp dirs): with the retention task's clock moved a day past the old
// records (a stream's retention is 24 h; the task's clock is injected), one
// pass on every node trims exactly the records older than the retention
// from every replica's log (their entries can no longer be read from the
// store), TRIM_HORIZON moves to the first retained record on the leader and
// on followers, an iterator issued at a trimmed position reads from the new
// trim horizon (as Kinesis gives it), the newer records stay, and a second
// pass changes nothing. Each node also runs its own task on the real clock
// (retention_check_interval_ms), which trims nothing here.
import { LogCompactedError } from '@rheo/raft';
import { parseSequenceNumber, sequenceParts } from '@rheo/wire';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { RetentionTask } from '../src/node/retention-task.js';
import { batchOf, delivered, type NodeClients, records, rpc } from './grpc-test-client.js';
import { startTestCluster, type TestCluster } from './node-harness.js';

const S0 = 'shardId-000000000000';
const DAY_MS = 24 * 3_600_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let cluster: TestCluster;

beforeAll(async () => {
  cluster = await startTestCluster({
    nodes: 3,
    streams: 'ret:1:1,2,3;more:3:1',
    extraArgs: ['--retention-check-interval-ms', '100'],
  });
}, 30_000);
afterAll(() => cluster?.stop());

const replicaOn = (id: number) =>
  [...cluster.node(id).host.replicas()].find((r) => r.spec.streamName === 'ret')!;

async function put(client: NodeClients, tag: string) {
  return rpc.putRecords(client, { streamName: 'ret', shardId: S0, recordBatch: batchOf(records(tag, 10)) });
}

async function readFrom(client: NodeClients, iterator: string, allowFollowerRead = false): Promise<string[]> {
  const out: string[] = [];
  for (;;) {
    const page = await rpc.getRecords(client, { shardIterator: iterator, allowFollowerRead });
    out.push(...delivered(page).map((r) => r.data.split('-')[0]!));
    iterator = page.nextShardIterator;
    if (page.recordCount === 0) return out;
  }
}

const horizon = (client: NodeClients) =>
  rpc
    .getShardIterator(client, {
      streamName: 'ret',
      shardId: S0,
      shardIteratorType: 'SHARD_ITERATOR_TYPE_TRIM_HORIZON',
    })
    .then((r) => r.shardIterator);

test('records past the retention leave every replica; TRIM_HORIZON moves; newer records stay', async () => {
  const leaderId = await cluster.leaderOf('ret', S0);
  const leader = cluster.client(leaderId);
  const old = [await put(leader, 'old1'), await put(leader, 'old2'), await put(leader, 'old3')];
  await sleep(20); // arrival stamps are ms: the new records arrive strictly later
  const fresh = [await put(leader, 'new1'), await put(leader, 'new2')];
  const oldLast = old[2]!;
  expect(fresh[0]!.arrivalTimestampMs).toBeGreaterThan(oldLast.arrivalTimestampMs);
  const oldIndex = Number(sequenceParts(parseSequenceNumber(oldLast.firstSequenceNumber, 'seq')).index);
  const newIndex = Number(sequenceParts(parseSequenceNumber(fresh[0]!.firstSequenceNumber, 'seq')).index);
  // An iterator at the first old record, issued before the trim.
  const atOld = await rpc.getShardIterator(leader, {
    streamName: 'ret',
    shardId: S0,
    shardIteratorType: 'SHARD_ITERATOR_TYPE_AT_SEQUENCE_NUMBER',
    startingSequenceNumber: old[0]!.firstSequenceNumber,
  });
  // Every replica has applied everything.
  const applied = replicaOn(leaderId).status().appliedIndex;
  for (const id of [1, 2, 3]) {
    while (replicaOn(id).status().appliedIndex < applied) await sleep(20);
  }

  // A day and a moment after the last old record: it is past the 24 h retention, the new ones are not.
  const now = oldLast.arrivalTimestampMs + 1 + DAY_MS;
  const tasks = [1, 2, 3].map(
    (id) =>
      new RetentionTask({
        replicas: () => [replicaOn(id)],
        catalog: cluster.node(id).catalog,
        intervalMs: 60_000,
        nowMs: () => now,
      }),
  );
  for (const task of tasks) {
    const pass = await task.runPass();
    expect(pass).toMatchObject({ checked: 1, trimmed: 1 });
    expect(pass.entriesTrimmed).toBeGreaterThanOrEqual(3);
  }
  for (const id of [1, 2, 3]) {
    const r = replicaOn(id);
    const first = r.status().firstIndex;
    expect(first, `node ${id}'s first index`).toBeGreaterThan(oldIndex);
    expect(first, `node ${id}'s first index`).toBeLessThanOrEqual(newIndex);
    // The old entries are gone from the store, not only hidden.
    await expect(
      cluster
        .node(id)
        .store.group(r.spec.groupName)
        .readRange(oldIndex, 1, 1 << 20),
    ).rejects.toThrow(LogCompactedError);
  }

  const expected = ['new1', 'new2'].flatMap((t) => Array.from({ length: 10 }, () => t));
  expect(await readFrom(leader, await horizon(leader))).toEqual(expected);
  for (const id of [1, 2, 3].filter((i) => i !== leaderId)) {
    const c = cluster.client(id);
    expect(await readFrom(c, await horizon(c), true)).toEqual(expected);
  }
  // A trimmed position reads from the new trim horizon.
  expect(await readFrom(leader, atOld.shardIterator)).toEqual(expected);

  // Nothing more is old enough: a second pass trims nothing.
  for (const task of tasks) expect(await task.runPass()).toMatchObject({ checked: 1, trimmed: 0 });
  // The nodes' own tasks (real clock, every 100 ms) ran and trimmed nothing.
  for (const id of [1, 2, 3]) {
    expect(cluster.node(id).retention.passes).toBeGreaterThan(0);
    expect(replicaOn(id).status().firstIndex).toBeLessThanOrEqual(newIndex);
  }
});

test('a pass is bounded: replicas are taken round-robin by group id, a few per pass', async () => {
  const node = cluster.node(1);
  const groups = [...node.host.replicas()].map((r) => r.spec.groupId).sort((a, b) => a - b);
  expect(groups.length).toBe(4);
  const task = new RetentionTask({
    replicas: () => node.host.replicas(),
    catalog: node.catalog,
    intervalMs: 60_000,
    nowMs: () => Date.now(),
    replicasPerPassMax: 3,
  });
  expect((await task.runPass()).groupIds).toEqual(groups.slice(0, 3));
  expect((await task.runPass()).groupIds).toEqual([groups[3], groups[0], groups[1]]);
  expect((await task.runPass()).groupIds).toEqual([groups[2], groups[3], groups[0]]);
});
