// The apply-time dedup check, the second line of defence behind the
// leader's (which never proposes a batch whose fate it cannot know). Here
// duplicates are put in the log on purpose. Proven: applying them is
// deterministic (same outcomes and same state on two independent states),
// a duplicate or fenced batch is recorded as skipped, and GetRecords never
// delivers a skipped batch while still delivering its neighbours in the
// same entry, with sequence numbers and skip counts intact.

import { EntryType } from '@rheo/raft';
import type { GroupLog, StoredEntry } from '@rheo/storage';
import { sequenceNumber, stampBatch } from '@rheo/wire';
import { describe, expect, it } from 'vitest';
import { encodeEntry } from '../src/entry-codec.js';
import type { ProducerStamp } from '../src/index.js';
import { applyEntry } from '../src/shard-apply.js';
import { getRecords, issueToken, type ReadAccess } from '../src/shard-reads.js';
import { ShardState } from '../src/shard-state.js';
import { delivered, makeBatch } from './helpers/batches.js';
import { SECRET, shardSpec } from './helpers/cluster.js';

const bounds = { producersMax: 100, producerBatchesKept: 5 };

function entry(
  index: number,
  parts: Array<{ tag: string; count: number; producer?: ProducerStamp }>,
): StoredEntry {
  const { data, views } = encodeEntry(
    parts.map((p) => ({ batch: makeBatch(p.tag, p.count), producer: p.producer })),
  );
  let position = 0;
  views.forEach((v, i) => {
    stampBatch(v, { firstSequence: sequenceNumber(0n, index, position), arrivalMs: 1000 + index });
    position += parts[i]!.count;
  });
  return { index, term: 1, type: EntryType.Normal, data, timeMs: 1000 + index };
}

const p = (batchSequence: number, producerEpoch = 1): ProducerStamp => ({
  producerId: 'dup',
  producerEpoch,
  batchSequence,
});

describe('apply-time dedup', () => {
  const log = [
    entry(2, [{ tag: 'a', count: 2, producer: p(1) }]),
    // x has no producer fields; a again is a duplicate; b is the next batch.
    entry(3, [
      { tag: 'x', count: 1 },
      { tag: 'a-again', count: 2, producer: p(1) },
      { tag: 'b', count: 3, producer: p(2) },
    ]),
    // e2 raises the epoch; zombie (epoch 1) is then fenced.
    entry(4, [
      { tag: 'e2', count: 1, producer: p(1, 2) },
      { tag: 'zombie', count: 1, producer: p(3, 1) },
      { tag: 'y', count: 2 },
    ]),
  ];

  it('decides the same on every replica and records the skipped batches', () => {
    const run = () => {
      const s = new ShardState(1, bounds);
      const kinds = log.map((e) => applyEntry(s, e.index, e.data).map((o) => o.kind));
      return { kinds, bytes: s.encode(), skipped: [...s.skipped] };
    };
    const one = run();
    expect(one.kinds).toEqual([
      ['written'],
      ['written', 'duplicate', 'written'],
      ['written', 'fenced', 'written'],
    ]);
    expect(one.skipped).toEqual([
      [3, [1]],
      [4, [1]],
    ]);
    expect(run().bytes).toEqual(one.bytes);
  });

  it('GetRecords skips them and delivers their neighbours', async () => {
    const state = new ShardState(1, bounds);
    for (const e of log) applyEntry(state, e.index, e.data);
    const fakeLog = {
      firstIndex: () => 2,
      indexAtTime: async () => 2,
      readRange: async (from: number, max: number, _bytes: number, hi: number) =>
        log.filter((e) => e.index >= from && e.index < Math.min(hi, from + max)),
    } as unknown as GroupLog;
    const a: ReadAccess = {
      spec: shardSpec(0, [1]),
      log: fakeLog,
      state,
      iteratorSecret: SECRET,
      iteratorTtlMs: 300_000,
      readStepEntries: 2,
      nowMs: () => 5000,
    };
    const res = await getRecords(a, issueToken(a, { kind: 'TRIM_HORIZON' }), async () => 4, {});
    const got = delivered(res.batches, res.firstBatchSkipRecords, res.recordCount);
    expect(got.map((r) => r.tag)).toEqual(['a#0', 'a#1', 'x#0', 'b#0', 'b#1', 'b#2', 'e2#0', 'y#0', 'y#1']);
    expect(got.map((r) => r.sequenceNumber)).toEqual([
      sequenceNumber(0n, 2, 0),
      sequenceNumber(0n, 2, 1),
      sequenceNumber(0n, 3, 0),
      sequenceNumber(0n, 3, 3),
      sequenceNumber(0n, 3, 4),
      sequenceNumber(0n, 3, 5),
      sequenceNumber(0n, 4, 0),
      sequenceNumber(0n, 4, 2),
      sequenceNumber(0n, 4, 3),
    ]);
    // Starting inside b (after a skipped batch in the same entry): the skip count is b's own.
    const mid = await getRecords(
      a,
      issueToken(a, { kind: 'AT_SEQUENCE_NUMBER', sequenceNumber: sequenceNumber(0n, 3, 4) }),
      async () => 4,
      { limitRecords: 2 },
    );
    expect(mid.firstBatchSkipRecords).toBe(1);
    expect(delivered(mid.batches, mid.firstBatchSkipRecords, mid.recordCount).map((r) => r.tag)).toEqual([
      'b#1',
      'b#2',
    ]);
  });
});
