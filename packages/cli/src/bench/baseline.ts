// The baseline every bench figure is quoted against: the same record batches
// written straight into a LevelDB (classic-level) on the same disk, one
// synced batch write at a time, one process, no network, no replication.
//
// classic-level is reached through the dependency chain @rheo/cli ->
// @rheo/server -> @rheo/storage -> classic-level (the CLI may not import
// @rheo/storage itself, DESIGN.md §4, and does not declare classic-level).
// A `syncedBatchBaseline` exported by @rheo/storage would be cleaner.
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeBatch } from '@rheo/wire';
import { PayloadMaker } from './payload.js';

interface Level {
  open(): Promise<void>;
  close(): Promise<void>;
  batch(
    ops: { type: 'put'; key: Uint8Array; value: Uint8Array }[],
    options: { sync: boolean },
  ): Promise<void>;
}
type LevelConstructor = new (
  location: string,
  options: { keyEncoding: 'view'; valueEncoding: 'view' },
) => Level;

function loadClassicLevel(): LevelConstructor {
  const fromServer = createRequire(fileURLToPath(import.meta.resolve('@rheo/server')));
  const fromStorage = createRequire(fromServer.resolve('@rheo/storage'));
  return (fromStorage('classic-level') as { ClassicLevel: LevelConstructor }).ClassicLevel;
}

export interface BaselineOptions {
  readonly recordBytes: number;
  readonly batchRecords: number;
  readonly durationMs: number;
  /** A directory on the disk under test (the temp dir by default). */
  readonly parentDir?: string;
}

export interface BaselineResult {
  readonly mbPerS: number;
  readonly recordsPerS: number;
  readonly batches: number;
}

/** Distinct batches cycled through, so LevelDB cannot benefit from repeated values. */
const baselineBatchVariety = 8;

export async function runBaseline(options: BaselineOptions): Promise<BaselineResult> {
  const ClassicLevel = loadClassicLevel();
  const dir = await mkdtemp(join(options.parentDir ?? tmpdir(), 'rheo-baseline-'));
  const db = new ClassicLevel(dir, { keyEncoding: 'view', valueEncoding: 'view' });
  try {
    await db.open();
    const payloads = new PayloadMaker(options.recordBytes, 0);
    const batches = Array.from({ length: baselineBatchVariety }, () =>
      encodeBatch(Array.from({ length: options.batchRecords }, () => payloads.next())),
    );
    const key = Buffer.alloc(8);
    let written = 0;
    const started = performance.now();
    while (performance.now() - started < options.durationMs) {
      key.writeBigUInt64BE(BigInt(written));
      await db.batch(
        [{ type: 'put', key: Uint8Array.from(key), value: batches[written % batches.length]! }],
        {
          sync: true,
        },
      );
      written++;
    }
    const elapsedS = (performance.now() - started) / 1000;
    const records = written * options.batchRecords;
    return {
      mbPerS: (records * options.recordBytes) / 1e6 / elapsedS,
      recordsPerS: records / elapsedS,
      batches: written,
    };
  } finally {
    await db.close().catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  }
}
