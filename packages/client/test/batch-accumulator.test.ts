// What is proven: the producer's per-shard batching never reorders a shard's
// records and never exceeds the batch bounds. How: fast-check generates
// record sizes, bounds and seal points (the linger timer firing), feeds them
// to BatchAccumulator, and compares the concatenated batches with the input
// (a simple reference: the records in send order) and every batch with the
// bounds; the real encoder must accept every batch.
import { encodeBatch, putRecordsBytesMax } from '@rheo/wire';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BatchAccumulator, type SealedRecords } from '../src/batch-accumulator.js';

describe('BatchAccumulator', () => {
  it('keeps order and bounds for any sizes, bounds and linger seals', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 64, max: 4096 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 60 }), fc.boolean()), { maxLength: 200 }),
        (recordsMax, bytesMax, steps) => {
          const acc = new BatchAccumulator<number>({ batchRecordsMax: recordsMax, batchBytesMax: bytesMax });
          const batches: SealedRecords<number>[] = [];
          steps.forEach(([dataBytes, lingerFires], i) => {
            const data = new Uint8Array(Math.min(dataBytes, bytesMax - 4));
            const partitionKey = `k${i % 10}`.slice(0, 4);
            const bytes = partitionKey.length + data.length;
            batches.push(...acc.add({ record: { partitionKey, data }, bytes, settle: i }));
            if (lingerFires) {
              const sealed = acc.seal();
              if (sealed !== undefined) batches.push(sealed);
            }
          });
          const last = acc.seal();
          if (last !== undefined) batches.push(last);
          expect(batches.flatMap((b) => b.settles)).toEqual(steps.map((_s, i) => i));
          for (const b of batches) {
            expect(b.records.length).toBeGreaterThan(0);
            expect(b.records.length).toBeLessThanOrEqual(recordsMax);
            expect(b.bytes).toBeLessThanOrEqual(bytesMax);
            expect(b.bytes).toBe(b.records.reduce((n, r) => n + r.partitionKey.length + r.data.length, 0));
            expect(b.settles.length).toBe(b.records.length);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('fills batches to the PutRecords bounds (500 records, 5 MiB) that the encoder accepts', () => {
    const acc = new BatchAccumulator<number>({ batchRecordsMax: 500, batchBytesMax: putRecordsBytesMax });
    const sealed: SealedRecords<number>[] = [];
    const data = new Uint8Array(100 * 1024);
    for (let i = 0; i < 120; i++)
      sealed.push(...acc.add({ record: { partitionKey: 'p', data }, bytes: 1 + data.length, settle: i }));
    expect(sealed.length).toBe(2);
    for (const b of sealed) expect(() => encodeBatch(b.records)).not.toThrow();
    expect(sealed[0]!.records.length).toBe(51);
  });
});
