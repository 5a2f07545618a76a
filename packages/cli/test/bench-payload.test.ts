// The bench's record maker: every record carries its own send time and
// number, and a slab is reused only once every record cut from it settled
// (the producer may still read a held record's data until then).
import { describe, expect, it } from 'vitest';
import { type BenchRecord, PayloadMaker, sentAtMs } from '../src/bench/payload.js';

const perSlab = (1024 * 1024) / 1024;

describe('PayloadMaker', () => {
  it('stamps each record, and reuses a slab only after all its records are done', () => {
    const maker = new PayloadMaker(1024, 3);
    const first: BenchRecord[] = Array.from({ length: perSlab }, () => maker.next());
    expect(new Set(first.map((r) => r.data.readUInt32LE(12))).size).toBe(perSlab);
    expect(first.every((r) => r.data.readUInt32LE(8) === 3 && r.data.length === 1024)).toBe(true);
    expect(sentAtMs(first[0]!.data)).toBeGreaterThan(0);

    // The first slab is full and one of its records is still held: the next record gets a new slab.
    for (const r of first.slice(1)) maker.done(r);
    const second = maker.next();
    expect(second.slab).not.toBe(first[0]!.slab);

    // Once its last record settles, the first slab comes back for the slab after the second.
    maker.done(first[0]!);
    const rest = Array.from({ length: perSlab }, () => maker.next());
    const reused = rest[rest.length - 1]!;
    expect(reused.slab).toBe(first[0]!.slab);
    expect(reused.data.readUInt32LE(12)).toBe(perSlab * 2);
    // Its filler is intact under the new record's header.
    expect(reused.data[100]).toBe(0x61);
    expect(reused.data.readUInt32LE(8)).toBe(3);
  });
});
