// The node's LevelDB key layout (format 2). One database per node holds every
// Raft group, so every key starts with a one-byte keyspace tag; integers are
// big-endian and fixed-width so that LevelDB's bytewise order is the numeric
// order.
//
//   00 'format'                          → layout version of the store
//   00 'next-gid'                        → next group id (never reused)
//   01 <group name, UTF-8>               → group registry: numeric id + state
//   03 <segment u32> <gid u32> <index u64> → log entry
//   04 <key bytes>                       → controller metadata keyspace
//   05 <gid u32> 01                      → hard state (term, vote, commit)
//   05 <gid u32> 02                      → conf state
//   05 <gid u32> 03                      → snapshot (metadata + app data): the compaction point
//   05 <gid u32> 04                      → term runs [(first index, term)]
//   05 <gid u32> 05                      → applied index
//   05 <gid u32> 06                      → repair marker (first bad index)
//   05 <gid u32> 11 <time ms u64>        → sparse time index point (index, term)
//   05 <gid u32> 20 <app key bytes>      → shard (application) state of the group
//   05 <gid u32> ff                      → hard state, second copy
//
// Why the log sits apart, ordered by segment first: the entries of every
// group are written in arrival order into node-wide segments (a new segment
// every `logSegmentBytes` of entries, segment-runs.ts), and every key that
// is overwritten (hard states, time points, app state, metadata) sorts ABOVE
// the whole log. So a LevelDB table flushed from the memtable overlaps only
// the newest segment and the small mutable keyspaces, never the old log,
// and compacting it rewrites little (format 1 keyed entries by group, so
// every flush overlapped every group's log; docs/storage.md measures it).
//
// Group names ("s/<streamId>/<shardId>", "meta") map to a u32 id through the
// registry. A group's mutable state is one key range (`05 <gid>`); its
// entries are one key range per segment it wrote in.

import { assert } from './assert.js';
import { readU32, readU64, writeU32, writeU64 } from './u64.js';

export const Keyspace = { Format: 0x00, Registry: 0x01, Log: 0x03, Meta: 0x04, Group: 0x05 } as const;

export const GroupKind = {
  HardState: 0x01,
  ConfState: 0x02,
  Snapshot: 0x03,
  TermRuns: 0x04,
  Applied: 0x05,
  Repair: 0x06,
  TimePoint: 0x11,
  AppState: 0x20,
  /** A second copy of the hard state, after the time index and app state, so one damaged block rarely loses both. */
  HardStateMirror: 0xff,
} as const;
export type GroupKind = (typeof GroupKind)[keyof typeof GroupKind];

/** Group ids are u32; the top value is reserved so `gid + 1` always bounds a range. */
export const GROUP_ID_MAX = 0xffff_fffe;
/** Segments are u32, likewise. */
export const SEGMENT_MAX = 0xffff_fffe;
const GROUP_PREFIX_BYTES = 5;
const ENTRY_KEY_BYTES = 1 + 4 + 4 + 8;

export interface KeyRange {
  readonly gte: Uint8Array;
  readonly lt: Uint8Array;
}

export const FORMAT_KEY: Uint8Array = Uint8Array.of(Keyspace.Format, ...Buffer.from('format'));
/** The next group id to hand out: ids are never reused, so a deleted group's stray keys cannot leak into a new one. */
export const NEXT_GID_KEY: Uint8Array = Uint8Array.of(Keyspace.Format, ...Buffer.from('next-gid'));

export function registryKey(name: string): Uint8Array {
  return Buffer.concat([Uint8Array.of(Keyspace.Registry), Buffer.from(name, 'utf8')]);
}

export function registryRange(): KeyRange {
  return { gte: Uint8Array.of(Keyspace.Registry), lt: Uint8Array.of(Keyspace.Registry + 1) };
}

export function nameOfRegistryKey(key: Uint8Array): string {
  return Buffer.from(key.buffer, key.byteOffset + 1, key.byteLength - 1).toString('utf8');
}

function groupPrefix(gid: number, extra: number): Uint8Array {
  assert(Number.isInteger(gid) && gid >= 0 && gid <= GROUP_ID_MAX, `group id out of range: ${gid}`);
  const k = new Uint8Array(GROUP_PREFIX_BYTES + extra);
  k[0] = Keyspace.Group;
  writeU32(k, 1, gid);
  return k;
}

/** Every key of group `gid` except its log entries (those are per segment: segmentGroupRange). */
export function groupRange(gid: number): KeyRange {
  return { gte: groupPrefix(gid, 0), lt: groupPrefix(gid + 1, 0) };
}

