// Binary layouts of the values the store keeps (after the seal, see
// sealed-value.ts). Fixed-width big-endian fields; the conf state is JSON
// because it is tiny, rare and its shape belongs to the Raft core.
//
// A decoder that meets a value of the wrong size or shape raises
// CorruptDataError like a checksum failure: such a value is never served.

import type { ConfState, Entry, EntryType, HardState, Snapshot } from '@rheo/raft';
import { CorruptDataError } from './errors.js';
import { allocSealed, type CorruptWhere, SEAL_BYTES, seal, sealPayload, unseal } from './sealed-value.js';
import { readU32, readU64, writeU32, writeU64 } from './u64.js';

/** A log entry as stored: the Raft entry plus its arrival time (for the time index). */
export interface StoredEntry extends Entry {
  readonly timeMs: number;
}

function decodeOrCorrupt<T>(
  key: Uint8Array,
  value: Uint8Array,
  where: CorruptWhere | undefined,
  parse: (p: Uint8Array) => T,
): T {
  const payload = unseal(key, value, where);
  try {
    return parse(payload);
  } catch (e) {
    throw new CorruptDataError(key, `undecodable value: ${(e as Error).message}`, where);
  }
}

function expectBytes(p: Uint8Array, n: number, what: string): void {
  if (p.byteLength !== n) throw new Error(`${what}: ${p.byteLength} bytes, expected ${n}`);
}

// Entry: type u8 | term u64 | timeMs u64 | data
const ENTRY_HEADER_BYTES = 17;

export function encodeEntry(key: Uint8Array, e: Entry, timeMs: number): Uint8Array {
  const v = allocSealed(ENTRY_HEADER_BYTES + e.data.byteLength);
  v[SEAL_BYTES] = e.type;
  writeU64(v, SEAL_BYTES + 1, e.term);
  writeU64(v, SEAL_BYTES + 9, timeMs);
  v.set(e.data, SEAL_BYTES + ENTRY_HEADER_BYTES);
  return seal(key, v);
}

export function decodeEntry(
  key: Uint8Array,
  value: Uint8Array,
  index: number,
  where?: CorruptWhere,
): StoredEntry {
  return decodeOrCorrupt(key, value, where, (p) => {
    if (p.byteLength < ENTRY_HEADER_BYTES) throw new Error('entry shorter than its header');
    const type = p[0]!;
    if (type !== 0 && type !== 1) throw new Error(`entry type ${type}`);
    return {
      index,
      type: type as EntryType,
      term: readU64(p, 1),
      timeMs: readU64(p, 9),
      // A view into the value LevelDB handed us: no copy of the record batch.
      data: p.subarray(ENTRY_HEADER_BYTES),
    };
  });
}

/** The stored size of an entry, used for cache and batch byte bounds. */
export function entryStoredBytes(e: Entry): number {
  return SEAL_BYTES + ENTRY_HEADER_BYTES + e.data.byteLength;
}

// Hard state: term u64 | vote u64 | commit u64
export function encodeHardState(key: Uint8Array, hs: HardState): Uint8Array {
  const p = new Uint8Array(24);
  writeU64(p, 0, hs.term);
  writeU64(p, 8, hs.vote);
  writeU64(p, 16, hs.commit);
  return sealPayload(key, p);
}

export function decodeHardState(key: Uint8Array, value: Uint8Array, where?: CorruptWhere): HardState {
  return decodeOrCorrupt(key, value, where, (p) => {
    expectBytes(p, 24, 'hard state');
    return { term: readU64(p, 0), vote: readU64(p, 8), commit: readU64(p, 16) };
  });
}

/**
 * The membership and the log index it was applied at. Trimming needs the
 * index: a compaction point's snapshot must carry the membership as of that
 * point, which is the current one only when no change was applied after it.
 */
export interface StoredConfState {
  readonly confState: ConfState;
  readonly index: number;
}

// Conf state: index u64 | JSON
export function encodeConfState(key: Uint8Array, s: StoredConfState): Uint8Array {
  const json = Buffer.from(JSON.stringify(s.confState), 'utf8');
  const v = allocSealed(8 + json.byteLength);
  writeU64(v, SEAL_BYTES, s.index);
  v.set(json, SEAL_BYTES + 8);
  return seal(key, v);
}

export function decodeConfState(key: Uint8Array, value: Uint8Array, where?: CorruptWhere): StoredConfState {
  return decodeOrCorrupt(key, value, where, (p) => ({
    index: readU64(p, 0),
    confState: parseConfState(p.subarray(8)),
  }));
}

function parseConfState(p: Uint8Array): ConfState {
  const o = JSON.parse(Buffer.from(p.buffer, p.byteOffset, p.byteLength).toString('utf8')) as ConfState;
  const lists = [o.voters, o.learners, o.votersOutgoing, o.learnersNext];
  if (
    !lists.every((l) => Array.isArray(l) && l.every((n) => Number.isSafeInteger(n))) ||
    typeof o.autoLeave !== 'boolean'
  ) {
    throw new Error('conf state of the wrong shape');
  }
  return o;
}

