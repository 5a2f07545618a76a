// The LevelDB handle: binary keys and values (Uint8Array views, no string
// encoding on the hot path), and the batch sink the group-commit writer uses.

import { ClassicLevel } from 'classic-level';
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

export class LevelBatchSink implements BatchSink {
  constructor(private readonly db: LevelDb) {}

  write(ops: readonly BatchOp[], sync: boolean): Promise<void> {
    // BatchOp is structurally LevelDB's batch operation ({type, key, value}).
    return this.db.batch(ops as BatchOp[], { sync });
  }
}
