// ProducePipeline against a fake core. Proven here: everything queued in a
// turn is proposed at the predicted index as few entries as the bounds
// allow (entryBytesMax, 16,384 records per entry), with positions continuing
// across the batches of an entry; answers follow the apply of the same
// index and term; another term at that index answers NotLeader (never
// written); a refused proposal answers NotLeader or Backpressure; losing
// leadership answers OutcomeUnknown for proposed batches and NotLeader for
// queued ones; in-flight bytes return to zero whatever happens.
import type { ProposeResult } from '@rheo/raft';
import { type RheoError, readBatchStamp, sequenceNumber } from '@rheo/wire';
import { describe, expect, it } from 'vitest';
import { decodeEntry } from '../src/entry-codec.js';
import { ProducePipeline } from '../src/produce-pipeline.js';
import { ProducerTable } from '../src/producer-table.js';
import { applyEntry } from '../src/shard-apply.js';
import { ShardState } from '../src/shard-state.js';
import { makeBatch } from './helpers/batches.js';

class FakeCore {
  last = 10;
  term = 3;
  refuse: ProposeResult | undefined = undefined;
  readonly proposed: Array<{ index: number; data: Uint8Array }> = [];
  propose(data: Uint8Array): ProposeResult {
    if (this.refuse) return this.refuse;
    this.last++;
    this.proposed.push({ index: this.last, data });
    return { ok: true, firstIndex: this.last, lastIndex: this.last, term: this.term };
  }
}

function rig(limits = { entryBytesMax: 1 << 20, inflightBytesMax: 64 << 20 }) {
  const core = new FakeCore();
  const turns: Array<() => void> = [];
  const pipe = new ProducePipeline(
    {
      shardId: 'shardId-000000000000',
      sequenceBase: 0n,
      lastIndex: () => core.last,
      propose: (d) => core.propose(d),
      nowMs: () => 5000,
      leaderHint: () => '2',
    },
    limits,
    (fn) => turns.push(fn),
  );
  const table = new ProducerTable(10, 5);
  const flush = () => {
    while (turns.length > 0) turns.shift()!();
  };
  return { core, pipe, table, flush };
}

describe('ProducePipeline', () => {
  it('gathers a turn into as few entries as the bounds allow, stamped at the predicted index', async () => {
    const { core, pipe, table, flush } = rig({ entryBytesMax: 300_000, inflightBytesMax: 64 << 20 });
    const batches = Array.from({ length: 10 }, (_, i) => makeBatch(`b${i}`, 100, 1000)); // ~110 KB each
    const acks = batches.map((b) => pipe.enqueue(b, 100, undefined, table));
    flush();
    expect(core.proposed.map((p) => p.index)).toEqual([11, 12, 13, 14, 15]);
    const state = new ShardState(10, { producersMax: 10, producerBatchesKept: 5 });
    for (const p of core.proposed) {
      expect(p.data.length).toBeLessThanOrEqual(300_000);
      const d = decodeEntry(p.data);
      d.batches.forEach((b, i) => {
        expect(readBatchStamp(b)?.firstSequence).toBe(sequenceNumber(0n, p.index, i * 100));
      });
      pipe.onApplied(p.index, 3, applyEntry(state, p.index, p.data));
    }
    const got = await Promise.all(acks);
    expect(got[1]!.firstSequenceNumber).toBe(sequenceNumber(0n, 11, 100).toString());
    expect(pipe.inflightBytes).toBe(0);
  });

  it('bounds an entry by 16,384 records', () => {
    const { core, pipe, table, flush } = rig({ entryBytesMax: 64 << 20, inflightBytesMax: 64 << 20 });
    for (let i = 0; i < 40; i++) void pipe.enqueue(makeBatch(`r${i}`, 500, 1), 500, undefined, table);
    flush();
    expect(core.proposed.map((p) => decodeEntry(p.data).batches.length)).toEqual([32, 8]);
  });

  it('answers by what happened at the index', async () => {
    const { core, pipe, table, flush } = rig();
    const codeOf = (p: Promise<unknown>) =>
      p.then(
        () => 'acked',
        (e: RheoError) => e.code,
      );
    const a = codeOf(pipe.enqueue(makeBatch('a', 1), 1, undefined, table));
    flush();
    pipe.onApplied(11, 4, []); // another leader's entry took index 11
    expect(await a).toBe('NotLeader');

    core.refuse = { ok: false, reason: 'uncommitted-bytes-max', leader: 1 };
    const b = codeOf(pipe.enqueue(makeBatch('b', 1), 1, undefined, table));
    flush();
    expect(await b).toBe('Backpressure');
    core.refuse = { ok: false, reason: 'not-leader', leader: 2 };
    const c = pipe.enqueue(makeBatch('c', 1), 1, undefined, table).then(
      () => undefined,
      (e: RheoError) => e,
    );
    flush();
    const ce = await c;
    expect([ce?.code, ce?.leaderHint]).toEqual(['NotLeader', '2']);
    core.refuse = undefined;

    const proposed = codeOf(pipe.enqueue(makeBatch('d', 1), 1, undefined, table));
    flush();
    const queued = codeOf(pipe.enqueue(makeBatch('e', 1), 1, undefined, table));
    pipe.abandon(false);
    expect([await proposed, await queued]).toEqual(['OutcomeUnknown', 'NotLeader']);
    expect(pipe.inflightBytes).toBe(0);
    expect(pipe.proposalsInFlight).toBe(0);
  });
});
