// What `rheo bench` prints: a human summary, and with --json one JSON object
// as the last line (snake_case keys, units last: `_ms`, `_per_s`).
// MB is 10^6 bytes of record data (partition keys and framing not counted),
// the same count for the cluster and the baseline, so their ratio is fair.
import type { BenchOptions } from './bench-options.js';
import { type LatencySummary, round3 } from './latency.js';
import type { MachineCpuSummary } from './machine-cpu.js';
import type { DiskStallSummary } from './machine-disk.js';

export interface BenchFigures {
  readonly options: BenchOptions;
  readonly target: string;
  /** The code this bench runs, compiled (`dist`) or TypeScript through tsx (`source`); a local cluster's nodes run the same. */
  readonly build: 'dist' | 'source';
  readonly produce?: {
    readonly records: number;
    readonly bytes: number;
    readonly failed: number;
    readonly elapsedS: number;
    readonly latency: LatencySummary;
    readonly firstError: string | undefined;
  };
  readonly consume?: {
    readonly records: number;
    readonly bytes: number;
    readonly elapsedS: number;
    readonly e2e: LatencySummary;
  };
  readonly baselineMbPerS: number | undefined;
  /** Where the machine's CPU went during the produce window (Linux only). */
  readonly machineCpu?: MachineCpuSummary;
  /** Whether the machine's disks stopped completing requests during the produce window (Linux only). */
  readonly diskStalls?: DiskStallSummary;
}

const perS = (n: number, s: number) => (s > 0 ? n / s : 0);

/** How the bench read: fan-out push, or pull reads with their poll interval (older figures lack both fields). */
function readerName(o: { readonly fanout?: boolean; readonly pollIntervalMs?: number }): string {
  return o.fanout === true ? 'fan-out push' : `pull, polling every ${o.pollIntervalMs ?? 20} ms`;
}

export function benchJson(f: BenchFigures): Record<string, unknown> {
  const p = f.produce;
  const c = f.consume;
  const mbPerS = p === undefined ? undefined : round3(perS(p.bytes, p.elapsedS) / 1e6);
  return {
    mode: f.options.mode,
    target: f.target,
    build: f.build,
    records_per_s: p === undefined ? null : Math.round(perS(p.records, p.elapsedS)),
    mb_per_s: mbPerS ?? null,
    produce_records: p?.records ?? null,
    produce_failed: p?.failed ?? null,
    produce_p50_ms: p?.latency.p50Ms ?? null,
    produce_p90_ms: p?.latency.p90Ms ?? null,
    produce_p99_ms: p?.latency.p99Ms ?? null,
    produce_p999_ms: p?.latency.p999Ms ?? null,
    produce_max_ms: p?.latency.maxMs ?? null,
    consume_records: c?.records ?? null,
    consume_records_per_s: c === undefined ? null : Math.round(perS(c.records, c.elapsedS)),
    consume_mb_per_s: c === undefined ? null : round3(perS(c.bytes, c.elapsedS) / 1e6),
    reader: c === undefined ? null : readerName(f.options),
    e2e_p50_ms: c?.e2e.p50Ms ?? null,
    e2e_p90_ms: c?.e2e.p90Ms ?? null,
    e2e_p99_ms: c?.e2e.p99Ms ?? null,
    e2e_p999_ms: c?.e2e.p999Ms ?? null,
    baseline_mb_per_s: f.baselineMbPerS === undefined ? null : round3(f.baselineMbPerS),
    ratio_to_baseline:
      mbPerS === undefined || f.baselineMbPerS === undefined || f.baselineMbPerS === 0
        ? null
        : round3(mbPerS / f.baselineMbPerS),
    cpus: f.machineCpu?.cpus ?? null,
    bench_cpu_cores: coresOrNull(f.machineCpu?.benchCores),
    other_cpu_cores: coresOrNull(f.machineCpu?.otherCores),
    other_cpu_cores_max: coresOrNull(f.machineCpu?.otherCoresMax),
    other_half_core_slices_pct: coresOrNull(f.machineCpu?.otherHalfCoreSlicesPct),
    irq_cpu_cores: coresOrNull(f.machineCpu?.irqCores),
    steal_cpu_cores: coresOrNull(f.machineCpu?.stealCores),
    disk_stalled_ms: msOrNull(f.diskStalls?.stalledMs),
    disk_stalls: f.diskStalls?.stalls ?? null,
    disk_longest_stall_ms: msOrNull(f.diskStalls?.longestStallMs),
    record_bytes: f.options.recordBytes,
    batch_records: f.options.batchRecords,
    producers: f.options.producers,
    shards: f.options.shards,
    replicas: f.options.local > 0 ? f.options.replicas : null,
    rate: f.options.rate ?? null,
    duration_s: f.options.durationS,
    warmup_s: f.options.warmupS,
  };
}

