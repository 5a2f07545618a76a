// The LevelDB handle: binary keys and values (Uint8Array views, no string
// encoding on the hot path), and the batch sink the group-commit writer uses.

import { ClassicLevel } from 'classic-level';
import { StorageClosedError } from './errors.js';
import type { BatchOp, BatchSink } from './group-commit-writer.js';
import type { StorageOptions } from './options.js';

export type LevelDb = ClassicLevel<Uint8Array, Uint8Array>;

export interface LevelTuning {
  readonly cacheBytes: number;
  readonly writeBufferBytes: number;
}

/** This open's memtable size: the configured size spread by a random factor (options.ts says why). */
export function spreadWriteBufferBytes(
  t: Pick<StorageOptions, 'levelWriteBufferBytes' | 'levelWriteBufferSpread' | 'random'>,
): number {
  const factor = 1 - t.levelWriteBufferSpread + 2 * t.levelWriteBufferSpread * t.random();
  return Math.max(1, Math.round(t.levelWriteBufferBytes * factor));
}

export async function openLevel(dir: string, tuning: LevelTuning): Promise<LevelDb> {
  const db = new ClassicLevel<Uint8Array, Uint8Array>(dir, {
    keyEncoding: 'view',
    valueEncoding: 'view',
    cacheSize: tuning.cacheBytes,
    writeBufferSize: tuning.writeBufferBytes,
  });
  await db.open();
  return db;
}

/** classic-level's own batch write: what abstract-level's public batch() calls once it has checked each op. */
interface DirectBatch {
  _batch(ops: readonly BatchOp[], options: { sync: boolean }): Promise<void>;
}

/**
 * Writes the group-commit writer's batches straight to classic-level's
 * `_batch` (abstract-level's implementation hook), not through the public
 * `batch()`. The public call copies every op into a new object
 * (`{ ...options, ...op }`), looks up its encodings and runs the prewrite
 * hooks, and those copies miss V8's inline caches (the ops have two shapes):
 * a node spent as much in that loop as in the native call that builds the
 * LevelDB batch (perf, docs/storage.md "The batch sink"). What it checks
 * holds here by construction: the ops are `{type, key, value}` with
 * Uint8Array keys and values (the 'view' encoding passes them through
 * unchanged), and this database has no hooks or sublevels. What it guards
 * against is kept: a write to a database that is not open is refused, never
 * handed to the native binding.
 */
export class LevelBatchSink implements BatchSink {
  private readonly direct: DirectBatch;

  constructor(private readonly db: LevelDb) {
    const direct = db as unknown as Partial<DirectBatch>;
    if (typeof direct._batch !== 'function')
      throw new Error('classic-level has no _batch(): the installed version is not the one Rheo supports');
    this.direct = direct as DirectBatch;
  }

  write(ops: readonly BatchOp[], sync: boolean): Promise<void> {
    if (this.db.status !== 'open')
      return Promise.reject(new StorageClosedError(`LevelDB is ${this.db.status}: batch write refused`));
    return this.direct._batch(ops, { sync });
  }
}