/** Key of one of the group's single-valued records (hard state, conf state, ...). */
export function groupKey(gid: number, kind: number): Uint8Array {
  const k = groupPrefix(gid, 1);
  k[GROUP_PREFIX_BYTES] = kind;
  return k;
}

function groupU64Key(gid: number, kind: number, n: number): Uint8Array {
  const k = groupPrefix(gid, 9);
  k[GROUP_PREFIX_BYTES] = kind;
  writeU64(k, GROUP_PREFIX_BYTES + 1, n);
  return k;
}

/** The key of entry `index` of group `gid`, written in `segment`. */
export function entryKey(segment: number, gid: number, index: number): Uint8Array {
  assert(
    Number.isInteger(segment) && segment >= 0 && segment <= SEGMENT_MAX,
    `segment out of range: ${segment}`,
  );
  assert(Number.isInteger(gid) && gid >= 0 && gid <= GROUP_ID_MAX, `group id out of range: ${gid}`);
  const k = new Uint8Array(ENTRY_KEY_BYTES);
  k[0] = Keyspace.Log;
  writeU32(k, 1, segment);
  writeU32(k, 5, gid);
  writeU64(k, 9, index);
  return k;
}

/** Keys of the group's entries lo <= index < hi within one segment. */
export function entryRange(segment: number, gid: number, lo: number, hi: number): KeyRange {
  return { gte: entryKey(segment, gid, lo), lt: entryKey(segment, gid, hi) };
}

/** Every entry key of the group within one segment, whatever the index. */
export function segmentGroupRange(segment: number, gid: number): KeyRange {
  return { gte: entryKey(segment, gid, 0), lt: entryKey(segment, gid + 1, 0) };
}

/** The whole log keyspace, every segment of every group. */
export function logRange(): KeyRange {
  return { gte: Uint8Array.of(Keyspace.Log), lt: Uint8Array.of(Keyspace.Log + 1) };
}

export interface EntryKeyParts {
  readonly segment: number;
  readonly gid: number;
  readonly index: number;
}

export function isEntryKey(key: Uint8Array): boolean {
  return key.byteLength === ENTRY_KEY_BYTES && key[0] === Keyspace.Log;
}

export function parseEntryKey(key: Uint8Array): EntryKeyParts {
  assert(isEntryKey(key), 'not an entry key');
  return { segment: readU32(key, 1), gid: readU32(key, 5), index: readU64(key, 9) };
}

export function indexOfEntryKey(key: Uint8Array): number {
  assert(isEntryKey(key), 'not an entry key');
  return readU64(key, 9);
}

export function timePointKey(gid: number, timeMs: number): Uint8Array {
  return groupU64Key(gid, GroupKind.TimePoint, timeMs);
}

export function allTimePointsRange(gid: number): KeyRange {
  return { gte: groupKey(gid, GroupKind.TimePoint), lt: groupKey(gid, GroupKind.TimePoint + 1) };
}

export function timeOfTimePointKey(key: Uint8Array): number {
  return readU64(key, GROUP_PREFIX_BYTES + 1);
}

export function appStateKey(gid: number, key: Uint8Array): Uint8Array {
  const k = groupPrefix(gid, 1 + key.byteLength);
  k[GROUP_PREFIX_BYTES] = GroupKind.AppState;
  k.set(key, GROUP_PREFIX_BYTES + 1);
  return k;
}

export function appStateRange(gid: number): KeyRange {
  return { gte: groupKey(gid, GroupKind.AppState), lt: groupKey(gid, GroupKind.AppState + 1) };
}

export function userKeyOfAppStateKey(key: Uint8Array): Uint8Array {
  return key.subarray(GROUP_PREFIX_BYTES + 1);
}

export function metaKey(key: Uint8Array): Uint8Array {
  const k = new Uint8Array(1 + key.byteLength);
  k[0] = Keyspace.Meta;
  k.set(key, 1);
  return k;
}

export function metaRange(): KeyRange {
  return { gte: Uint8Array.of(Keyspace.Meta), lt: Uint8Array.of(Keyspace.Meta + 1) };
}

export function userKeyOfMetaKey(key: Uint8Array): Uint8Array {
  return key.subarray(1);
}

/** Bytewise comparison, LevelDB's default comparator. */
export function compareKeys(a: Uint8Array, b: Uint8Array): number {
  return Buffer.compare(a, b);
}
