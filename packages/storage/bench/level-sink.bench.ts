// What the batch sink costs the event loop per LevelDB write: the same
// batches written through abstract-level's public batch() and through
// LevelBatchSink (classic-level's _batch, level.ts says why), alternated
// over ROUNDS rounds in one LevelDB, the median round of each printed with
// their ratio. A write carries what a follower's group-commit write carries
// under load: two log entries (40 KiB values), a time point
// and a hard state (small puts) and one delete; unsynced. The figure is the
// time the call holds the event loop (checking and copying the ops into a
// LevelDB WriteBatch, queueing the native write), which is what the sink
// changes; LevelDB's own work runs on other threads and is the same for both.
// Run: npm run bench -- level-sink   (RHEO_BENCH_WRITES, RHEO_BENCH_ROUNDS override)
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BatchOp } from '../src/group-commit-writer.js';
import { entryKey, GroupKind, groupKey, timePointKey } from '../src/keys.js';
import { LevelBatchSink, openLevel } from '../src/level.js';

const WRITES = Number(process.env.RHEO_BENCH_WRITES ?? 4000);
const ROUNDS = Number(process.env.RHEO_BENCH_ROUNDS ?? 7);
const ENTRY_BYTES = 40 * 1024;

const payload = randomBytes(ENTRY_BYTES);

const GID = 7;
const SEGMENT = 1;

/** The keys and value shapes the log stager makes: the store's own key layout (keys.ts). */
function ops(n: number): BatchOp[] {
  return [
    { type: 'del', key: entryKey(SEGMENT, GID, n - 1000) },
    { type: 'put', key: timePointKey(GID, n), value: Uint8Array.from(payload.subarray(0, 40)) },
    { type: 'put', key: groupKey(GID, GroupKind.HardState), value: Uint8Array.from(payload.subarray(0, 32)) },
    { type: 'put', key: entryKey(SEGMENT, GID, 2 * n), value: payload },
    { type: 'put', key: entryKey(SEGMENT, GID, 2 * n + 1), value: payload },
  ];
}

type Write = (o: BatchOp[]) => Promise<void>;

/** Microseconds per write spent in the call itself, on the event loop (the native write runs on a libuv thread after it). */
async function round(write: Write, start: number): Promise<number> {
  let inCall = 0;
  for (let i = 0; i < WRITES; i++) {
    const o = ops(start + i);
    const t = performance.now();
    const p = write(o);
    inCall += performance.now() - t;
    await p;
  }
  return (inCall * 1000) / WRITES;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const dir = mkdtempSync(join(tmpdir(), 'rheo-bench-sink-'));
try {
  const db = await openLevel(dir, { cacheBytes: 8 << 20, writeBufferBytes: 16 << 20 });
  const sink = new LevelBatchSink(db);
  // BatchOp is structurally LevelDB's batch operation (the sink says so too).
  const publicBatch = db.batch.bind(db) as unknown as (
    o: BatchOp[],
    options: { sync: boolean },
  ) => Promise<void>;
  const viaPublic: Write = (o) => publicBatch(o, { sync: false });
  const viaSink: Write = (o) => sink.write(o, false);
  const pub: number[] = [];
  const direct: number[] = [];
  // Past the delete distance, so every deleted index is a real one.
  let n = 1000;
  // Warm-up: both paths compiled before anything is counted.
  await round(viaPublic, n);
  n += WRITES;
  await round(viaSink, n);
  n += WRITES;
  for (let r = 0; r < ROUNDS; r++) {
    pub.push(await round(viaPublic, n));
    n += WRITES;
    direct.push(await round(viaSink, n));
    n += WRITES;
  }
  await db.close();
  const a = median(pub);
  const b = median(direct);
  console.log(
    `writes of 5 ops (2 x ${ENTRY_BYTES / 1024} KiB entries), unsynced, ${WRITES} per round, median of ${ROUNDS}:`,
  );
  console.log(`  abstract-level batch():  ${a.toFixed(1)} us on the event loop per write`);
  console.log(`  LevelBatchSink (_batch): ${b.toFixed(1)} us on the event loop per write`);
  console.log(`  sink / batch(): ${(b / a).toFixed(2)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
