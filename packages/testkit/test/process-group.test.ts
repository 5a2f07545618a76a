// Proves the harness the cluster tests rely on: a spawned process is found
// by its ready line, kill -9 ends it by pid, stopAll leaves no process behind
// (checked with process.kill(pid, 0)), and a process that dies before its
// ready line fails the wait with its output instead of hanging.
import { afterEach, describe, expect, test } from 'vitest';
import { freePorts, ProcessGroup, pidAlive } from '../src/index.js';

const group = new ProcessGroup();
afterEach(() => group.stopAll());

const LOOP = 'console.log("ready " + process.pid); setInterval(() => {}, 1000);';

describe('ProcessGroup', () => {
  test('waits for the ready line, then kill -9 ends the process by pid', async () => {
    const p = group.spawn({ name: 'looper', command: process.execPath, args: ['-e', LOOP] });
    const line = await p.waitForLine(/^ready /, 10_000);
    expect(line).toBe(`ready ${p.pid}`);
    p.kill('SIGKILL');
    expect(await p.exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect(pidAlive(p.pid)).toBe(false);
  });

  test('stopAll stops every process it started', async () => {
    const ps = [0, 1, 2].map((i) =>
      group.spawn({ name: `p${i}`, command: process.execPath, args: ['-e', LOOP] }),
    );
    await Promise.all(ps.map((p) => p.waitForLine(/^ready/, 10_000)));
    expect(group.pids().sort()).toEqual(ps.map((p) => p.pid).sort());
    await group.stopAll(2_000);
    for (const p of ps) expect(pidAlive(p.pid)).toBe(false);
    expect(group.pids()).toEqual([]);
  });

  test('a process that exits before its ready line fails the wait with its output', async () => {
    const p = group.spawn({
      name: 'crasher',
      command: process.execPath,
      args: ['-e', 'console.error("bad config: port"); process.exit(3)'],
    });
    await expect(p.waitForLine(/^ready/, 10_000)).rejects.toThrow(/exited \(code 3\).*bad config: port/s);
  });

  test('freePorts returns distinct loopback ports', async () => {
    const ports = await freePorts(5);
    expect(new Set(ports).size).toBe(5);
    for (const port of ports) expect(port).toBeGreaterThan(0);
  });
});
