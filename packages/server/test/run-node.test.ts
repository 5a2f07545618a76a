// Proves runNode, the node process's life as main.ts and `rheo server` run
// it, in this process: a bad configuration prints every problem and
// returns exit code 2 without starting anything; a good one prints exactly
// one JSON ready line (node id, the bound gRPC address, pid, shards), then
// stops gracefully when asked and returns 0; a node that cannot bind its
// port returns 1 with a clear message; a restart that would reshape a
// static stream over its existing data is refused as a configuration error.
import { createServer } from 'node:net';
import { freePorts, LOOPBACK, tempDir } from '@rheo/testkit';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createLogger, exitCodes, runNode } from '../src/index.js';

let dir: { path: string; remove: () => Promise<void> };
beforeAll(async () => {
  dir = await tempDir('run-node');
});
afterAll(() => dir.remove());

const env = { RHEO_CLUSTER_SECRET: 'r'.repeat(40) };
const silent = { logger: createLogger({ nodeId: 1, level: 'silent' }) };

async function argv(streams = 'a:2:1', dataDir = `${dir.path}/n1`): Promise<string[]> {
  const [grpc, metrics] = await freePorts(2);
  return [
    ...['--node-id', '1', '--roles', 'broker', '--data-dir', dataDir, '--streams', streams],
    ...['--grpc-listen', `${LOOPBACK}:${grpc}`, '--metrics-listen', `${LOOPBACK}:${metrics}`],
  ];
}

test('a bad configuration: every problem on stderr, exit code 2', async () => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runNode(
    ['--node-id', 'x', '--streams', 'a:0:1'],
    {},
    {
      stdout: (t) => out.push(t),
      stderr: (t) => err.push(t),
      until: new Promise(() => {}),
    },
  );
  expect(code).toBe(exitCodes.badConfig);
  expect(out).toEqual([]);
  expect(err.join('')).toMatch(/^rheo server: invalid configuration \(3 problems\):/);
  expect(err.join('')).toMatch(/node_id: expected a positive integer, got "x" \(from --node-id\)/);
  expect(err.join('')).toMatch(/cluster_secret: required/);
});

test('one ready line, then a graceful stop with exit code 0', async () => {
  const out: string[] = [];
  let stop: (reason: string) => void = () => {};
  const until = new Promise<string>((resolve) => {
    stop = resolve;
  });
  const args = await argv();
  const running = runNode(args, env, { stdout: (t) => out.push(t), until, deps: silent });
  const deadline = Date.now() + 30_000;
  while (out.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  expect(out).toHaveLength(1);
  expect(out[0]!.endsWith('\n')).toBe(true);
  const ready = JSON.parse(out[0]!);
  expect(ready).toMatchObject({
    level: 30,
    node: 1,
    msg: 'ready',
    grpcAddress: args[args.indexOf('--grpc-listen') + 1],
    pid: process.pid,
    shards: 2,
  });
  stop('test');
  expect(await running).toBe(exitCodes.ok);
});

test('a port already taken: exit code 1 and why', async () => {
  const args = await argv();
  const [host, port] = args[args.indexOf('--grpc-listen') + 1]!.split(':');
  const squatter = createServer();
  await new Promise<void>((resolve) => squatter.listen(Number(port), host, resolve));
  try {
    const err: string[] = [];
    const code = await runNode(args, env, {
      stderr: (t) => err.push(t),
      until: new Promise(() => {}),
      deps: silent,
    });
    expect(code).toBe(exitCodes.failed);
    expect(err.join('')).toMatch(/^rheo server: node 1 could not start: cannot listen on 127\.0\.0\.1:\d+/);
  } finally {
    squatter.close();
  }
});

test('a static stream keeps its shape: a restart with another shard count is a configuration error', async () => {
  const dataDir = `${dir.path}/shape`;
  const first = await runNode(await argv('a:2:1;b:1:1', dataDir), env, {
    stdout: () => {},
    until: Promise.resolve('at once'),
    deps: silent,
  });
  expect(first).toBe(exitCodes.ok);
  const err: string[] = [];
  const code = await runNode(await argv('a:3:1;b:1:1', dataDir), env, {
    stderr: (t) => err.push(t),
    until: new Promise(() => {}),
    deps: silent,
  });
  expect(code).toBe(exitCodes.badConfig);
  expect(err.join('')).toContain(
    `streams: stream a has 2 shards on nodes 1 in ${dataDir}, but the configuration says 3 shards on nodes 1; ` +
      'a static stream keeps its shape',
  );
  // The same shape starts again (and a stream it does not host any more is no problem).
  const again = await runNode(await argv('a:2:1', dataDir), env, {
    stdout: () => {},
    until: Promise.resolve('at once'),
    deps: silent,
  });
  expect(again).toBe(exitCodes.ok);
});
