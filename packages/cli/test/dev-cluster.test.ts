// What is proven: `rheo dev` end to end on one real node — it starts the
// node process in cluster mode (its own controller voter), prints the plan
// and a ready line with the node's pid, keeps the cluster secret in
// <data>/secret (owner-only), serves the quick start (stream create, put,
// tail from TRIM_HORIZON) at its printed address, and on SIGINT stops the
// node by pid and exits 0 with no node left running. How: `rheo dev
// --nodes 1` run from the sources as a child process on free ports, the
// client commands through the program in this process, and the node's pid
// checked with signal 0 after the stop; and a node that cannot start (its
// port taken) makes dev exit 1 naming it.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildProgram } from '../src/index.js';
import { pidAlive } from './pid-alive.js';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
let dev: ChildProcess | undefined;
let nodePid: number | undefined;
const dirs: string[] = [];

afterAll(async () => {
  // Whatever failed above, nothing this test started outlives it.
  if (dev?.exitCode === null) dev.kill('SIGKILL');
  if (nodePid !== undefined && pidAlive(nodePid)) process.kill(nodePid, 'SIGKILL');
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A gRPC port whose metrics port (2000 above) is free too. */
async function freeBasePort(): Promise<number> {
  for (let i = 0; i < 50; i++) {
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    if ((await portFree(port)) && (await portFree(port + 2000))) return port;
  }
  throw new Error('no free port pair');
}

/** `rheo dev --nodes 1` from the sources, on `port`, data in `dataDir`. */
function devArgs(dataDir: string, port: number): string[] {
  const bin = join(repoRoot, 'packages/cli/src/bin.ts');
  return [
    '--conditions=rheo-source',
    '--import',
    'tsx',
    bin,
    'dev',
    '--nodes',
    '1',
    '--data',
    dataDir,
    '--base-port',
    String(port),
  ];
}

async function run(args: string[]): Promise<string> {
  let out = '';
  const program = buildProgram({ out: (t) => (out += t), err: () => {}, env: {} });
  program.exitOverride();
  await program.parseAsync(['node', 'rheo', ...args]);
  return out;
}

describe('rheo dev with one node', () => {
  it('starts, serves the quick start, and stops its node by pid on SIGINT', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rheo-dev-test-'));
    dirs.push(dir);
    const port = await freeBasePort();
    dev = spawn(process.execPath, devArgs(dir, port), { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    dev.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    dev.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => dev!.once('exit', (code) => resolve(code)));
    const deadline = Date.now() + 60_000;
    while (!/^ready: /m.test(out) && dev.exitCode === null && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const ready = /^ready: 1 node at (127\.0\.0\.1:\d+), pids (\d+)/m.exec(out);
    expect(ready, out).not.toBeNull();
    expect(ready![1]).toBe(`127.0.0.1:${port}`);
    expect(out).toContain(`http://127.0.0.1:${port + 2000}/metrics`);
    nodePid = Number(ready![2]);
    expect((await stat(join(dir, 'secret'))).mode & 0o777).toBe(0o600);

    const at = ['--endpoint', ready![1]!];
    expect(await run(['stream', 'create', 'quick', '--shards', '2', '--replicas', '1', ...at])).toBe(
      'stream quick created (2 shards), ACTIVE\n',
    );
    expect((await run(['put', 'quick', 'pk', 'one', 'two', ...at])).trim().split('\n')).toHaveLength(2);
    const tailed = await run(['tail', 'quick', '--from', 'TRIM_HORIZON', '--limit', '2', '--json', ...at]);
    expect(
      tailed
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as { data: string }).data),
    ).toEqual(['one', 'two']);
    const status = JSON.parse(await run(['cluster', 'status', '--json', ...at])) as {
      nodes: { nodeId: number; replicaCount: number }[];
    };
    expect(status.nodes.map((n) => n.nodeId)).toEqual([1]);

    dev.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(out).toMatch(/rheo dev: stopping every node/);
    expect(pidAlive(nodePid)).toBe(false);
  }, 120_000);

  it('exits 1, naming the node, when a node cannot start (its port is taken)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rheo-dev-test-'));
    dirs.push(dir);
    const port = await freeBasePort();
    const squatter = createServer();
    await new Promise<void>((resolve) => squatter.listen(port, '127.0.0.1', resolve));
    try {
      const r = spawnSync(process.execPath, [...devArgs(dir, port)], {
        cwd: repoRoot,
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(r.status, r.stdout + r.stderr).toBe(1);
      expect(r.stderr).toMatch(/rheo dev: node 1 exited \(\d+\) before the cluster was ready/);
    } finally {
      squatter.close();
    }
  }, 90_000);
});
