// The broker's own encodings and the dedup table, without a cluster.
// Proven here (fast-check):
//  - entry envelope: any list of batches with or without producer fields
//    round-trips, the batch region is the batches back to back untouched,
//    entryArrivalMs reads the first batch's stamp, and every single-bit flip
//    in the envelope is refused as Corrupt (never misread);
//  - the producer table agrees with a deliberately simple reference model
//    (unbounded history, LRU order in an array) on every verdict, for any
//    sequence of batches, and survives a ShardState encode/decode at any point;
//  - the shard state round-trips and refuses damage.
import { EntryType } from '@rheo/raft';
import { RheoError, stampBatch } from '@rheo/wire';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeEntry, encodeEntry, entryBatches } from '../src/entry-codec.js';
import { entryArrivalMs } from '../src/entry-time.js';
import { type BatchAck, type DedupVerdict, ProducerTable } from '../src/producer-table.js';
import { ShardState } from '../src/shard-state.js';
import { makeBatch } from './helpers/batches.js';

const producerArb = fc.option(
  fc.record({
    producerId: fc.string({ minLength: 1, maxLength: 64, unit: 'grapheme-ascii' }),
    producerEpoch: fc.nat({ max: 0xffff_ffff }),
    batchSequence: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
  }),
  { nil: undefined },
);
const partsArb = fc.array(fc.record({ count: fc.integer({ min: 1, max: 5 }), producer: producerArb }), {
  minLength: 1,
  maxLength: 8,
});

describe('entry envelope', () => {
  it('round-trips any batches and producer fields; the batch region is untouched', () => {
    fc.assert(
      fc.property(partsArb, (parts) => {
        const batches = parts.map((p, i) => makeBatch(`e${i}`, p.count));
        const { data, views } = encodeEntry(
          parts.map((p, i) => ({ batch: batches[i]!, producer: p.producer })),
        );
        views.forEach((v, i) => {
          expect(Buffer.from(v).equals(batches[i]!)).toBe(true);
        });
        const d = decodeEntry(data);
        expect(d.producers).toEqual(parts.map((p) => p.producer));
        expect(d.batches.map((b) => Buffer.from(b).toString('hex'))).toEqual(
          batches.map((b) => b.toString('hex')),
        );
        expect(entryBatches(data).length).toBe(parts.length);
      }),
      { numRuns: 100 },
    );
  });

  it('entryArrivalMs reads the stamp of the first batch; no-ops have none', () => {
    const { data, views } = encodeEntry([{ batch: makeBatch('t', 2) }]);
    stampBatch(views[0]!, { firstSequence: 10n ** 55n + 100n, arrivalMs: 123_456 });
    expect(entryArrivalMs({ index: 5, term: 1, type: EntryType.Normal, data })).toBe(123_456);
    expect(
      entryArrivalMs({ index: 5, term: 1, type: EntryType.Normal, data: new Uint8Array(0) }),
    ).toBeUndefined();
  });

  it('refuses every single-bit flip in the envelope as Corrupt', () => {
    const { data } = encodeEntry([
      { batch: makeBatch('x', 1), producer: { producerId: 'prod', producerEpoch: 3, batchSequence: 7 } },
      { batch: makeBatch('y', 2) },
    ]);
    const headerBytes = new DataView(data.buffer, data.byteOffset).getUint32(8);
    for (let bit = 0; bit < headerBytes * 8; bit++) {
      const copy = data.slice();
      copy[bit >> 3]! ^= 1 << (bit & 7);
      let err: unknown;
      try {
        decodeEntry(copy);
      } catch (e) {
        err = e;
      }
      expect(err, `bit ${bit}`).toBeInstanceOf(RheoError);
      expect((err as RheoError).code).toBe('Corrupt');
    }
  });
});

