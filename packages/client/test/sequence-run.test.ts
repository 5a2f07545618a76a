// sequenceRun must give exactly what BigInt arithmetic gives, for every
// first sequence number and offset, carries across the low digits included.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sequenceRun } from '../src/sequence-run.js';

const bigDecimal = fc.bigInt({ min: 0n, max: 2n ** 160n }).map((b) => b.toString());

describe('sequenceRun', () => {
  it('equals first + i computed with BigInt', () => {
    fc.assert(
      fc.property(bigDecimal, fc.nat({ max: 10_000 }), (first, i) => {
        expect(sequenceRun(first)(i)).toBe((BigInt(first) + BigInt(i)).toString());
      }),
    );
  });

  it('carries past the low nine digits, and keeps their zeros', () => {
    const first = '49650000000000000000000000999999998';
    const run = sequenceRun(first);
    for (const i of [0, 1, 2, 3, 500]) expect(run(i)).toBe((BigInt(first) + BigInt(i)).toString());
    expect(sequenceRun('12000000000000000000001')(0)).toBe('12000000000000000000001');
    expect(sequenceRun('0')(7)).toBe('7');
    expect(sequenceRun('999999999')(1)).toBe('1000000000');
  });

  it('refuses what is not a decimal, as BigInt does', () => {
    expect(() => sequenceRun('12a')).toThrow(SyntaxError);
    expect(() => sequenceRun('')(0)).not.toThrow(); // BigInt('') is 0n
    expect(sequenceRun('')(3)).toBe('3');
    expect(sequenceRun(' 42')(1)).toBe('43');
  });
});
