// Proves the sequence-number layout keeps its promises (fast-check):
// format/parse round-trips; numeric order, string order and (base, index,
// position) order agree, so numbers strictly increase within a shard; every
// number is 56 digits and matches Kinesis's pattern; a child's base puts all
// its numbers above every number of its parents; bad input is a typed
// InvalidArgument, out-of-layout construction a programmer error.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  childBase,
  compareSequenceNumbers,
  entryRecordsMax,
  formatSequenceNumber,
  parseSequenceNumber,
  sequenceBaseMax,
  sequenceIndexMax,
  sequenceNumber,
  sequenceNumberAfter,
  sequenceParts,
  startingSequenceNumber,
} from '../src/sequence-number.js';
import { expectRheoError } from './expect-error.js';

const partsArb = fc.record({
  base: fc.bigInt({ min: 0n, max: sequenceBaseMax }),
  index: fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: sequenceIndexMax })),
  position: fc.integer({ min: 0, max: entryRecordsMax - 1 }),
});
const kinesisPattern = /^(0|[1-9]\d{0,128})$/;

function tupleOrder(a: { base: bigint; index: number; position: number }, b: typeof a): number {
  if (a.base !== b.base) return a.base < b.base ? -1 : 1;
  if (a.index !== b.index) return a.index < b.index ? -1 : 1;
  return Math.sign(a.position - b.position);
}

describe('sequence numbers', () => {
  test('format/parse round-trips and keeps the fields', () => {
    fc.assert(
      fc.property(partsArb, (p) => {
        const value = sequenceNumber(p.base, p.index, p.position);
        const text = formatSequenceNumber(value);
        expect(text).toHaveLength(56);
        expect(text).toMatch(kinesisPattern);
        expect(parseSequenceNumber(text)).toBe(value);
        expect(sequenceParts(value)).toEqual(p);
      }),
      { numRuns: 300 },
    );
  });

  test('numeric order, string order and field order agree', () => {
    fc.assert(
      fc.property(partsArb, partsArb, (a, b) => {
        const x = sequenceNumber(a.base, a.index, a.position);
        const y = sequenceNumber(b.base, b.index, b.position);
        const expected = tupleOrder(a, b);
        expect(compareSequenceNumbers(x, y)).toBe(expected);
        expect(compareSequenceNumbers(formatSequenceNumber(x), formatSequenceNumber(y))).toBe(expected);
        const s = formatSequenceNumber(x);
        const t = formatSequenceNumber(y);
        expect(Math.sign(s < t ? -1 : s > t ? 1 : 0)).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  test('numbers strictly increase along a shard`s log', () => {
    const base = 7n;
    let previous = startingSequenceNumber(base);
    for (let index = 1; index <= 50; index++) {
      const records = (index * 37) % 500 || 1;
      for (let position = 0; position < records; position += 13) {
        const next = sequenceNumber(base, index, position);
        expect(next > previous).toBe(true);
        previous = next;
      }
    }
  });

  test('a child`s numbers are above every number of its parents', () => {
    fc.assert(
      fc.property(partsArb, partsArb, partsArb, (a, b, child) => {
        fc.pre(a.base < sequenceBaseMax && b.base < sequenceBaseMax);
        const parents = [
          sequenceNumber(a.base, a.index, a.position),
          sequenceNumber(b.base, b.index, b.position),
        ];
        const base = childBase(...parents);
        const first = startingSequenceNumber(base);
        for (const parent of parents) expect(first > parent).toBe(true);
        expect(sequenceNumber(base, child.index, child.position) > parents[0]!).toBe(true);
        expect(childBase(formatSequenceNumber(parents[0]!))).toBe(a.base + 1n);
      }),
      { numRuns: 200 },
    );
  });

  test('records after the first stay in the entry', () => {
    const first = sequenceNumber(1n, 5, 10);
    expect(sequenceNumberAfter(first, 3)).toBe(sequenceNumber(1n, 5, 13));
    expect(() => sequenceNumberAfter(sequenceNumber(1n, 5, entryRecordsMax - 1), 1)).toThrow(/overflows/);
  });

  test.each([
    ['', /not a decimal/],
    ['abc', /not a decimal/],
    ['-1', /not a decimal/],
    ['007', /not a decimal/],
    ['0', /not a valid sequence number/],
    ['1'.repeat(57), /not a valid sequence number/],
    ['9'.repeat(56), /not a valid sequence number/],
  ])('parse refuses %j', (text, message) => {
    const err = expectRheoError(
      () => parseSequenceNumber(text, 'StartingSequenceNumber'),
      'InvalidArgument',
      message,
    );
    expect(err.field).toBe('StartingSequenceNumber');
  });

  test('fields out of the layout are programmer errors', () => {
    expect(() => sequenceNumber(-1n, 0, 0)).toThrow();
    expect(() => sequenceNumber(sequenceBaseMax + 1n, 0, 0)).toThrow();
    expect(() => sequenceNumber(0n, sequenceIndexMax + 1, 0)).toThrow();
    expect(() => sequenceNumber(0n, 0, entryRecordsMax)).toThrow();
    expect(() => childBase(startingSequenceNumber(sequenceBaseMax))).toThrow(/exhausted/);
  });
});