/** The reference: every ack ever written, LRU order as an array; bounded only by the same two numbers. */
class ReferenceTable {
  readonly byId = new Map<string, { epoch: number; acks: BatchAck[] }>();
  order: string[] = [];
  constructor(
    readonly producersMax: number,
    readonly kept: number,
  ) {}
  check(id: string, epoch: number, seq: number): DedupVerdict['kind'] {
    const r = this.byId.get(id);
    if (r === undefined || epoch > r.epoch) return 'new';
    if (epoch < r.epoch) return 'fenced';
    const last = r.acks[r.acks.length - 1]!.batchSequence;
    if (seq === last + 1) return 'new';
    if (seq > last + 1) return 'gap';
    return r.acks.slice(-this.kept).some((a) => a.batchSequence === seq) ? 'duplicate' : 'stale';
  }
  record(id: string, epoch: number, ack: BatchAck): void {
    const r = this.byId.get(id);
    if (r === undefined || r.epoch !== epoch) this.byId.set(id, { epoch, acks: [ack] });
    else r.acks.push(ack);
    this.order = this.order.filter((x) => x !== id).concat(id);
    while (this.order.length > this.producersMax) this.byId.delete(this.order.shift()!);
  }
}

describe('producer table', () => {
  const opArb = fc.record({
    id: fc.constantFrom('a', 'b', 'c', 'd'),
    epoch: fc.integer({ min: 0, max: 2 }),
    seq: fc.integer({ min: 1, max: 8 }),
    roundTrip: fc.boolean(),
  });
  it('agrees with the reference model on every verdict', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 200 }), (ops) => {
        const bounds = { producersMax: 3, producerBatchesKept: 2 };
        let state = new ShardState(1, bounds);
        const ref = new ReferenceTable(3, 2);
        let n = 0;
        for (const op of ops) {
          const got = state.producers.check(op.id, op.epoch, op.seq);
          expect(got.kind).toBe(ref.check(op.id, op.epoch, op.seq));
          if (got.kind === 'new' || got.kind === 'gap') {
            const ack = {
              batchSequence: op.seq,
              firstSequence: 10n ** 55n + BigInt(n++),
              recordCount: 1,
              arrivalMs: n,
            };
            state.producers.record(op.id, op.epoch, ack);
            ref.record(op.id, op.epoch, ack);
          }
          if (got.kind === 'duplicate') expect(got.ack.batchSequence).toBe(op.seq);
          if (op.roundTrip) state = ShardState.decode(state.encode(), bounds);
          expect(state.producers.size).toBe(ref.byId.size);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('evicts the least recently written producer at the bound', () => {
    const t = new ProducerTable(2, 5);
    const ack = (s: number): BatchAck => ({
      batchSequence: s,
      firstSequence: 10n ** 55n,
      recordCount: 1,
      arrivalMs: 0,
    });
    t.record('a', 1, ack(1));
    t.record('b', 1, ack(1));
    t.record('a', 1, ack(2));
    t.record('c', 1, ack(1));
    expect([...t.entries()].map(([id]) => id)).toEqual(['a', 'c']);
  });
});

describe('shard state', () => {
  it('round-trips and refuses damage', () => {
    const bounds = { producersMax: 10, producerBatchesKept: 5 };
    const s = new ShardState(42, bounds);
    s.newestSequence = 10n ** 55n + 999n;
    s.newestArrivalMs = 1234;
    s.closed = true;
    s.endingSequence = 10n ** 55n + 1000n;
    s.skipped.set(40, [1, 3]);
    s.producers.record('p', 2, {
      batchSequence: 9,
      firstSequence: 10n ** 55n + 5n,
      recordCount: 3,
      arrivalMs: 7,
    });
    const bytes = s.encode();
    const back = ShardState.decode(bytes, bounds);
    expect(back.encode()).toEqual(bytes);
    expect([back.appliedIndex, back.closed, back.endingSequence, back.skipped.get(40)]).toEqual([
      42,
      true,
      10n ** 55n + 1000n,
      [1, 3],
    ]);
    for (let i = 0; i < bytes.length; i++) {
      const copy = bytes.slice();
      copy[i]! ^= 0x10;
      expect(() => ShardState.decode(copy, bounds)).toThrow(RheoError);
    }
  });
});
