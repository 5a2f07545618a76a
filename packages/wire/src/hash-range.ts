// Hash ranges: the contiguous slice of the 128-bit hash-key space a shard
// owns, inclusive at both ends as Kinesis reports StartingHashKey and
// EndingHashKey. The helpers here are the range arithmetic of CreateStream
// (even split), SplitShard and MergeShards, so the controller and the tests
// share one definition.
import { RheoError } from './errors.js';
import { hashKeyMax, hashKeyToBytes, isHashKey } from './hash-key.js';

export interface HashRange {
  readonly start: bigint;
  readonly end: bigint;
}

/** The whole key space: the range of a one-shard stream. */
export const fullHashRange: HashRange = Object.freeze({ start: 0n, end: hashKeyMax });

/** A range from its ends; InvalidArgument unless 0 <= start <= end <= 2^128-1. */
export function hashRange(start: bigint, end: bigint): HashRange {
  if (!isHashKey(start) || !isHashKey(end) || start > end) {
    throw new RheoError(
      'InvalidArgument',
      `hash range [${start}, ${end}] is not inside [0, 2^128-1] in order`,
    );
  }
  return Object.freeze({ start, end });
}

export function hashRangeContains(range: HashRange, key: bigint): boolean {
  return key >= range.start && key <= range.end;
}

/**
 * `count` ranges that split the key space evenly, as Kinesis's CreateStream
 * does: each is floor(2^128 / count) wide and the last takes the remainder.
 */
export function evenHashRanges(count: number): HashRange[] {
  if (!Number.isSafeInteger(count) || count < 1) {
    throw new RheoError('InvalidArgument', `shard count ${count} must be a positive integer`);
  }
  const width = (hashKeyMax + 1n) / BigInt(count);
  const ranges: HashRange[] = [];
  for (let i = 0n; i < BigInt(count); i++) {
    const end = i === BigInt(count) - 1n ? hashKeyMax : (i + 1n) * width - 1n;
    ranges.push(Object.freeze({ start: i * width, end }));
  }
  return ranges;
}

/**
 * SplitShard: the parent's range cut at `newStartingHashKey`, which must lie
 * inside it and not at its start (each child keeps at least one key).
 */
export function splitHashRange(parent: HashRange, newStartingHashKey: bigint): [HashRange, HashRange] {
  if (newStartingHashKey <= parent.start || newStartingHashKey > parent.end) {
    throw new RheoError(
      'InvalidArgument',
      `NewStartingHashKey ${newStartingHashKey} must be inside (${parent.start}, ${parent.end}]`,
      { field: 'NewStartingHashKey' },
    );
  }
  return [
    Object.freeze({ start: parent.start, end: newStartingHashKey - 1n }),
    Object.freeze({ start: newStartingHashKey, end: parent.end }),
  ];
}

/** True when the two ranges touch with no gap (in either order), so MergeShards may join them. */
export function areAdjacent(a: HashRange, b: HashRange): boolean {
  return a.end + 1n === b.start || b.end + 1n === a.start;
}

/** MergeShards: the union of two adjacent ranges. */
export function mergeHashRanges(a: HashRange, b: HashRange): HashRange {
  if (!areAdjacent(a, b)) {
    throw new RheoError('InvalidArgument', 'shards to merge must have adjacent hash key ranges');
  }
  return a.start < b.start
    ? Object.freeze({ start: a.start, end: b.end })
    : Object.freeze({ start: b.start, end: a.end });
}

/** A range as two 16-byte keys, for checking many records without a bigint each. */
export interface HashRangeBytes {
  readonly start: Uint8Array;
  readonly end: Uint8Array;
  /** True when the range is the whole key space, so no record needs hashing. */
  readonly full: boolean;
}

export function hashRangeBytes(range: HashRange): HashRangeBytes {
  return Object.freeze({
    start: hashKeyToBytes(range.start),
    end: hashKeyToBytes(range.end),
    full: range.start === 0n && range.end === hashKeyMax,
  });
}
