// The bench's account of the machine's CPU: /proc parsing (including command
// names with spaces and parentheses, and text that is not Linux's), and the
// per-slice split between the bench's processes and everything else.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MachineCpuSampler, parsePidStatCpu, parseProcStat } from '../src/bench/machine-cpu.js';

const procStat = (user: number, system: number, idle: number, irq = 0, softirq = 0, steal = 0) =>
  [
    `cpu  ${user} 0 ${system} ${idle} 0 ${irq} ${softirq} ${steal} 0 0`,
    'cpu0 1 0 1 1 0 0 0 0 0 0',
    'cpu1 1 0 1 1 0 0 0 0 0 0',
    'intr 12345 0 0',
    'ctxt 999',
  ].join('\n');

const pidStat = (pid: number, comm: string, utime: number, stime: number) =>
  `${pid} (${comm}) S 1 ${pid} ${pid} 0 -1 4194560 100 0 0 0 ${utime} ${stime} 0 0 20 0 11 0 500 1000000 2000 18446744073709551615\n`;

describe('parseProcStat', () => {
  it('sums the busy, interrupt and steal columns and counts the CPUs', () => {
    expect(parseProcStat(procStat(100, 50, 800, 3, 7, 2))).toEqual({
      busy: 150,
      irq: 10,
      steal: 2,
      total: 962,
      cpus: 2,
    });
  });

  it('refuses text that is not /proc/stat', () => {
    expect(parseProcStat('')).toBeUndefined();
    expect(parseProcStat('cpu  1 2 3\ncpu0 1 2 3')).toBeUndefined();
    expect(parseProcStat('cpu  a b c d e f g h\ncpu0 1 1 1 1 1 1 1 1')).toBeUndefined();
    expect(parseProcStat('cpu  1 1 1 1 1 1 1 1')).toBeUndefined();
  });
});

describe('parsePidStatCpu', () => {
  it('reads utime + stime after the command name, whatever the name holds', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 16 }).filter((s) => !s.includes('\n')),
        fc.nat({ max: 1e9 }),
        fc.nat({ max: 1e9 }),
        (comm, utime, stime) => {
          expect(parsePidStatCpu(pidStat(42, comm, utime, stime))).toBe(utime + stime);
        },
      ),
    );
    expect(parsePidStatCpu(pidStat(7, 'node) S 1 2 (x', 30, 12))).toBe(42);
  });

  it('refuses text without the fields', () => {
    expect(parsePidStatCpu('')).toBeUndefined();
    expect(parsePidStatCpu('42 (node) S 1')).toBeUndefined();
    expect(parsePidStatCpu('42 (node) S 1 2 3 4 5 6 7 8 9 10 x y')).toBeUndefined();
  });
});

/** A fake /proc: the test sets the counters before each sample. */
function fakeProc() {
  const files = new Map<string, string>();
  return {
    files,
    read: (path: string) => {
      const text = files.get(path);
      if (text === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      return text;
    },
  };
}

describe('MachineCpuSampler', () => {
  it('splits each slice between the bench and everything else, and keeps the bursts', () => {
    const proc = fakeProc();
    const sampler = new MachineCpuSampler(() => [10, 11], 100, proc.read);
    // Two CPUs, 100 ms slices at 100 jiffies/s: 20 jiffies of machine time per slice.
    let user = 0;
    let system = 0;
    let idle = 0;
    let bench = 0;
    const step = (benchJ: number, otherJ: number, irqJ = 0) => {
      bench += benchJ;
      user += benchJ;
      system += otherJ;
      idle += 20 - benchJ - otherJ - irqJ;
      proc.files.set('/proc/stat', procStat(user, system, idle, 0, irqJ));
      proc.files.set('/proc/10/stat', pidStat(10, 'node', bench, 0));
      proc.files.set('/proc/11/stat', pidStat(11, 'node', 0, 0));
    };
    step(0, 0);
    expect(sampler.sample(0)).toBe(true);
    // Nine quiet slices with the bench at 1.5 cores, then one where another thread holds a whole core.
    for (let i = 1; i <= 9; i++) {
      step(15, 0);
      sampler.sample(i * 100);
    }
    step(9, 10);
    sampler.sample(1000);

    const all = sampler.summary(0, 1000);
    expect(all?.cpus).toBe(2);
    expect(all?.slices).toBe(10);
    expect(all?.benchCores).toBeCloseTo(((9 * 15 + 9) / 200) * 2, 6);
    expect(all?.otherCores).toBeCloseTo(0.1, 6);
    expect(all?.otherCoresMax).toBeCloseTo(1, 6);
    expect(all?.otherHalfCoreSlicesPct).toBeCloseTo(10, 6);
    expect(all?.stealCores).toBe(0);

    // Only the slices inside the window count.
    const early = sampler.summary(0, 500);
    expect(early?.slices).toBe(5);
    expect(early?.otherCoresMax).toBe(0);
    expect(sampler.summary(2000, 3000)).toBeUndefined();
  });

  it('drops the slice in which a bench process went away, and goes on', () => {
    const proc = fakeProc();
    const pids = [10];
    const sampler = new MachineCpuSampler(() => pids, 100, proc.read);
    proc.files.set('/proc/stat', procStat(0, 0, 0));
    proc.files.set('/proc/10/stat', pidStat(10, 'node', 0, 0));
    sampler.sample(0);
    proc.files.delete('/proc/10/stat');
    proc.files.set('/proc/stat', procStat(10, 0, 10));
    expect(sampler.sample(100)).toBe(false);
    pids.length = 0;
    proc.files.set('/proc/stat', procStat(20, 0, 20));
    expect(sampler.sample(200)).toBe(true);
    proc.files.set('/proc/stat', procStat(30, 0, 30));
    expect(sampler.sample(300)).toBe(true);
    // One slice, from 200 to 300: all of it others' (the bench has no process left).
    expect(sampler.summary(0, 1000)).toMatchObject({ slices: 1, benchCores: 0, otherCores: 1 });
  });

  it('reports nothing where /proc cannot be read', () => {
    const sampler = new MachineCpuSampler(() => [], 100, fakeProc().read);
    expect(sampler.sample(0)).toBe(false);
    sampler.start();
    sampler.stop();
    expect(sampler.summary(0, Number.POSITIVE_INFINITY)).toBeUndefined();
  });

  it('reads this machine when it is Linux', () => {
    const sampler = new MachineCpuSampler(() => [process.pid]);
    if (process.platform !== 'linux') {
      expect(sampler.sample(0)).toBe(false);
      return;
    }
    expect(sampler.sample(0)).toBe(true);
    const until = Date.now() + 60;
    while (Date.now() < until) {
      // Busy for a few jiffies, so this process has time to show.
    }
    expect(sampler.sample(100)).toBe(true);
    const s = sampler.summary(0, 100);
    expect(s?.cpus).toBeGreaterThan(0);
    expect(s?.benchCores).toBeGreaterThanOrEqual(0);
  });
});
