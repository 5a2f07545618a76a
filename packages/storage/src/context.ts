// What every GroupLog shares with its node: the database, the single
// writer, the options, the load limiter, the log segment clock, and the places where corruption is
// reported and background work is tracked.

import type { SlabPool } from '@rheo/wire';
import type { CorruptDataError } from './errors.js';
import type { GroupCommitWriter } from './group-commit-writer.js';
import type { LevelDb } from './level.js';
import type { LoadLimiter } from './load-limiter.js';
import type { StorageOptions } from './options.js';
import type { SegmentClock } from './segment-runs.js';

export interface StoreContext {
  readonly db: LevelDb;
  readonly writer: GroupCommitWriter;
  readonly options: StorageOptions;
  readonly loads: LoadLimiter;
  /** The node's current log segment (segment-runs.ts). */
  readonly clock: SegmentClock;
  /** Slabs the groups' entry caches copy their tails into (cache-slabs.ts). */
  readonly slabs: SlabPool;
  /** Counts the corrupt value and tells the listeners (the driver marks the replica damaged). */
  reportCorrupt(err: CorruptDataError): void;
  /** Runs `task` in the background; close() waits for it; a failure is reported, never lost. */
  background(what: string, task: () => Promise<void>): void;
  /** True once close() began: background loops stop at their next chunk. */
  readonly closing: boolean;
}
