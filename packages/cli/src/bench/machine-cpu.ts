// Where the machine's CPU went while the bench measured: the bench's own
// processes (this client and a --local cluster's nodes), everything else
// (other processes and kernel threads), interrupts, and time the hypervisor
// kept (steal). Linux only: it reads /proc, and reports nothing elsewhere.
//
// Why: latency figures on a shared machine say little without it. On the
// 2-core VMs these figures come from, a kernel thread (kdamond, the host's
// DAMON memory monitor) took a whole core for about 100 ms every 600 ms and
// set the p99 on its own (docs/bench.md). Averaged over a run that is a few
// percent of a core, so the sampler also keeps every 100 ms slice: the
// largest slice and the share of slices in which others held half a core or
// more are what show such bursts.
import { type ReadText, readText, SliceTimer } from './slice-timer.js';

/** The machine's CPU counters (jiffies, all CPUs summed) from /proc/stat's `cpu` line. */
export interface MachineTimes {
  /** user + nice + system: processes and kernel threads at work (guest time is inside user). */
  readonly busy: number;
  /** irq + softirq: interrupts, including the loopback network's receive work. */
  readonly irq: number;
  readonly steal: number;
  /** Every column: the time that passed, times the number of CPUs. */
  readonly total: number;
  readonly cpus: number;
}

/** Parses /proc/stat; undefined when it does not look like Linux's. */
export function parseProcStat(text: string): MachineTimes | undefined {
  const lines = text.split('\n');
  const head = lines.find((l) => l.startsWith('cpu '));
  if (head === undefined) return undefined;
  const v = head.trim().split(/\s+/).slice(1).map(Number);
  if (v.length < 8 || v.some((x) => !Number.isFinite(x) || x < 0)) return undefined;
  // user nice system idle iowait irq softirq steal [guest guest_nice]: guest time is already in user.
  const [user, nice, system, idle, iowait, irq, softirq, steal] = v as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const cpus = lines.filter((l) => /^cpu\d+\s/.test(l)).length;
  if (cpus === 0) return undefined;
  return {
    busy: user + nice + system,
    irq: irq + softirq,
    steal,
    total: user + nice + system + idle + iowait + irq + softirq + steal,
    cpus,
  };
}

/**
 * A process's CPU time (utime + stime, jiffies, all its threads) from
 * /proc/<pid>/stat. The command name may hold spaces and parentheses, so
 * the fields are counted from the last `)`.
 */
export function parsePidStatCpu(text: string): number | undefined {
  const close = text.lastIndexOf(')');
  if (close < 0) return undefined;
  // After ") ": state(3) ppid(4) ... utime(14) stime(15).
  const fields = text
    .slice(close + 1)
    .trim()
    .split(/\s+/);
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  if (!Number.isSafeInteger(utime) || !Number.isSafeInteger(stime) || utime < 0 || stime < 0)
    return undefined;
  return utime + stime;
}

/** Cores used on average over the slices, by whom. */
export interface MachineCpuSummary {
  readonly cpus: number;
  readonly sliceMs: number;
  readonly slices: number;
  /** The bench's own processes. */
  readonly benchCores: number;
  /** Every other process and kernel thread. */
  readonly otherCores: number;
  /** The most any single slice gave to others. */
  readonly otherCoresMax: number;
  /** Share of slices (%) in which others held at least half a core. */
  readonly otherHalfCoreSlicesPct: number;
  readonly irqCores: number;
  readonly stealCores: number;
}

interface Slice {
  readonly atMs: number;
  readonly total: number;
  readonly bench: number;
  readonly other: number;
  readonly irq: number;
  readonly steal: number;
}

interface Reading {
  readonly machine: MachineTimes;
  readonly bench: number;
}

export class MachineCpuSampler {
  private last: Reading | undefined;
  private readonly slices: Slice[] = [];
  private readonly timer = new SliceTimer();
  /** The first reading failed (not Linux, or no /proc): nothing more is tried. */
  private unavailable = false;
  private everRead = false;

  constructor(
    private readonly pids: () => readonly number[],
    readonly sliceMs = 100,
    private readonly read: ReadText = readText,
  ) {}

  /** Samples every sliceMs until stop(); does nothing where /proc/stat cannot be read. */
  start(): void {
    this.timer.start(this.sliceMs, (nowMs) => this.sample(nowMs));
  }

  stop(): void {
    this.timer.stop();
  }

  /** Takes one reading at `nowMs`; false when the machine's counters cannot be read here. */
  sample(nowMs: number): boolean {
    if (this.unavailable) return false;
    const reading = this.reading();
    if (reading === undefined) {
      // A later failure (a process of the bench exiting) drops the slice; the next reading starts afresh.
      this.unavailable = !this.everRead;
      this.last = undefined;
      return false;
    }
    this.everRead = true;
    const prev = this.last;
    this.last = reading;
    if (prev === undefined) return true;
    const d = (f: (r: Reading) => number) => f(reading) - f(prev);
    const total = d((r) => r.machine.total);
    if (total <= 0) return true;
    const bench = Math.max(
      0,
      d((r) => r.bench),
    );
    this.slices.push({
      atMs: nowMs,
      total,
      bench,
      // The bench's jiffies and the machine's are counted apart and can disagree by a tick.
      other: Math.max(0, d((r) => r.machine.busy) - bench),
      irq: Math.max(
        0,
        d((r) => r.machine.irq),
      ),
      steal: Math.max(
        0,
        d((r) => r.machine.steal),
      ),
    });
    return true;
  }

  /** The slices that ended within [fromMs, toMs]; undefined when there are none. */
  summary(fromMs: number, toMs: number): MachineCpuSummary | undefined {
    const cpus = this.last?.machine.cpus;
    const chosen = this.slices.filter((s) => s.atMs >= fromMs && s.atMs <= toMs);
    if (cpus === undefined || chosen.length === 0) return undefined;
    const cores = (s: Slice, x: number) => (x / s.total) * cpus;
    const sum = (f: (s: Slice) => number) => chosen.reduce((a, s) => a + f(s), 0);
    const total = sum((s) => s.total);
    const avg = (f: (s: Slice) => number) => (sum(f) / total) * cpus;
    const otherPerSlice = chosen.map((s) => cores(s, s.other));
    return {
      cpus,
      sliceMs: this.sliceMs,
      slices: chosen.length,
      benchCores: avg((s) => s.bench),
      otherCores: avg((s) => s.other),
      otherCoresMax: Math.max(...otherPerSlice),
      otherHalfCoreSlicesPct: (100 * otherPerSlice.filter((c) => c >= 0.5).length) / chosen.length,
      irqCores: avg((s) => s.irq),
      stealCores: avg((s) => s.steal),
    };
  }

  private reading(): Reading | undefined {
    let machine: MachineTimes | undefined;
    try {
      machine = parseProcStat(this.read('/proc/stat'));
    } catch {
      return undefined;
    }
    if (machine === undefined) return undefined;
    let bench = 0;
    for (const pid of this.pids()) {
      let t: number | undefined;
      try {
        t = parsePidStatCpu(this.read(`/proc/${pid}/stat`));
      } catch {
        t = undefined;
      }
      // A process that is gone (a node being stopped) would make its time vanish from the sum.
      if (t === undefined) return undefined;
      bench += t;
    }
    return { machine, bench };
  }
}