// Snapshot: index u64 | term u64 | conf length u32 | conf JSON | app data
export function encodeSnapshot(key: Uint8Array, s: Snapshot): Uint8Array {
  const conf = Buffer.from(JSON.stringify(s.metadata.confState), 'utf8');
  const v = allocSealed(20 + conf.byteLength + s.data.byteLength);
  writeU64(v, SEAL_BYTES, s.metadata.index);
  writeU64(v, SEAL_BYTES + 8, s.metadata.term);
  writeU32(v, SEAL_BYTES + 16, conf.byteLength);
  v.set(conf, SEAL_BYTES + 20);
  v.set(s.data, SEAL_BYTES + 20 + conf.byteLength);
  return seal(key, v);
}

export function decodeSnapshot(key: Uint8Array, value: Uint8Array, where?: CorruptWhere): Snapshot {
  return decodeOrCorrupt(key, value, where, (p) => {
    const confBytes = readU32(p, 16);
    if (20 + confBytes > p.byteLength) throw new Error('snapshot conf state past the value');
    const confState = parseConfState(p.subarray(20, 20 + confBytes));
    // Copied: a snapshot lives as long as the group, and a view would pin LevelDB's whole read buffer.
    const data = new Uint8Array(p.subarray(20 + confBytes));
    return { metadata: { index: readU64(p, 0), term: readU64(p, 8), confState }, data };
  });
}

/** A run of entries with the same term: [start, next run's start) all have `term`. */
export interface TermRun {
  readonly start: number;
  readonly term: number;
}

export function encodeTermRuns(key: Uint8Array, runs: readonly TermRun[]): Uint8Array {
  const p = new Uint8Array(runs.length * 16);
  runs.forEach((r, i) => {
    writeU64(p, i * 16, r.start);
    writeU64(p, i * 16 + 8, r.term);
  });
  return sealPayload(key, p);
}

export function decodeTermRuns(key: Uint8Array, value: Uint8Array, where?: CorruptWhere): TermRun[] {
  return decodeOrCorrupt(key, value, where, (p) => {
    if (p.byteLength % 16 !== 0 || p.byteLength === 0) throw new Error(`term runs of ${p.byteLength} bytes`);
    const runs: TermRun[] = [];
    for (let o = 0; o < p.byteLength; o += 16) runs.push({ start: readU64(p, o), term: readU64(p, o + 8) });
    return runs;
  });
}

/** One u64: the applied index, a repair marker's first bad index, the format version. */
export function encodeU64(key: Uint8Array, n: number): Uint8Array {
  const p = new Uint8Array(8);
  writeU64(p, 0, n);
  return sealPayload(key, p);
}

export function decodeU64(key: Uint8Array, value: Uint8Array, where?: CorruptWhere): number {
  return decodeOrCorrupt(key, value, where, (p) => {
    expectBytes(p, 8, 'u64 value');
    return readU64(p, 0);
  });
}

/** A sparse time index point: every entry before `index` arrived before the point's time. */
export interface TimePoint {
  readonly timeMs: number;
  readonly index: number;
  /** Term of the entry at `index` when the point was written: a point whose entry was overwritten is stale. */
  readonly term: number;
}

export function encodeTimePoint(key: Uint8Array, index: number, term: number): Uint8Array {
  const p = new Uint8Array(16);
  writeU64(p, 0, index);
  writeU64(p, 8, term);
  return sealPayload(key, p);
}

export function decodeTimePoint(
  key: Uint8Array,
  value: Uint8Array,
  timeMs: number,
  where?: CorruptWhere,
): TimePoint {
  return decodeOrCorrupt(key, value, where, (p) => {
    expectBytes(p, 16, 'time point');
    return { timeMs, index: readU64(p, 0), term: readU64(p, 8) };
  });
}

export const GroupState = { Live: 0, Deleting: 1 } as const;
export type GroupState = (typeof GroupState)[keyof typeof GroupState];

export interface RegistryRecord {
  readonly gid: number;
  readonly state: GroupState;
}

export function encodeRegistry(key: Uint8Array, r: RegistryRecord): Uint8Array {
  const p = new Uint8Array(5);
  writeU32(p, 0, r.gid);
  p[4] = r.state;
  return sealPayload(key, p);
}

export function decodeRegistry(key: Uint8Array, value: Uint8Array): RegistryRecord {
  return decodeOrCorrupt(key, value, undefined, (p) => {
    expectBytes(p, 5, 'registry record');
    const state = p[4]!;
    if (state !== GroupState.Live && state !== GroupState.Deleting) throw new Error(`group state ${state}`);
    return { gid: readU32(p, 0), state: state as GroupState };
  });
}

/** App-state and metadata values: the payload is the caller's bytes. */
export function encodeBytes(key: Uint8Array, payload: Uint8Array): Uint8Array {
  return sealPayload(key, payload);
}

export function decodeBytes(key: Uint8Array, value: Uint8Array, where?: CorruptWhere): Uint8Array {
  return unseal(key, value, where);
}
