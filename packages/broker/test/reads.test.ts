// GetShardIterator and GetRecords on a 3-node in-process cluster, with an
// injected wall clock. Proven here: every iterator type at its edges (empty
// shard, mid-batch positions, after the newest record, LATEST, timestamps
// before/between/after the data, a trimmed position, which reads from the
// trim horizon as Kinesis does for expired data), record limits that cut a
// batch and continue it, expired / tampered / malformed / foreign iterators
// and sequence numbers with their precise errors, and that no replica ever
// serves an entry that is not committed, and a deposed leader refuses
// linearizable reads once a new leader has acked a write.
import { RheoError, sequenceNumber, sequenceParts } from '@rheo/wire';
import { afterEach, describe, expect, it } from 'vitest';
import type { ShardReplica } from '../src/index.js';
import { delivered, makeBatch } from './helpers/batches.js';
import { sleep, TestCluster } from './helpers/cluster.js';

let cluster: TestCluster | undefined;
afterEach(async () => {
  await cluster?.close();
  cluster = undefined;
});

let now = 1_000_000;
const clock = () => now;

async function read(r: ShardReplica, it: string, limitRecords?: number) {
  const res = await r.getRecords(it, limitRecords === undefined ? {} : { limitRecords });
  return {
    ...res,
    tags: delivered(res.batches, res.firstBatchSkipRecords, res.recordCount).map((x) => x.tag),
  };
}

async function errorOf(p: Promise<unknown>): Promise<RheoError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(RheoError);
  return e as RheoError;
}

