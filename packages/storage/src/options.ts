// The storage's options: one typed schema with the defaults written out,
// validated once at open, unknown keys refused, the result frozen.

import type { Entry } from '@rheo/raft';

export interface StorageOptions {
  /** Per group: bytes of log entries kept in memory (the tail plus loaded segments)... */
  readonly cacheBytesMax: number;
  /** ...and for the whole node: each group gets min(cacheBytesMax, nodeCacheBytesMax / groups). */
  readonly nodeCacheBytesMax: number;
  /** Bytes (keys + values) gathered into one LevelDB batch. */
  readonly batchBytesMax: number;
  /** Contributions (one group's Ready, one metadata write, ...) gathered into one batch. */
  readonly batchContributorsMax: number;
  /** A batch is written as LevelDB writes of about this size (group-commit-writer.ts says why). */
  readonly writeChunkBytesMax: number;
  /** Bytes read by one background range load after a cache miss. */
  readonly loadBytesMax: number;
  /** Background range loads in flight on the node. */
  readonly loadsInflightMax: number;
  /** A time-index point at least every this many ms of arrival time... */
  readonly timeIndexIntervalMs: number;
  /** ...or every this many entries, whichever comes first. */
  readonly timeIndexEntriesMax: number;
  /** Stale time points (of overwritten entries) skipped in one lookup before falling back to the first index. */
  readonly timeIndexStaleScanMax: number;
  /** Keys deleted per background chunk (trimming, group deletion), so writes never wait behind a huge delete. */
  readonly trimChunkKeysMax: number;
  /**
   * Bytes of log entries (keys + values, every group's together) written
   * into one log segment before the node moves to the next (keys.ts).
   */
  readonly logSegmentBytes: number;
  /** On open, the newest entries of each group whose checksums are verified. */
  readonly recoveryVerifyTailEntries: number;
  /** LevelDB block cache (bytes). */
  readonly levelCacheBytes: number;
  /** LevelDB write buffer (memtable) size (bytes), before the spread below. */
  readonly levelWriteBufferBytes: number;
  /**
   * Each node's memtable is levelWriteBufferBytes × a factor drawn at open
   * from [1 − spread, 1 + spread). Replicas receive the same writes, so with
   * equal memtables they flush and compact at the same moments and stall
   * together, quorum included; different sizes move those moments apart
   * (docs/storage.md, "Compactions and the key layout"). 0 turns it off.
   */
  readonly levelWriteBufferSpread: number;
  /** Randomness in [0, 1) (injected: tests fix it). */
  readonly random: () => number;
  /** The clock for arrival times (injected: the simulator replays time). */
  readonly nowMs: () => number;
  /**
   * The arrival time of an entry, when the application can read it from the
   * entry (the broker: the record batch's timestamp, the same on every
   * replica). Undefined or returning undefined: the local clock at persistence.
   */
  readonly entryTimeMs: ((e: Entry) => number | undefined) | undefined;
}

const MiB = 1024 * 1024;

export const DEFAULT_STORAGE_OPTIONS: StorageOptions = Object.freeze({
  cacheBytesMax: 8 * MiB,
  nodeCacheBytesMax: 256 * MiB,
  batchBytesMax: 8 * MiB,
  batchContributorsMax: 4096,
  writeChunkBytesMax: 256 * 1024,
  loadBytesMax: 4 * MiB,
  loadsInflightMax: 4,
  timeIndexIntervalMs: 1000,
  timeIndexEntriesMax: 1000,
  timeIndexStaleScanMax: 256,
  trimChunkKeysMax: 1000,
  logSegmentBytes: 64 * MiB,
  recoveryVerifyTailEntries: 1024,
  levelCacheBytes: 8 * MiB,
  levelWriteBufferBytes: 16 * MiB,
  levelWriteBufferSpread: 0.4,
  random: () => Math.random(),
  nowMs: () => Date.now(),
  entryTimeMs: undefined,
});

const POSITIVE_INTEGER_KEYS = [
  'cacheBytesMax',
  'nodeCacheBytesMax',
  'batchBytesMax',
  'batchContributorsMax',
  'writeChunkBytesMax',
  'loadBytesMax',
  'loadsInflightMax',
  'timeIndexIntervalMs',
  'timeIndexEntriesMax',
  'timeIndexStaleScanMax',
  'trimChunkKeysMax',
  'logSegmentBytes',
  'recoveryVerifyTailEntries',
  'levelCacheBytes',
  'levelWriteBufferBytes',
] as const satisfies readonly (keyof StorageOptions)[];

export function resolveStorageOptions(given: Partial<StorageOptions> = {}): StorageOptions {
  for (const k of Object.keys(given)) {
    if (!(k in DEFAULT_STORAGE_OPTIONS)) throw new TypeError(`unknown storage option ${JSON.stringify(k)}`);
  }
  const o = { ...DEFAULT_STORAGE_OPTIONS, ...given };
  for (const k of POSITIVE_INTEGER_KEYS) {
    if (!Number.isSafeInteger(o[k]) || o[k] <= 0)
      throw new TypeError(`storage option ${k} must be a positive integer`);
  }
  if (typeof o.nowMs !== 'function') throw new TypeError('storage option nowMs must be a function');
  if (typeof o.random !== 'function') throw new TypeError('storage option random must be a function');
  const spread = o.levelWriteBufferSpread;
  if (typeof spread !== 'number' || !(spread >= 0 && spread < 1))
    throw new TypeError('storage option levelWriteBufferSpread must be a number in [0, 1)');
  return Object.freeze(o);
}
