// What group commit buys on this disk. Three cases, each over 500-record
// × 1 KiB batches (random, so incompressible for Snappy), each timed for a
// fixed wall-clock window in a fresh LevelDB under os.tmpdir():
//   (a) baseline: one synced LevelDB write per batch, the batch as one value
//       (what `baseline_mb_per_s` of `rheo bench` means);
//   (b) GroupLog.persist from 16 groups at once, each batch one Raft entry,
//       through the GroupCommitWriter (one synced write for many groups);
//   (c) one key per record, synced LevelDB batches of 500;
// and, for small writes, where group commit matters most:
//   (d) GroupLog.persist from 16 groups, one 1 KiB record per entry;
//   (e) raw LevelDB synced single 1 KiB puts, 16 in flight (LevelDB's own
//       writer queue groups them).
// MB is 10^6 bytes of record data. fsyncs/s counts synced LevelDB writes.
// The disk is shared and noisy (a case can run 2x faster or slower from one
// window to the next), so the cases are interleaved over ROUNDS rounds and
// the median round of each is printed; quote ratios from one run.
// Run: npm run bench -- storage   (RHEO_BENCH_WINDOW_MS, RHEO_BENCH_ROUNDS,
// RHEO_BENCH_BATCH_BYTES_MAX override the defaults)
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClassicLevel } from 'classic-level';
import { DEFAULT_STORAGE_OPTIONS, NodeStore } from '../src/index.js';

const RECORDS_PER_BATCH = 500;
const RECORD_BYTES = 1024;
const BATCH_BYTES = RECORDS_PER_BATCH * RECORD_BYTES;
const GROUPS = 16;
const WINDOW_MS = Number(process.env.RHEO_BENCH_WINDOW_MS ?? 1500);
const ROUNDS = Number(process.env.RHEO_BENCH_ROUNDS ?? 3);
const BATCH_BYTES_MAX = Number(
  process.env.RHEO_BENCH_BATCH_BYTES_MAX ?? DEFAULT_STORAGE_OPTIONS.batchBytesMax,
);

const batch = randomBytes(BATCH_BYTES);
const records = Array.from({ length: RECORDS_PER_BATCH }, (_, i) =>
  batch.subarray(i * RECORD_BYTES, (i + 1) * RECORD_BYTES),
);

function withDir<T>(label: string, f: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), `rheo-bench-${label}-`));
  return f(dir).finally(() => rmSync(dir, { recursive: true, force: true }));
}

function fmt(n: number, digits = 0): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

async function rawDb(dir: string): Promise<ClassicLevel<Uint8Array, Uint8Array>> {
  const db = new ClassicLevel<Uint8Array, Uint8Array>(dir, {
    keyEncoding: 'view',
    valueEncoding: 'view',
    writeBufferSize: 16 << 20,
  });
  await db.open();
  return db;
}

function key(prefix: number, n: number): Uint8Array {
  const k = Buffer.alloc(12);
  k.writeUInt32BE(prefix, 0);
  k.writeUInt32BE(Math.floor(n / 2 ** 32), 4);
  k.writeUInt32BE(n >>> 0, 8);
  return k;
}

interface Figures {
  mbPerS: number;
  fsyncsPerS: number;
  recordsPerS: number;
  note?: string;
}

function baseline(): Promise<Figures> {
  return withDir('baseline', async (dir) => {
    const db = await rawDb(dir);
    let n = 0;
    const start = performance.now();
    while (performance.now() - start < WINDOW_MS) {
      await db.batch([{ type: 'put', key: key(1, n++), value: batch }], { sync: true });
    }
    const s = (performance.now() - start) / 1000;
    await db.close();
    return {
      mbPerS: (n * BATCH_BYTES) / 1e6 / s,
      fsyncsPerS: n / s,
      recordsPerS: (n * RECORDS_PER_BATCH) / s,
    };
  });
}

function groupCommit(): Promise<Figures> {
  return withDir('group-commit', async (dir) => {
    const store = await NodeStore.open(dir, {
      cacheBytesMax: 4 * BATCH_BYTES,
      batchBytesMax: BATCH_BYTES_MAX,
    });
    const groups = await Promise.all(
      Array.from({ length: GROUPS }, (_, i) => store.openGroup(`s/bench/${i}`)),
    );
    const before = store.stats().writer;
    let entriesWritten = 0;
    const start = performance.now();
    await Promise.all(
      groups.map(async (g) => {
        let index = 1;
        while (performance.now() - start < WINDOW_MS) {
          await g.persist({
            entries: [{ index, term: 1, type: 0, data: batch }],
            hardState: { term: 1, vote: 1, commit: index - 1 },
            mustSync: true,
          });
          index++;
          entriesWritten++;
        }
      }),
    );
    const s = (performance.now() - start) / 1000;
    const w = store.stats().writer;
    const fsyncs = w.syncedBatches - before.syncedBatches;
    await store.close();
    return {
      mbPerS: (entriesWritten * BATCH_BYTES) / 1e6 / s,
      fsyncsPerS: fsyncs / s,
      recordsPerS: (entriesWritten * RECORDS_PER_BATCH) / s,
      note: `${fmt(entriesWritten / fsyncs, 1)} entries per fsync`,
    };
  });
}

