// `--latency-log`: the log keeps every acknowledgement in order across its
// chunks, writes a CSV with a header, stops at its bound and counts the rest;
// the option is refused where it cannot apply.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LatencyLog } from '../src/bench/latency-log.js';
import { resolveBenchOptions, UsageError } from '../src/index.js';

describe('LatencyLog', () => {
  it('keeps every sample in order across chunks and writes them as CSV', async () => {
    const log = new LatencyLog();
    const n = 70_000; // more than two chunks
    for (let i = 0; i < n; i++) log.record(1_796_000_000_000 + i, (i % 1000) / 8);
    expect(log.samples).toBe(n);
    const dir = mkdtempSync(join(tmpdir(), 'latency-log-'));
    try {
      const file = join(dir, 'acks.csv');
      await log.write(file);
      const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
      expect(lines[0]).toBe('ack_unix_ms,latency_ms');
      expect(lines.length).toBe(n + 1);
      expect(lines[1]).toBe('1796000000000.000,0.000');
      expect(lines[n]).toBe(`${1_796_000_000_000 + n - 1}.000,${(((n - 1) % 1000) / 8).toFixed(3)}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stops at its bound and counts what it dropped', () => {
    const log = new LatencyLog(10);
    for (let i = 0; i < 25; i++) log.record(i, i);
    expect(log.samples).toBe(10);
    expect(log.dropped).toBe(15);
    expect(log.csv().trimEnd().split('\n').length).toBe(11);
  });
});

describe('--latency-log', () => {
  it('is taken for produce and both, refused for consume and without a name', () => {
    expect(resolveBenchOptions('produce', { latencyLog: 'a.csv' }, {}).latencyLog).toBe('a.csv');
    expect(resolveBenchOptions('all', {}, {}).latencyLog).toBeUndefined();
    expect(() => resolveBenchOptions('consume', { latencyLog: 'a.csv' }, {})).toThrow(UsageError);
    expect(() => resolveBenchOptions('produce', { latencyLog: ' ' }, {})).toThrow(/--latency-log/);
  });
});