describe('iterators and GetRecords', () => {
  it('an empty shard: TRIM_HORIZON and LATEST read nothing, sequence numbers are beyond the newest', async () => {
    cluster = await TestCluster.start({ nowMs: clock });
    const l = await cluster.leader();
    const th = await read(l, await l.getShardIterator({ type: 'TRIM_HORIZON' }));
    expect([th.tags, th.millisBehindLatest]).toEqual([[], 0]);
    const latest = await read(l, await l.getShardIterator({ type: 'LATEST' }));
    expect(latest.tags).toEqual([]);
    const seq = sequenceNumber(0n, 2, 0).toString();
    const e = await errorOf(l.getShardIterator({ type: 'AT_SEQUENCE_NUMBER', sequenceNumber: seq }));
    expect([e.code, e.field]).toEqual(['InvalidArgument', 'StartingSequenceNumber']);
    // The empty answer's iterator sees what is written later.
    await l.produce(makeBatch('a', 2));
    expect((await read(l, th.nextIterator)).tags).toEqual(['a#0', 'a#1']);
  });

  it('every position type at its edges', async () => {
    cluster = await TestCluster.start({ nowMs: clock });
    const l = await cluster.leader();
    now = 2_000_000;
    const a = await l.produce(makeBatch('a', 3));
    now = 2_001_000;
    const b = await l.produce(makeBatch('b', 2));
    now = 2_002_000;
    const c = await l.produce(makeBatch('c', 4));
    const lastOfC = (BigInt(c.firstSequenceNumber) + 3n).toString();
    const at = (type: 'AT_SEQUENCE_NUMBER' | 'AFTER_SEQUENCE_NUMBER', s: bigint | string) =>
      l.getShardIterator({ type, sequenceNumber: s.toString() });

    const all = await read(l, await l.getShardIterator({ type: 'TRIM_HORIZON' }));
    expect(all.tags).toEqual(['a#0', 'a#1', 'a#2', 'b#0', 'b#1', 'c#0', 'c#1', 'c#2', 'c#3']);
    const mid = await read(l, await at('AT_SEQUENCE_NUMBER', BigInt(b.firstSequenceNumber) + 1n));
    expect(mid.tags).toEqual(['b#1', 'c#0', 'c#1', 'c#2', 'c#3']);
    expect(mid.firstBatchSkipRecords).toBe(1);
    expect(
      (await read(l, await at('AFTER_SEQUENCE_NUMBER', BigInt(a.firstSequenceNumber) + 2n))).tags[0],
    ).toBe('b#0');
    const after = await read(l, await at('AFTER_SEQUENCE_NUMBER', lastOfC));
    expect(after.tags).toEqual([]);
    expect((await read(l, await at('AT_SEQUENCE_NUMBER', lastOfC))).tags).toEqual(['c#3']);
    const beyond = await errorOf(at('AT_SEQUENCE_NUMBER', BigInt(lastOfC) + 1n));
    expect(beyond.message).toMatch(/beyond the newest record/);

    // A limit that cuts a batch; the next iterator continues mid-batch.
    const first = await read(l, await l.getShardIterator({ type: 'TRIM_HORIZON' }), 2);
    expect(first.tags).toEqual(['a#0', 'a#1']);
    const rest = await read(l, first.nextIterator, 2);
    expect([rest.tags, rest.firstBatchSkipRecords]).toEqual([['a#2', 'b#0'], 2]);

    // Timestamps: before, between and after the data.
    const ts = async (t: number) =>
      (await read(l, await l.getShardIterator({ type: 'AT_TIMESTAMP', timestampMs: t }))).tags;
    expect((await ts(0)).length).toBe(9);
    expect(await ts(2_000_500)).toEqual(['b#0', 'b#1', 'c#0', 'c#1', 'c#2', 'c#3']);
    expect(await ts(2_002_000)).toEqual(['c#0', 'c#1', 'c#2', 'c#3']);
    expect(await ts(9_000_000)).toEqual([]);

    // LATEST sees only what comes after it; the answer after it continues from there.
    const latest = await l.getShardIterator({ type: 'LATEST' });
    await l.produce(makeBatch('d', 1));
    const d = await read(l, latest);
    expect(d.tags).toEqual(['d#0']);
    await l.produce(makeBatch('e', 1));
    expect((await read(l, d.nextIterator)).tags).toEqual(['e#0']);
    // Unchanged position: after's iterator sees d and e too.
    expect((await read(l, after.nextIterator)).tags).toEqual(['d#0', 'e#0']);
  });

  it('bad iterators and sequence numbers get precise errors', async () => {
    cluster = await TestCluster.start({ nowMs: clock });
    const l = await cluster.leader();
    await l.produce(makeBatch('a', 1));
    const it = await l.getShardIterator({ type: 'TRIM_HORIZON' });
    const flipped = it.slice(0, 20) + (it[20] === 'A' ? 'B' : 'A') + it.slice(21);
    const tampered = await errorOf(l.getRecords(flipped));
    expect([tampered.code, tampered.field]).toEqual(['InvalidArgument', 'ShardIterator']);
    expect((await errorOf(l.getRecords('not a token!'))).code).toBe('InvalidArgument');
    expect((await errorOf(l.getRecords(it, { limitRecords: 0 }))).field).toBe('Limit');
    expect((await errorOf(l.getRecords(it, { limitRecords: 10_001 }))).field).toBe('Limit');
    const foreign = sequenceNumber(5n, 2, 0).toString();
    const e1 = await errorOf(l.getShardIterator({ type: 'AT_SEQUENCE_NUMBER', sequenceNumber: foreign }));
    expect(e1.message).toMatch(/did not come from this shard/);
    const e2 = await errorOf(l.getShardIterator({ type: 'AFTER_SEQUENCE_NUMBER', sequenceNumber: '12x' }));
    expect([e2.code, e2.field]).toEqual(['InvalidArgument', 'StartingSequenceNumber']);
    expect((await errorOf(l.getShardIterator({ type: 'AT_TIMESTAMP' }))).field).toBe('Timestamp');
    now += 300_001;
    expect((await errorOf(l.getRecords(it))).code).toBe('ExpiredIterator');
  });

  it('a trimmed position reads from the trim horizon', async () => {
    cluster = await TestCluster.start({ nowMs: clock });
    const c = cluster;
    const l = await c.leader();
    const a = await l.produce(makeBatch('a', 2));
    const atA = await l.getShardIterator({
      type: 'AT_SEQUENCE_NUMBER',
      sequenceNumber: a.firstSequenceNumber,
    });
    await l.produce(makeBatch('b', 2));
    const c3 = await l.produce(makeBatch('c', 2));
    await c.converge();
    const cIndex = sequenceParts(BigInt(c3.firstSequenceNumber)).index;
    for (const id of c.ids) expect(await c.replica(id).trimBefore(cIndex)).toBe(cIndex);
    expect((await read(l, atA)).tags).toEqual(['c#0', 'c#1']);
    expect((await read(l, await l.getShardIterator({ type: 'TRIM_HORIZON' }))).tags).toEqual(['c#0', 'c#1']);
  });

  it('no replica serves an entry that is not committed', async () => {
    cluster = await TestCluster.start({ nowMs: clock });
    const c = cluster;
    const l = await c.leader();
    await l.produce(makeBatch('ok', 1));
    await c.converge();
    const lid = c.leaderId(l);
    const [f, g] = c.ids.filter((id) => id !== lid) as [number, number];
    // g is cut off; f receives the leader's appends but its answers are lost: nothing can commit.
    c.net.isolate(g, c.ids);
    c.net.block(f, lid);
    const pending = l.produce(makeBatch('uncommitted', 3)).catch((e: unknown) => e);
    const fr = c.replica(f);
    while (fr.status().lastIndex <= fr.status().commitIndex) await sleep(2);
    for (const id of [lid, f]) {
      const tags = (await c.readAll(id)).map((r) => r.tag);
      expect(tags).toEqual(['ok#0']);
    }
    expect(
      (
        await errorOf(
          fr.getRecords(await fr.getShardIterator({ type: 'TRIM_HORIZON' }, { allowFollower: true })),
        )
      ).code,
    ).toBe('NotLeader');
    c.net.heal();
    const outcome = await pending;
    expect(outcome instanceof RheoError ? outcome.code : 'acked').toMatch(/OutcomeUnknown|acked/);
  });

  it('a deposed leader never serves a stale read: a write acked by the new leader is never missed', async () => {
    cluster = await TestCluster.start({ nowMs: clock });
    const c = cluster;
    const old = await c.leader();
    await old.produce(makeBatch('before', 1));
    await c.converge();
    const oid = c.leaderId(old);
    const it = await old.getShardIterator({ type: 'TRIM_HORIZON' });
    c.net.isolate(oid, c.ids);
    let fresh = await c.leader();
    while (c.leaderId(fresh) === oid) {
      await sleep(5);
      fresh = await c.leader();
    }
    await fresh.produce(makeBatch('after', 1));
    // Without allowFollower the old leader must refuse (its lease ended before the new leader could exist).
    const e = await errorOf(old.getRecords(it));
    expect(['NotLeader', 'Unavailable']).toContain(e.code);
    // With allowFollower it may be stale, but only ever serves committed records.
    const stale = await old.getRecords(it, { allowFollower: true });
    expect(
      delivered(stale.batches, stale.firstBatchSkipRecords, stale.recordCount).map((r) => r.tag),
    ).toEqual(['before#0']);
    c.net.heal();
  });
});
