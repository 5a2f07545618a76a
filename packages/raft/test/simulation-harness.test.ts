// Proves the simulator's own parts behave as the fault model says, without a
// Raft core: the PRNG replays from its seed; the simulated disk loses exactly
// the unsynced writes on a crash, keeps only a prefix on a torn write, and
// finds bit flips and lost tails by checksum on restart; the network drops
// packets across partitions (also those already in flight) and heals.

import { describe, expect, test } from 'vitest';
import { type Entry, type Message, MessageType, newMessage } from '../src/index.js';
import { SimNetwork } from './sim/network.js';
import { Prng } from './sim/prng.js';
import { SimDisk } from './sim/sim-disk.js';

function ents(from: number, to: number, term: number): Entry[] {
  const out: Entry[] = [];
  for (let i = from; i <= to; i++) out.push({ index: i, term, type: 0, data: new Uint8Array([i, term, 7]) });
  return out;
}

function msg(from: number, to: number): Message {
  return newMessage({ type: MessageType.App, from, to, term: 1 });
}

describe('Prng', () => {
  test('one seed, one sequence; different seeds differ', () => {
    const a = new Prng(12345);
    const b = new Prng(12345);
    const xs = Array.from({ length: 100 }, () => a.int(1000));
    expect(Array.from({ length: 100 }, () => b.int(1000))).toEqual(xs);
    const c = new Prng(12346);
    expect(Array.from({ length: 100 }, () => c.int(1000))).not.toEqual(xs);
  });

  test('int(n) stays in range and covers it', () => {
    const r = new Prng(7);
    const xs = Array.from({ length: 2000 }, () => r.int(10));
    expect(Math.min(...xs)).toBe(0);
    expect(Math.max(...xs)).toBe(9);
    expect(new Set(xs).size).toBe(10);
  });
});

describe('SimDisk', () => {
  test('a crash drops exactly the unsynced writes', () => {
    const disk = new SimDisk({}, new Prng(1));
    disk.write({ kind: 'entries', entries: ents(1, 3, 1) });
    disk.write({ kind: 'hardState', hs: { term: 1, vote: 1, commit: 2 } });
    disk.sync();
    disk.write({ kind: 'entries', entries: ents(4, 6, 1) });
    expect(disk.lastIndex()).toBe(6); // the node reads its own writes
    disk.crash(0);
    expect(disk.recover()).toEqual({ damagedFrom: null, needsRepair: false });
    expect(disk.lastIndex()).toBe(3);
    expect(disk.initialState().hardState).toEqual({ term: 1, vote: 1, commit: 2 });
  });

  test('a torn write keeps a prefix of the unsynced batch, and is not damage', () => {
    const disk = new SimDisk({}, new Prng(2));
    disk.write({ kind: 'entries', entries: ents(1, 2, 1) });
    disk.sync();
    disk.write({ kind: 'entries', entries: ents(3, 9, 1) });
    disk.write({ kind: 'hardState', hs: { term: 1, vote: 1, commit: 9 } });
    disk.crash(1);
    const report = disk.recover();
    expect(report.needsRepair).toBe(false);
    expect(disk.lastIndex()).toBeGreaterThanOrEqual(3);
    expect(disk.lastIndex()).toBeLessThanOrEqual(9);
    expect(disk.initialState().hardState.commit).toBe(0); // the hard state came after the tear
  });

  test('a bit flip is found by checksum; the log is cut before it and repair is required', () => {
    const disk = new SimDisk({}, new Prng(3));
    disk.write({ kind: 'entries', entries: ents(1, 8, 1) });
    disk.write({ kind: 'hardState', hs: { term: 1, vote: 2, commit: 8 } });
    disk.sync();
    disk.crash(0);
    expect(disk.flipBit()).toBe(true);
    const report = disk.recover();
    expect(report.needsRepair).toBe(true);
    expect(disk.lastIndex()).toBe(report.damagedFrom! - 1);
    expect(disk.initialState().needsRepair).toBe(true);
    expect(disk.initialState().hardState.commit).toBeLessThanOrEqual(disk.lastIndex());
    // The flag survives another restart until a repaired Ready is synced.
    disk.crash(0);
    expect(disk.recover().needsRepair).toBe(true);
    disk.write({ kind: 'repaired' });
    disk.sync();
    disk.crash(0);
    expect(disk.recover().needsRepair).toBe(false);
  });

  test('a lost tail is found by the expected last index', () => {
    const disk = new SimDisk({}, new Prng(4));
    disk.write({ kind: 'entries', entries: ents(1, 8, 1) });
    disk.sync();
    disk.crash(0);
    expect(disk.truncateTail()).toBe(true);
    const report = disk.recover();
    expect(report.needsRepair).toBe(true);
    expect(disk.lastIndex()).toBeLessThan(8);
  });

  test('damage never reaches entries the state machine holds', () => {
    const disk = new SimDisk({}, new Prng(5));
    disk.write({ kind: 'entries', entries: ents(1, 4, 1) });
    disk.write({ kind: 'applied', sm: { index: 4, term: 1, chain: 0 } });
    disk.sync();
    disk.crash(0);
    expect(disk.flipBit()).toBe(false);
    expect(disk.truncateTail()).toBe(false);
  });
});

describe('SimNetwork', () => {
  test('delivers after latency, drops across a partition (also in flight), heals', () => {
    const net = new SimNetwork(new Prng(9), { latencyMaxTicks: 2, jitterMaxTicks: 1 });
    const got: Message[] = [];
    net.send(msg(1, 2), 0);
    net.cut(1, 2);
    expect(net.send(msg(1, 2), 0)).toBe('cut');
    expect(net.send(msg(2, 1), 0)).toBe('queued'); // one-way
    for (let t = 0; t <= 5; t++)
      net.deliver(
        t,
        (m) => got.push(m),
        () => {},
      );
    expect(got.map((m) => m.from)).toEqual([2]);
    net.heal();
    net.send(msg(1, 2), 6);
    for (let t = 6; t <= 12; t++)
      net.deliver(
        t,
        (m) => got.push(m),
        () => {},
      );
    expect(got.map((m) => m.from)).toEqual([2, 1]);
  });

  test('a bridge partition keeps the bridge node connected to both sides', () => {
    const net = new SimNetwork(new Prng(11), { latencyMaxTicks: 0, jitterMaxTicks: 0 });
    const what = net.partition('bridge', [1, 2, 3, 4, 5]);
    const m = /bridge (\d+) between \[([\d,]*)\] and \[([\d,]*)\]/.exec(what);
    if (!m) return; // too few nodes on one side for a bridge: a symmetric split was made
    const bridge = Number(m[1]);
    const left = m[2]!.split(',').map(Number);
    const right = m[3]!.split(',').map(Number);
    for (const x of left) {
      expect(net.isCut(x, bridge)).toBe(false);
      for (const y of right) expect(net.isCut(x, y)).toBe(true);
    }
  });
});
