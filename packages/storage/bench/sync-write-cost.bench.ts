// What one LevelDB write costs in CPU on this machine, at a paced rate:
// one-op writes of 1 KiB through the node's batch sink (LevelBatchSink),
// synced (as every group-commit write of a node is) and unsynced, in a
// LevelDB on the temp directory's disk. CPU is the whole process's (the
// event loop, the libuv thread that runs the write, and the kernel's work
// for the write and the fdatasync), divided by the writes done.
//
// A companion of the server's wakeup-cost bench: a node under moderate load
// sleeps between writes, and on a virtual machine every hand-off to the
// libuv thread and back, and every fsync, costs exits to the host. The
// figures say how much of a node's CPU per Raft entry is that price
// (docs/bench.md, "2026-12-02, later"). Rates go up and then down again, so
// a drift in the machine's load shows as two figures for one rate.
// Run: npm run bench -- sync-write-cost   (BENCH_SECONDS per case, default 3)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { entryKey } from '../src/keys.js';
import { LevelBatchSink, openLevel } from '../src/level.js';

const caseSeconds = Number(process.env.BENCH_SECONDS ?? 3);
const rates = [100, 200, 500, 1000];
const value = new Uint8Array(1024).fill(7);
const cpuMicros = (): number => {
  const c = process.cpuUsage();
  return c.user + c.system;
};

const dir = mkdtempSync(join(tmpdir(), 'rheo-bench-sync-write-'));
const db = await openLevel(dir, { cacheBytes: 8 * 1024 * 1024, writeBufferBytes: 4 * 1024 * 1024 });
const sink = new LevelBatchSink(db);
let index = 0;

/** Starts a write `rate` times a second (each waits for none before it); measures caseSeconds after 0.5 s. */
async function paced(rate: number, sync: boolean): Promise<{ writes: number; micros: number }> {
  let done = 0;
  let failed: unknown;
  const timer = setInterval(
    () => {
      sink.write([{ type: 'put', key: entryKey(1, 1, ++index), value }], sync).then(
        () => done++,
        (err: unknown) => {
          failed ??= err;
        },
      );
    },
    Math.max(1, Math.round(1000 / rate)),
  );
  await sleep(500);
  const d0 = done;
  const c0 = cpuMicros();
  await sleep(caseSeconds * 1000);
  const micros = cpuMicros() - c0;
  const writes = done - d0;
  clearInterval(timer);
  await sleep(100);
  if (failed !== undefined) throw failed;
  return { writes, micros };
}

try {
  await paced(1000, false); // unreported: compiles the path
  console.log(
    `paced one-op 1 KiB writes, ${caseSeconds} s per case (BENCH_SECONDS); CPU per write, all threads`,
  );
  for (const rate of [...rates, ...rates.slice(0, -1).reverse()]) {
    for (const sync of [true, false]) {
      const r = await paced(rate, sync);
      console.log(
        `${(sync ? 'synced' : 'unsynced').padEnd(9)} ${String(rate).padStart(5)}/s asked ${(r.writes / caseSeconds).toFixed(0).padStart(5)}/s done` +
          `  ${(r.micros / r.writes).toFixed(0).padStart(5)} µs CPU each  ${(r.micros / caseSeconds / 1e6).toFixed(3)} cores`,
      );
    }
  }
} finally {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
}
