// Proves hash keys are what Kinesis computes and routing sends each key to
// the shard Kinesis would:
// - MD5 vectors: RFC 1321's digests (hex) read as big-endian 128-bit
//   integers, cross-checked against node's MD5 computed here by hand;
// - Kinesis's even split of a 3-shard stream, as the AWS CLI's describe-stream
//   example prints it (awscli/examples/kinesis/describe-stream.rst), and the
//   shards kinesalite's putRecords test (run against real Kinesis) expects
//   for partition keys a, b, e, f and for explicit hash keys at the edges;
// - explicit hash keys at 0, 2^128-1 and one past, and malformed ones;
// - ShardMap.lookup against a linear-scan reference (fast-check), range
//   split/merge arithmetic and the 16-byte range check over a batch.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { encodeBatch } from '../src/batch-encode.js';
import { batchHashKeys, firstRecordOutsideRange } from '../src/batch-hash-keys.js';
import {
  formatHashKey,
  hashKeyFromBytes,
  hashKeyMax,
  hashKeyToBytes,
  parseHashKey,
  partitionKeyHashKey,
  partitionKeyHashKeyBytes,
} from '../src/hash-key.js';
import {
  areAdjacent,
  evenHashRanges,
  fullHashRange,
  type HashRange,
  hashRange,
  hashRangeBytes,
  hashRangeContains,
  mergeHashRanges,
  splitHashRange,
} from '../src/hash-range.js';
import { ShardMap } from '../src/shard-map.js';
import { unicodeStringArb } from './arbitraries.js';
import { expectRheoError } from './expect-error.js';

function md5ByHand(key: string): bigint {
  return BigInt(`0x${createHash('md5').update(key, 'utf8').digest('hex')}`);
}

describe('partition key hash keys', () => {
  test.each([
    // RFC 1321 appendix A.5 digests, and two keys of our own.
    ['', 'd41d8cd98f00b204e9800998ecf8427e', '281949768489412648962353822266799178366'],
    ['a', '0cc175b9c0f1b6a831c399e269772661', '16955237001963240173058271559858726497'],
    ['abc', '900150983cd24fb0d6963f7d28e17f72', '191415658344158766168031473277922803570'],
    ['message digest', 'f96b697d7cb7938d525a2f31aaf161d0', '331535486309434048055371704012530344400'],
    ['partitionKey-1', '77fe6d8289696ba8510480fbe3887256', '159499196025307651934328298402289840726'],
    ['😀', '2a02eac39d716a70ecf37579185927b6', '55842721998748738903166261021950683062'],
  ])('MD5(%j) as a 128-bit integer', (key, hex, decimal) => {
    expect(partitionKeyHashKey(key)).toBe(BigInt(`0x${hex}`));
    expect(formatHashKey(partitionKeyHashKey(key))).toBe(decimal);
    expect(partitionKeyHashKey(key)).toBe(md5ByHand(key));
    expect(partitionKeyHashKeyBytes(Buffer.from(key, 'utf8')).toString('hex')).toBe(hex);
  });

  test('hashing the string and hashing its UTF-8 bytes agree', () => {
    fc.assert(
      fc.property(unicodeStringArb(0, 64), (key) => {
        expect(partitionKeyHashKey(Buffer.from(key, 'utf8'))).toBe(partitionKeyHashKey(key));
        expect(partitionKeyHashKey(key)).toBe(md5ByHand(key));
      }),
      { numRuns: 100 },
    );
  });

  test.each([
    ['341 ASCII units (the scratch path)', 'k'.repeat(341)],
    ['342 ASCII units (the allocating path)', 'k'.repeat(342)],
    ['256 astral characters (1,024 bytes)', '😀'.repeat(256)],
    ['500 three-byte characters', '€'.repeat(500)],
  ])('long keys: %s', (_name, key) => {
    expect(partitionKeyHashKey(key)).toBe(md5ByHand(key));
    expect(partitionKeyHashKeyBytes(key).toString('hex')).toBe(md5ByHand(key).toString(16).padStart(32, '0'));
  });

  test('16-byte form round-trips', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: hashKeyMax }), (key) => {
        expect(hashKeyFromBytes(hashKeyToBytes(key))).toBe(key);
      }),
      { numRuns: 200 },
    );
  });
});

describe('Kinesis behaviour', () => {
  const ranges = evenHashRanges(3);
  const map = ShardMap.build(ranges.map((range, i) => ({ shardId: `shardId-00000000000${i}`, range })));

  test('CreateStream with 3 shards splits the key space as Kinesis does', () => {
    expect(ranges.map((r) => [formatHashKey(r.start), formatHashKey(r.end)])).toEqual([
      ['0', '113427455640312821154458202477256070484'],
      ['113427455640312821154458202477256070485', '226854911280625642308916404954512140969'],
      ['226854911280625642308916404954512140970', '340282366920938463463374607431768211455'],
    ]);
    expect(map.coversKeySpace()).toBe(true);
  });

  const third = 2n ** 128n / 3n;
  test.each([
    ['a', undefined, 0],
    ['b', undefined, 1],
    ['e', undefined, 2],
    ['f', undefined, 1],
    ['a', hashKeyMax, 2],
    ['a', third * 2n - 1n, 1],
    ['a', third * 2n, 2],
  ])('partition key %j, explicit hash key %s -> shard %i', (key, explicit, shard) => {
    expect(map.route(key, explicit)?.shardId).toBe(`shardId-00000000000${shard}`);
  });
});