function coresOrNull(x: number | undefined): number | null {
  return x === undefined ? null : Math.round(x * 100) / 100;
}

function msOrNull(x: number | undefined): number | null {
  return x === undefined ? null : Math.round(x);
}

function diskLine(d: DiskStallSummary): string {
  const what = `disk:        ${d.disks.join(', ')}: stalled (requests in flight, none completed in a ${d.sliceMs} ms slice)`;
  if (d.stalls === 0) return `${what} never`;
  return `${what} ${d.stalls} time${d.stalls === 1 ? '' : 's'}, ${fmt(d.stalledMs)} ms in all, the longest ${fmt(d.longestStallMs)} ms`;
}

function machineLine(m: MachineCpuSummary): string {
  return (
    `machine:     ${m.cpus} CPUs; the bench's processes used ${m.benchCores.toFixed(2)} cores, others ${m.otherCores.toFixed(2)}` +
    ` (at most ${m.otherCoresMax.toFixed(2)} in a ${m.sliceMs} ms slice, half a core or more in ${m.otherHalfCoreSlicesPct.toFixed(1)}% of slices),` +
    ` interrupts ${m.irqCores.toFixed(2)}, steal ${m.stealCores.toFixed(2)}`
  );
}

function latencyLine(l: LatencySummary): string {
  return `p50 ${l.p50Ms} ms, p90 ${l.p90Ms} ms, p99 ${l.p99Ms} ms, p99.9 ${l.p999Ms} ms, max ${l.maxMs} ms (n=${l.count})`;
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

export function benchText(f: BenchFigures): string {
  const o = f.options;
  const lines = [
    `rheo bench ${o.mode}: ${f.target}; stream ${o.stream}, ${o.shards} shards; ${o.producers} producer${o.producers === 1 ? '' : 's'}, ` +
      `${o.recordBytes}-byte records, batches of up to ${o.batchRecords}; rate ${o.rate ?? 'unbounded'}; ${o.durationS} s` +
      (o.warmupS > 0 ? ` after ${o.warmupS} s of warm-up` : ''),
  ];
  const p = f.produce;
  if (p !== undefined) {
    lines.push(
      `produce:     ${fmt(perS(p.records, p.elapsedS))} records/s, ${(perS(p.bytes, p.elapsedS) / 1e6).toFixed(2)} MB/s` +
        ` (${fmt(p.records)} acked, ${fmt(p.failed)} failed)`,
      `  ack latency: ${latencyLine(p.latency)}`,
    );
    if (p.firstError !== undefined) lines.push(`  first error: ${p.firstError}`);
  }
  const c = f.consume;
  if (c !== undefined) {
    lines.push(
      `consume:     ${fmt(perS(c.records, c.elapsedS))} records/s, ${(perS(c.bytes, c.elapsedS) / 1e6).toFixed(2)} MB/s (${fmt(c.records)} read)`,
      `  end to end:  ${latencyLine(c.e2e)} (${readerName(f.options)})`,
    );
  }
  if (f.machineCpu !== undefined) lines.push(machineLine(f.machineCpu));
  if (f.diskStalls !== undefined) lines.push(diskLine(f.diskStalls));
  if (f.baselineMbPerS !== undefined) {
    const ratio =
      p === undefined
        ? ''
        : `; produce = ${(perS(p.bytes, p.elapsedS) / 1e6 / f.baselineMbPerS).toFixed(3)} × baseline`;
    lines.push(
      `baseline:    ${f.baselineMbPerS.toFixed(2)} MB/s (LevelDB, synced batch writes, one process, same disk)${ratio}`,
    );
  }
  return lines.join('\n');
}