function keyPerRecord(): Promise<Figures> {
  return withDir('key-per-record', async (dir) => {
    const db = await rawDb(dir);
    let n = 0;
    let writes = 0;
    const start = performance.now();
    while (performance.now() - start < WINDOW_MS) {
      const ops = records.map((value) => ({ type: 'put' as const, key: key(2, n++), value }));
      await db.batch(ops, { sync: true });
      writes++;
    }
    const s = (performance.now() - start) / 1000;
    await db.close();
    return { mbPerS: (n * RECORD_BYTES) / 1e6 / s, fsyncsPerS: writes / s, recordsPerS: n / s };
  });
}

function smallGroupCommit(): Promise<Figures> {
  return withDir('small-group-commit', async (dir) => {
    const store = await NodeStore.open(dir, { batchBytesMax: BATCH_BYTES_MAX });
    const groups = await Promise.all(
      Array.from({ length: GROUPS }, (_, i) => store.openGroup(`s/small/${i}`)),
    );
    const before = store.stats().writer;
    let n = 0;
    const start = performance.now();
    await Promise.all(
      groups.map(async (g) => {
        for (let index = 1; performance.now() - start < WINDOW_MS; index++, n++) {
          await g.persist({
            entries: [{ index, term: 1, type: 0, data: records[index % RECORDS_PER_BATCH]! }],
            mustSync: true,
          });
        }
      }),
    );
    const s = (performance.now() - start) / 1000;
    const fsyncs = store.stats().writer.syncedBatches - before.syncedBatches;
    await store.close();
    return {
      mbPerS: (n * RECORD_BYTES) / 1e6 / s,
      fsyncsPerS: fsyncs / s,
      recordsPerS: n / s,
      note: `${fmt(n / fsyncs, 1)} entries per fsync`,
    };
  });
}

function smallRaw(): Promise<Figures> {
  return withDir('small-raw', async (dir) => {
    const db = await rawDb(dir);
    let n = 0;
    const start = performance.now();
    await Promise.all(
      Array.from({ length: GROUPS }, async (_, g) => {
        while (performance.now() - start < WINDOW_MS)
          await db.put(key(g, n++), records[n % RECORDS_PER_BATCH]!, { sync: true });
      }),
    );
    const s = (performance.now() - start) / 1000;
    await db.close();
    return {
      mbPerS: (n * RECORD_BYTES) / 1e6 / s,
      fsyncsPerS: Number.NaN,
      recordsPerS: n / s,
      note: 'LevelDB groups them itself; not observable',
    };
  });
}

const cases: Array<[string, () => Promise<Figures>]> = [
  ['(a) baseline: one synced write per 500 x 1 KiB batch     ', baseline],
  [`(b) GroupCommitWriter: ${GROUPS} groups, one entry per batch `, groupCommit],
  ['(c) one key per 1 KiB record, synced batches of 500     ', keyPerRecord],
  [`(d) GroupCommitWriter: ${GROUPS} groups, 1 KiB per entry     `, smallGroupCommit],
  [`(e) raw synced 1 KiB puts, ${GROUPS} in flight                `, smallRaw],
];
const results: Figures[][] = cases.map(() => []);
console.log(
  `storage group commit: ${ROUNDS} rounds x ${WINDOW_MS} ms per case, batchBytesMax ${BATCH_BYTES_MAX}, data in ${tmpdir()}`,
);
for (let r = 0; r < ROUNDS; r++) {
  for (let c = 0; c < cases.length; c++) results[c]!.push(await cases[c]![1]());
}
const medians = results.map((rs) => rs.slice().sort((x, y) => x.mbPerS - y.mbPerS)[rs.length >> 1]!);
medians.forEach((m, c) => {
  const all = results[c]!.map((x) => fmt(x.mbPerS, 0)).join(' / ');
  console.log(
    `${cases[c]![0]} ${fmt(m.mbPerS, 1)} MB/s  ${Number.isNaN(m.fsyncsPerS) ? 'n/a' : fmt(m.fsyncsPerS)} fsyncs/s  ${fmt(m.recordsPerS)} records/s${m.note ? `  (${m.note})` : ''}   [rounds: ${all} MB/s]`,
  );
});
console.log(`(b)/(a) = ${fmt(medians[1]!.mbPerS / medians[0]!.mbPerS, 2)}`);
