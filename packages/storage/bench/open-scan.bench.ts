// What opening a store costs when its log spans many segments: the open
// derives every group's segment runs from the keys, one seek per (segment,
// group) pair present (segment-scan.ts). Writes GROUPS groups round-robin,
// one 1 KiB entry each per round, with segments of GROUPS entries, so every
// segment holds every group; then times NodeStore.open, and, as the baseline
// measured in the same run, the open of a store with the same groups and
// entries in one segment.
// Run: npm run bench -- open-scan   (RHEO_BENCH_SEGMENTS overrides 20,000)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NodeStore } from '../src/index.js';

const SEGMENTS = Number(process.env.RHEO_BENCH_SEGMENTS ?? 20_000);
const GROUPS = 4;
const ENTRY_BYTES = 1024;
/** Key + sealed value of one entry is a little over ENTRY_BYTES: a segment closes after GROUPS entries. */
const SMALL_SEGMENT = GROUPS * ENTRY_BYTES;

async function build(dir: string, logSegmentBytes: number): Promise<void> {
  const s = await NodeStore.open(dir, { logSegmentBytes });
  const groups = await Promise.all(Array.from({ length: GROUPS }, (_, g) => s.openGroup(`s/bench/${g}`)));
  const data = new Uint8Array(ENTRY_BYTES);
  for (let i = 1; i <= SEGMENTS; i++) {
    await Promise.all(
      groups.map((g) => g.persist({ entries: [{ index: i, term: 1, type: 0, data }], mustSync: false })),
    );
  }
  await s.close();
}

async function timeOpen(dir: string, logSegmentBytes: number): Promise<{ ms: number; runs: number }> {
  const t0 = performance.now();
  const s = await NodeStore.open(dir, { logSegmentBytes });
  const ms = performance.now() - t0;
  const runs = s.group('s/bench/0').segments.length;
  await s.close();
  return { ms, runs };
}

const dirs: string[] = [];
try {
  const many = mkdtempSync(join(tmpdir(), 'rheo-open-scan-'));
  const one = mkdtempSync(join(tmpdir(), 'rheo-open-scan-'));
  dirs.push(many, one);
  await build(many, SMALL_SEGMENT);
  await build(one, 1 << 30);
  const base = await timeOpen(one, 1 << 30);
  const scan = await timeOpen(many, SMALL_SEGMENT);
  console.log(`${GROUPS} groups × ${SEGMENTS} entries of ${ENTRY_BYTES} B`);
  console.log(`one segment:        open ${base.ms.toFixed(0)} ms (runs per group: ${base.runs})`);
  console.log(
    `many segments:      open ${scan.ms.toFixed(0)} ms (runs per group: ${scan.runs}, ` +
      `${((1000 * (scan.ms - base.ms)) / (scan.runs * GROUPS)).toFixed(1)} µs per (segment, group) pair over the baseline)`,
  );
} finally {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
}
