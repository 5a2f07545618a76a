// What is proven: `rheo bench` end to end as a program — options parsed by
// commander, the stream checked, producers and the reader run, the figures
// and the LevelDB baseline measured, and with --json a last line that is one
// JSON object with positive figures. How: against scripted gRPC nodes on
// 127.0.0.1 (the client package's fake-cluster.ts: in-memory, no Raft), and,
// when the node process exists, against a real local cluster of three node
// processes started by the bench itself (--local 3).

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeCluster } from '../../client/test/fake-cluster.js';
import { buildProgram } from '../src/index.js';

let cluster: FakeCluster | undefined;
afterEach(async () => {
  await cluster?.stop();
  cluster = undefined;
});

async function run(args: string[]): Promise<{ out: string; err: string }> {
  let out = '';
  let err = '';
  const program = buildProgram({ out: (t) => (out += t), err: (t) => (err += t), env: {} });
  program.exitOverride();
  await program.parseAsync(['node', 'rheo', ...args]);
  return { out, err };
}

function lastJson(out: string): Record<string, number | string | null> {
  const lines = out.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]!) as Record<string, number | string | null>;
}

/** Records the scripted nodes stored, over every shard. */
function storedRecords(): number {
  return cluster!.shards.reduce((n, s) => n + s.recordCount, 0);
}

describe('rheo bench against scripted nodes', () => {
  it('produces and reads concurrently, and reports produce, end-to-end and baseline figures', async () => {
    cluster = await FakeCluster.start('bench', 2, 2);
    const { out } = await run([
      'bench',
      '--endpoint',
      cluster.addresses.join(','),
      '--duration',
      '0.5',
      '--producers',
      '2',
      '--record-bytes',
      '256',
      '--baseline-seconds',
      '0.3',
      '--json',
    ]);
    const figures = lastJson(out);
    for (const key of [
      'records_per_s',
      'mb_per_s',
      'produce_p50_ms',
      'produce_p99_ms',
      'e2e_p99_ms',
      'baseline_mb_per_s',
    ]) {
      expect(figures[key], key).toBeGreaterThan(0);
    }
    expect(figures.produce_failed).toBe(0);
    expect(figures.consume_records).toBe(figures.produce_records);
    expect(out).toMatch(/produce: .* records\/s/);
    // Under vitest the CLI runs from its TypeScript sources.
    expect(figures.build).toBe('source');
    const stored = storedRecords();
    expect(stored).toBe(figures.produce_records);
  });

  it('counts only what was sent after --warmup: acks, reads and both latencies', async () => {
    cluster = await FakeCluster.start('bench', 2, 2);
    const { out } = await run([
      'bench',
      '--endpoint',
      cluster.addresses.join(','),
      '--warmup',
      '0.6',
      '--duration',
      '0.4',
      '--rate',
      '2000',
      '--producers',
      '2',
      '--record-bytes',
      '64',
      '--no-baseline',
      '--json',
    ]);
    const figures = lastJson(out);
    const stored = storedRecords();
    // About 1,200 records were sent during the warm-up and 800 after it.
    expect(stored).toBeGreaterThan(1500);
    expect(figures.produce_records).toBeGreaterThan(400);
    expect(figures.produce_records).toBeLessThan(stored - 600);
    expect(figures.consume_records).toBe(figures.produce_records);
    expect(figures.e2e_p99_ms).toBeGreaterThan(0);
    expect(figures.produce_failed).toBe(0);
    expect(figures.warmup_s).toBe(0.6);
    expect(figures.records_per_s).toBeGreaterThan(1000);
    expect(figures.records_per_s).toBeLessThan(3000);
    expect(out).toMatch(/0\.4 s after 0\.6 s of warm-up/);
  });

  it('reads a stream from its start with `bench consume`, at a bounded rate', async () => {
    cluster = await FakeCluster.start('bench', 1, 1);
    await run([
      'bench',
      'produce',
      '--endpoint',
      cluster.addresses[0]!,
      '--duration',
      '0.3',
      '--rate',
      '2000',
      '--no-baseline',
    ]);
    const written = cluster.shards[0]!.recordCount;
    expect(written).toBeGreaterThan(100);
    expect(written).toBeLessThan(2000);
    const { out } = await run([
      'bench',
      'consume',
      '--endpoint',
      cluster.addresses[0]!,
      '--duration',
      '5',
      '--no-baseline',
      '--json',
    ]);
    expect(lastJson(out).consume_records).toBe(written);
  });
});

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const nodeMain = `${repoRoot}packages/server/src/main.ts`;

/** `npm run bench -- <args>`: scripts/bench.mjs from the repository root. */
function benchScript(args: string[]) {
  return spawnSync(process.execPath, [`${repoRoot}scripts/bench.mjs`, ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 90_000,
  });
}

describe.runIf(existsSync(nodeMain))('rheo bench on a real local cluster', () => {
  // Through scripts/bench.mjs, as the README and docs/bench.md quote it: it
  // builds (a no-op after npm test's tsc -b) and runs the compiled CLI, whose
  // nodes run compiled too.
  it('`npm run bench -- produce --local 3 --duration 2 --json` runs the build and reports positive figures', () => {
    const r = benchScript([
      'produce',
      '--local',
      '3',
      '--duration',
      '2',
      '--baseline-seconds',
      '0.5',
      '--json',
    ]);
    expect(r.status, r.stderr).toBe(0);
    const figures = lastJson(r.stdout);
    for (const key of [
      'records_per_s',
      'mb_per_s',
      'produce_p50_ms',
      'produce_p99_ms',
      'baseline_mb_per_s',
    ]) {
      expect(figures[key], key).toBeGreaterThan(0);
    }
    expect(figures.produce_failed).toBe(0);
    expect(figures.build).toBe('dist');
    expect(r.stdout).toMatch(/local cluster of 3 nodes \(dist build\), 3 replicas per shard/);
  }, 120_000);

  it("--keep-data keeps the nodes' data and stamped stdout; --node-flags reaches node (--trace-gc)", () => {
    const r = benchScript([
      ...['produce', '--local', '1', '--duration', '1', '--no-baseline'],
      ...['--keep-data', '--node-flags', '--trace-gc', '--json'],
    ]);
    expect(r.status, r.stderr).toBe(0);
    const dir = /kept the local cluster's directory (\S+)/.exec(r.stderr)?.[1];
    expect(dir, r.stderr).toBeDefined();
    try {
      const stdout = readFileSync(join(dir!, 'node-1', 'stdout.log'), 'utf8')
        .trim()
        .split('\n');
      // Every line stamped with the wall clock it arrived at, within this run.
      const runStart = Date.now() - 120_000;
      for (const line of stdout) {
        const stamp = Number(line.slice(0, line.indexOf(' ')));
        expect(stamp, line).toBeGreaterThan(runStart);
        expect(stamp, line).toBeLessThanOrEqual(Date.now());
      }
      expect(stdout.some((l) => / ms: (Scavenge|Mark-Compact)/.test(l))).toBe(true);
      expect(stdout.some((l) => l.includes('"msg":"ready"'))).toBe(true);
      expect(existsSync(join(dir!, 'node-1', 'stderr.log'))).toBe(true);
      expect(existsSync(join(dir!, 'node-1', 'data', 'LOG'))).toBe(true);
    } finally {
      rmSync(dir!, { recursive: true, force: true });
    }
  }, 120_000);
});
