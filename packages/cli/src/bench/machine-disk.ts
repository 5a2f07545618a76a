// Whether the machine's disks stopped answering while the bench measured.
// Linux only: it reads /proc/diskstats every 50 ms and reports nothing
// where that file cannot be read.
//
// Why: every produce acknowledgement waits for a majority of fsyncs, and a
// local cluster's replicas share one disk. On the VMs these figures come
// from, the virtual disk now and then completed nothing for 100 ms to over
// a second while the CPUs sat idle (a cache flush outstanding at the host;
// docs/bench.md, "2026-12-02, fourth"). Every record in flight then waits,
// and one such stall in a 15 s run sets the p99 on its own. The bench
// cannot prevent that; it can say when it happened, so that a latency
// figure is read with it. The slices are 50 ms, not the CPU sampler's 100:
// a stall as long as the 50 ms the latency target allows should show.
//
// A slice counts as stalled on a disk when the disk had requests in flight
// at the slice's start and completed none during it: the oldest of those
// requests was outstanding for the whole slice. Nothing else is inferred
// (io_ticks only advances when requests start or end, so it is not used).
import { readdirSync } from 'node:fs';
import { type ReadText, readText, SliceTimer } from './slice-timer.js';

/** One disk's counters from a /proc/diskstats line. */
export interface DiskCounters {
  /** Requests completed: reads, writes, discards and flushes (the last two where the kernel reports them). */
  readonly completed: number;
  /** Requests issued to the device and not yet completed, at the time of reading. */
  readonly inFlight: number;
}

/**
 * Parses /proc/diskstats, keeping the named disks. Lines that do not carry
 * at least the 11 statistics every kernel since 2.6 prints are skipped;
 * undefined when none of the named disks was found.
 */
export function parseDiskStats(
  text: string,
  names: ReadonlySet<string>,
): Map<string, DiskCounters> | undefined {
  const out = new Map<string, DiskCounters>();
  for (const line of text.split('\n')) {
    const f = line.trim().split(/\s+/);
    const name = f[2];
    if (f.length < 14 || name === undefined || !names.has(name)) continue;
    const v = f.slice(3).map(Number);
    if (v.some((x) => !Number.isSafeInteger(x) || x < 0)) continue;
    // reads(0) ... writes(4) ... in_flight(8) io_ticks(9) weighted(10) discards(11) ... flushes(15).
    const completed = v[0]! + v[4]! + (v[11] ?? 0) + (v[15] ?? 0);
    out.set(name, { completed, inFlight: v[8]! });
  }
  return out.size === 0 ? undefined : out;
}

/** Block devices that are real (or virtual) disks: /sys/block minus loop, RAM and zram devices. */
export function listDisks(readDir: (path: string) => readonly string[] = readdirSync): string[] {
  try {
    return readDir('/sys/block')
      .filter((n) => !/^(loop|ram|zram)\d*$/.test(n))
      .sort();
  } catch {
    return [];
  }
}

export interface DiskStallSummary {
  readonly disks: readonly string[];
  readonly sliceMs: number;
  readonly slices: number;
  /** Time in stalled slices (a slice in which any disk stalled counts once). */
  readonly stalledMs: number;
  /** Runs of consecutive stalled slices. */
  readonly stalls: number;
  /** The longest run, in ms. */
  readonly longestStallMs: number;
}

interface Slice {
  readonly atMs: number;
  readonly durationMs: number;
  readonly stalled: boolean;
}

export class DiskStallSampler {
  private last: { atMs: number; disks: Map<string, DiskCounters> } | undefined;
  private readonly slices: Slice[] = [];
  private readonly timer = new SliceTimer();
  private readonly names: ReadonlySet<string>;

  constructor(
    readonly disks: readonly string[] = listDisks(),
    readonly sliceMs = 50,
    private readonly read: ReadText = readText,
  ) {
    this.names = new Set(disks);
  }

  /** Samples every sliceMs until stop(); does nothing where /proc/diskstats cannot be read. */
  start(): void {
    if (this.names.size > 0) this.timer.start(this.sliceMs, (nowMs) => this.sample(nowMs));
  }

  stop(): void {
    this.timer.stop();
  }

  /** Takes one reading at `nowMs`; false when the counters cannot be read. */
  sample(nowMs: number): boolean {
    let disks: Map<string, DiskCounters> | undefined;
    try {
      disks = parseDiskStats(this.read('/proc/diskstats'), this.names);
    } catch {
      disks = undefined;
    }
    if (disks === undefined) {
      this.last = undefined;
      return false;
    }
    const prev = this.last;
    this.last = { atMs: nowMs, disks };
    if (prev === undefined) return true;
    let stalled = false;
    for (const [name, now] of disks) {
      const before = prev.disks.get(name);
      if (before !== undefined && before.inFlight > 0 && now.completed === before.completed) stalled = true;
    }
    this.slices.push({ atMs: nowMs, durationMs: nowMs - prev.atMs, stalled });
    return true;
  }

  /** The slices that ended within [fromMs, toMs]; undefined when there are none. */
  summary(fromMs: number, toMs: number): DiskStallSummary | undefined {
    const chosen = this.slices.filter((s) => s.atMs >= fromMs && s.atMs <= toMs);
    if (chosen.length === 0) return undefined;
    let stalledMs = 0;
    let stalls = 0;
    let longestStallMs = 0;
    let run = 0;
    for (const s of chosen) {
      if (!s.stalled) {
        run = 0;
        continue;
      }
      if (run === 0) stalls += 1;
      run += s.durationMs;
      stalledMs += s.durationMs;
      longestStallMs = Math.max(longestStallMs, run);
    }
    return {
      disks: this.disks,
      sliceMs: this.sliceMs,
      slices: chosen.length,
      stalledMs,
      stalls,
      longestStallMs,
    };
  }
}
