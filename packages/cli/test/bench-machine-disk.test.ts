// The bench's account of disk stalls: /proc/diskstats parsing (old kernels'
// shorter lines, other devices, text that is not Linux's), and which 100 ms
// slices count as stalled: requests in flight at the start, none completed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DiskStallSampler, listDisks, parseDiskStats } from '../src/bench/machine-disk.js';

/** A /proc/diskstats line as kernels since 5.5 print it (17 statistics). */
const line = (
  name: string,
  o: { reads?: number; writes?: number; discards?: number; flushes?: number; inFlight?: number },
) =>
  ` 254       0 ${name} ${o.reads ?? 0} 0 0 0 ${o.writes ?? 0} 0 0 0 ${o.inFlight ?? 0} 0 0 ${o.discards ?? 0} 0 0 0 ${o.flushes ?? 0} 0`;

const vda = new Set(['vda']);

describe('parseDiskStats', () => {
  it('counts every kind of completed request and reads the requests in flight', () => {
    const text = [
      line('loop0', { reads: 5 }),
      line('vda', { reads: 3, writes: 40, discards: 2, flushes: 7, inFlight: 4 }),
      line('vda1', { writes: 40 }),
    ].join('\n');
    expect(parseDiskStats(text, vda)).toEqual(new Map([['vda', { completed: 52, inFlight: 4 }]]));
  });

  it('takes the 11 statistics of kernels before 4.18 (no discards, no flushes)', () => {
    expect(parseDiskStats('   8       0 sda 10 0 0 0 20 0 0 0 1 0 0', new Set(['sda']))).toEqual(
      new Map([['sda', { completed: 30, inFlight: 1 }]]),
    );
  });

  it('refuses text without the named disks or their numbers, and never throws', () => {
    expect(parseDiskStats('', vda)).toBeUndefined();
    expect(parseDiskStats(line('sdb', { writes: 1 }), vda)).toBeUndefined();
    expect(parseDiskStats(' 254 0 vda 1 2 3', vda)).toBeUndefined();
    expect(parseDiskStats(' 254 0 vda 1 2 3 4 x 6 7 8 9 10 11', vda)).toBeUndefined();
    expect(parseDiskStats(' 254 0 vda 1 2 3 4 -5 6 7 8 9 10 11', vda)).toBeUndefined();
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const r = parseDiskStats(text, vda);
        if (r !== undefined) expect([...r.keys()]).toEqual(['vda']);
      }),
    );
  });
});

describe('listDisks', () => {
  it('keeps disks and leaves out loop, RAM and zram devices', () => {
    expect(listDisks(() => ['zram0', 'vda', 'loop3', 'ram0', 'nvme0n1', 'dm-0'])).toEqual([
      'dm-0',
      'nvme0n1',
      'vda',
    ]);
  });

  it('is empty where /sys/block cannot be read', () => {
    expect(
      listDisks(() => {
        throw new Error('ENOENT');
      }),
    ).toEqual([]);
  });
});

/** A fake /proc/diskstats whose counters the test sets before each sample. */
function fakeDisk() {
  const state = { writes: 0, inFlight: 0, fail: false };
  return {
    state,
    read: (path: string) => {
      if (path !== '/proc/diskstats' || state.fail) throw new Error(`ENOENT: ${path}`);
      return `${line('vda', { writes: state.writes, inFlight: state.inFlight })}\n${line('loop0', {})}\n`;
    },
  };
}

describe('DiskStallSampler', () => {
  it('counts a slice as stalled only when requests were in flight at its start and none completed', () => {
    const disk = fakeDisk();
    const sampler = new DiskStallSampler(['vda'], 100, disk.read);
    const steps: [writes: number, inFlight: number][] = [
      [0, 0], // first reading
      [0, 0], // idle: nothing in flight, nothing completed — not a stall
      [0, 3], // requests issued during the slice, none in flight at its start — not a stall
      [0, 3], // stalled
      [0, 5], // stalled (new requests arrived, none completed)
      [40, 1], // completions — not stalled
      [40, 1], // stalled
      [90, 0], // completions
      [90, 0], // idle
    ];
    steps.forEach(([writes, inFlight], i) => {
      disk.state.writes = writes;
      disk.state.inFlight = inFlight;
      expect(sampler.sample(i * 100)).toBe(true);
    });
    expect(sampler.summary(0, 10_000)).toEqual({
      disks: ['vda'],
      sliceMs: 100,
      slices: 8,
      stalledMs: 300,
      stalls: 2,
      longestStallMs: 200,
    });
    // Only the slices that ended inside the window count.
    expect(sampler.summary(350, 10_000)).toMatchObject({
      slices: 5,
      stalledMs: 200,
      stalls: 2,
      longestStallMs: 100,
    });
    expect(sampler.summary(20_000, 30_000)).toBeUndefined();
  });

  it('measures stalls by the time that passed, not the nominal slice', () => {
    const disk = fakeDisk();
    const sampler = new DiskStallSampler(['vda'], 100, disk.read);
    disk.state.inFlight = 2;
    sampler.sample(0);
    sampler.sample(180); // the timer fired late: the stall lasted 180 ms
    sampler.sample(280);
    expect(sampler.summary(0, 1000)).toMatchObject({ stalledMs: 280, stalls: 1, longestStallMs: 280 });
  });

  it('drops the slice across a failed reading, and reports nothing where the file cannot be read', () => {
    const disk = fakeDisk();
    const sampler = new DiskStallSampler(['vda'], 100, disk.read);
    disk.state.inFlight = 1;
    sampler.sample(0);
    disk.state.fail = true;
    expect(sampler.sample(100)).toBe(false);
    disk.state.fail = false;
    sampler.sample(200);
    sampler.sample(300);
    expect(sampler.summary(0, 1000)).toMatchObject({ slices: 1, stalledMs: 100 });

    const nowhere = new DiskStallSampler(['vda'], 100, () => {
      throw new Error('ENOENT');
    });
    nowhere.start();
    nowhere.stop();
    expect(nowhere.summary(0, Number.POSITIVE_INFINITY)).toBeUndefined();
  });
});