describe('explicit hash keys', () => {
  test('0 and 2^128-1 parse; 2^128 does not', () => {
    expect(parseHashKey('0')).toBe(0n);
    expect(parseHashKey('340282366920938463463374607431768211455')).toBe(hashKeyMax);
    const err = expectRheoError(
      () => parseHashKey('340282366920938463463374607431768211456'),
      'InvalidArgument',
      /must be in the range: \[0, 2\^128-1\]. Specified value was 340282366920938463463374607431768211456/,
    );
    expect(err.field).toBe('ExplicitHashKey');
  });

  test.each(['', '-1', '01', '1.5', ' 1', '0x10', '1e3', '9'.repeat(40)])('%j is refused', (text) => {
    expectRheoError(() => parseHashKey(text), 'InvalidArgument');
  });

  test('the encoder refuses an out-of-range bigint too', () => {
    expectRheoError(
      () => encodeBatch([{ partitionKey: 'k', data: new Uint8Array(0), explicitHashKey: hashKeyMax + 1n }]),
      'InvalidArgument',
      /ExplicitHashKey/,
    );
  });
});

describe('shard map', () => {
  // Random cut points make random contiguous ranges; some shards are left out to make gaps.
  const mapArb = fc
    .tuple(fc.uniqueArray(fc.bigInt({ min: 1n, max: hashKeyMax }), { maxLength: 12 }), fc.array(fc.boolean()))
    .map(([cuts, drop]) => {
      const starts = [0n, ...cuts.sort((a, b) => (a < b ? -1 : 1))];
      const shards = starts.map((start, i) => ({
        shardId: `s${i}`,
        range: { start, end: i + 1 < starts.length ? starts[i + 1]! - 1n : hashKeyMax },
      }));
      return shards.filter((_, i) => !drop[i]);
    });

  function linear(shards: readonly { shardId: string; range: HashRange }[], key: bigint) {
    return shards.find((s) => hashRangeContains(s.range, key));
  }

  test('lookup equals a linear scan', () => {
    fc.assert(
      fc.property(
        mapArb,
        fc.array(fc.bigInt({ min: 0n, max: hashKeyMax }), { maxLength: 20 }),
        (shards, keys) => {
          const map = ShardMap.build([...shards].reverse());
          for (const key of [...keys, ...shards.flatMap((s) => [s.range.start, s.range.end])]) {
            expect(map.lookup(key)).toBe(linear(shards, key));
            expect(map.lookupBytes(hashKeyToBytes(key))).toBe(linear(shards, key));
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  test('overlapping open shards are refused', () => {
    const shards = [
      { shardId: 'a', range: hashRange(0n, 10n) },
      { shardId: 'b', range: hashRange(10n, hashKeyMax) },
    ];
    expectRheoError(() => ShardMap.build(shards), 'Internal', /overlapping/);
  });

  test('a gap is reported by coversKeySpace and lookup', () => {
    const map = ShardMap.build([{ shardId: 'a', range: hashRange(5n, hashKeyMax) }]);
    expect(map.coversKeySpace()).toBe(false);
    expect(map.lookup(4n)).toBeUndefined();
  });
});

describe('range arithmetic', () => {
  test('split then merge gives back the parent', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: hashKeyMax }), (at) => {
        const [low, high] = splitHashRange(fullHashRange, at);
        expect(low.end + 1n).toBe(high.start);
        expect(areAdjacent(high, low)).toBe(true);
        expect(mergeHashRanges(high, low)).toEqual(fullHashRange);
      }),
      { numRuns: 100 },
    );
  });

  test('a split at the parent`s start, or outside it, is refused', () => {
    expectRheoError(() => splitHashRange(fullHashRange, 0n), 'InvalidArgument', /NewStartingHashKey/);
    expectRheoError(() => splitHashRange(hashRange(0n, 9n), 10n), 'InvalidArgument', /NewStartingHashKey/);
  });

  test('ranges that do not touch cannot merge; bad ranges cannot be built', () => {
    expectRheoError(
      () => mergeHashRanges(hashRange(0n, 1n), hashRange(3n, 4n)),
      'InvalidArgument',
      /adjacent/,
    );
    expectRheoError(() => hashRange(5n, 4n), 'InvalidArgument');
    expectRheoError(() => hashRange(0n, hashKeyMax + 1n), 'InvalidArgument');
    expectRheoError(() => evenHashRanges(0), 'InvalidArgument');
  });
});

describe('hash keys of a batch against a shard range', () => {
  test('each record`s hash key is its explicit key or MD5 of its partition key', () => {
    const batch = encodeBatch([
      { partitionKey: 'a', data: new Uint8Array(0) },
      { partitionKey: 'b', data: new Uint8Array(0), explicitHashKey: 42n },
    ]);
    const keys = batchHashKeys(batch, 2);
    expect(hashKeyFromBytes(keys, 0)).toBe(partitionKeyHashKey('a'));
    expect(hashKeyFromBytes(keys, 16)).toBe(42n);
  });

  test('firstRecordOutsideRange finds the first record another shard owns', () => {
    const [low, high] = evenHashRanges(2) as [HashRange, HashRange];
    const batch = encodeBatch([
      { partitionKey: 'a', data: new Uint8Array(0) }, // MD5 starts 0x0c: low half
      { partitionKey: 'x', data: new Uint8Array(0), explicitHashKey: low.end },
      { partitionKey: 'y', data: new Uint8Array(0), explicitHashKey: high.start },
    ]);
    expect(firstRecordOutsideRange(batch, hashRangeBytes(low))).toBe(2);
    expect(firstRecordOutsideRange(batch, hashRangeBytes(high))).toBe(0);
    expect(firstRecordOutsideRange(batch, hashRangeBytes(fullHashRange))).toBe(-1);
  });
});
