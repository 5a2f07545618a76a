// Sequence numbers: unique and strictly increasing within a shard, and a
// child shard's numbers above every number of its parents (DESIGN.md §1).
//
// Layout. A sequence number is the decimal string of
//
//   value = sequenceNumberOffset + (base << 62) + (index << 14) + position
//
//   base      0 .. 2^64-1  the shard's base: 0 for a stream's first shards,
//                          and for a child, one more than the largest base of
//                          its parents (childBase), so its numbers start above
//                          every number of theirs
//   index     0 .. 2^48-1  the Raft log index of the entry holding the record
//                          (0 only in a shard's starting sequence number)
//   position  0 .. 2^14-1  the record's place in that entry (an entry may
//                          gather several client batches, up to 16,384 records)
//
// sequenceNumberOffset is 10^55, and the packed part stays below 2^126
// (about 8.5 * 10^37), so every Rheo sequence number has exactly 56 digits,
// like Kinesis's, with no leading zero. Equal width means string order equals
// numeric order, and the strings still match Kinesis's own pattern
// `0|([1-9]\d{0,128})`. Within a shard the index grows with each entry and the
// position with each record, so numbers strictly increase; the base field
// sits above both, so any child number beats any parent number.
import assert from 'node:assert/strict';
import { RheoError } from './errors.js';

export const sequenceNumberOffset = 10n ** 55n;
export const sequenceNumberDigits = 56;
export const sequenceBaseMax = 2n ** 64n - 1n;
export const sequenceIndexMax = 2 ** 48 - 1;
/** Records one Raft entry may number: positions 0 .. entryRecordsMax - 1. */
export const entryRecordsMax = 2 ** 14;

const positionBits = 14n;
const baseShift = 62n;
const positionMask = (1n << positionBits) - 1n;
const indexMask = (1n << 48n) - 1n;
const packedEnd = (sequenceBaseMax << baseShift) + (1n << baseShift);
const decimalPattern = /^(0|[1-9][0-9]{0,128})$/;

export interface SequenceParts {
  readonly base: bigint;
  readonly index: number;
  readonly position: number;
}

/** The sequence number of record `position` in Raft entry `index` of a shard with base `base`. */
export function sequenceNumber(base: bigint, index: number, position: number): bigint {
  assert.ok(base >= 0n && base <= sequenceBaseMax, `sequence base ${base} out of range`);
  assert.ok(Number.isSafeInteger(index) && index >= 0 && index <= sequenceIndexMax, `index ${index}`);
  assert.ok(
    Number.isInteger(position) && position >= 0 && position < entryRecordsMax,
    `position ${position}`,
  );
  return sequenceNumberOffset + (base << baseShift) + (BigInt(index) << positionBits) + BigInt(position);
}

/** A shard's starting sequence number: below every record it will hold. */
export function startingSequenceNumber(base: bigint): bigint {
  return sequenceNumber(base, 0, 0);
}

/** True when `value` lies in Rheo's layout. */
export function isSequenceNumber(value: bigint): boolean {
  return value >= sequenceNumberOffset && value - sequenceNumberOffset < packedEnd;
}

/** Splits a sequence number into its fields; asserts it lies in the layout. */
export function sequenceParts(value: bigint): SequenceParts {
  assert.ok(isSequenceNumber(value), `not a Rheo sequence number: ${value}`);
  const packed = value - sequenceNumberOffset;
  return {
    base: packed >> baseShift,
    index: Number((packed >> positionBits) & indexMask),
    position: Number(packed & positionMask),
  };
}

/**
 * Parses a sequence number a client sent. Anything that is not a decimal
 * integer in Rheo's layout is an InvalidArgument naming `field`.
 */
export function parseSequenceNumber(text: string, field = 'SequenceNumber'): bigint {
  if (!decimalPattern.test(text)) {
    throw new RheoError('InvalidArgument', `${field} "${clip(text)}" is not a decimal integer`, { field });
  }
  const value = BigInt(text);
  if (!isSequenceNumber(value)) {
    throw new RheoError('InvalidArgument', `${field} ${clip(text)} is not a valid sequence number`, {
      field,
    });
  }
  return value;
}

/** The decimal string of a sequence number: always 56 digits. */
export function formatSequenceNumber(value: bigint): string {
  assert.ok(isSequenceNumber(value), `not a Rheo sequence number: ${value}`);
  return value.toString();
}

/** Orders two sequence numbers (strings or bigints): negative, zero or positive. */
export function compareSequenceNumbers(a: bigint | string, b: bigint | string): number {
  const x = typeof a === 'string' ? BigInt(a) : a;
  const y = typeof b === 'string' ? BigInt(b) : b;
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * The sequence number `count` records after `first` in the same entry;
 * asserts the entry has room (positions never carry into the index).
 */
export function sequenceNumberAfter(first: bigint, count: number): bigint {
  const { position } = sequenceParts(first);
  assert.ok(Number.isInteger(count) && count >= 0 && position + count < entryRecordsMax, 'entry overflows');
  return first + BigInt(count);
}

/**
 * The base for a child shard: one above the largest base among its parents.
 * Pass any sequence number of each parent (its starting or ending one); a
 * split has one parent, a merge two.
 */
export function childBase(...parentSequenceNumbers: readonly (bigint | string)[]): bigint {
  assert.ok(parentSequenceNumbers.length > 0, 'childBase needs at least one parent');
  let base = 0n;
  for (const parent of parentSequenceNumbers) {
    const value = typeof parent === 'string' ? BigInt(parent) : parent;
    const parentBase = sequenceParts(value).base;
    if (parentBase > base) base = parentBase;
  }
  assert.ok(base < sequenceBaseMax, 'sequence base space exhausted');
  return base + 1n;
}

function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
