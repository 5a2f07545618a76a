// Proves the LocalCluster harness on one real node process (the built
// server entry): start waits for the ready line and reports it; kill
// sends SIGKILL by pid; restart brings the node back on the same address
// with the same data dir (a new pid, its shard again); killAll and
// restartAll crash and bring back the whole cluster; destroy stops every
// process by pid and removes the temp dir. The node flags are checked as
// data (buildNodeArgs, parseReadyLine) without starting anything.
import { existsSync } from 'node:fs';
import { afterAll, describe, expect, test } from 'vitest';
import { buildNodeArgs, LocalCluster, parseReadyLine, pidAlive } from '../src/index.js';

describe('buildNodeArgs and parseReadyLine', () => {
  test('a broker with its peers and static streams, all as flags', () => {
    const args = buildNodeArgs({
      id: 2,
      port: 7401,
      metricsPort: 7491,
      dataDir: '/d/2',
      peers: [
        { id: 1, address: '127.0.0.1:7400' },
        { id: 3, address: '127.0.0.1:7402' },
      ],
      streams: [
        { name: 'a', shards: 4, replicas: [1, 2, 3] },
        { name: 'b', shards: 1, replicas: [2] },
      ],
      tickIntervalMs: 50,
      extraArgs: ['--log-level', 'warn'],
    });
    expect(args.join(' ')).toBe(
      '--node-id 2 --roles broker --grpc-listen 127.0.0.1:7401 --metrics-listen 127.0.0.1:7491 --data-dir /d/2 ' +
        '--peers 1@127.0.0.1:7400,3@127.0.0.1:7402 --streams a:4:1,2,3;b:1:2 --tick-interval-ms 50 --log-level warn',
    );
  });

  test('the ready line', () => {
    const line =
      '{"level":30,"node":3,"msg":"ready","grpcAddress":"127.0.0.1:9","advertisedAddress":"h:9","pid":7,"shards":2}';
    expect(parseReadyLine(line)).toEqual({
      node: 3,
      grpcAddress: '127.0.0.1:9',
      advertisedAddress: 'h:9',
      pid: 7,
      shards: 2,
    });
    expect(() => parseReadyLine('{"msg":"started"}')).toThrow(/not a ready line/);
  });
});

describe('LocalCluster', () => {
  let cluster: LocalCluster | undefined;
  afterAll(() => cluster?.destroy());

  test('start, kill -9, restart on the same address and data dir, destroy', async () => {
    cluster = await LocalCluster.start({ nodes: 1, streams: [{ name: 's', shards: 2 }] });
    const node = cluster.node(1);
    expect(cluster.endpoints()).toEqual([node.address]);
    expect(node.ready).toMatchObject({ node: 1, grpcAddress: node.address, shards: 2 });
    const firstPid = node.process!.pid;
    expect(cluster.pids()).toEqual([firstPid]);

    expect(await cluster.kill(1)).toEqual({ code: null, signal: 'SIGKILL' });
    expect(pidAlive(firstPid)).toBe(false);
    expect(cluster.running(1)).toBe(false);

    const ready = await cluster.restart(1);
    expect(ready).toMatchObject({ node: 1, grpcAddress: node.address, shards: 2 });
    expect(ready.pid).not.toBe(firstPid);
    expect(existsSync(node.dataDir)).toBe(true);
    await expect(cluster.restart(1)).rejects.toThrow(/still running/);

    const exit = await cluster.stop(1);
    expect(exit).toEqual({ code: 0, signal: null });
    expect(cluster.output(1).some((l) => l.includes('"msg":"node stopped"'))).toBe(true);
    await cluster.restart(1);
    await cluster.killAll();
    expect(cluster.pids()).toEqual([]);
    const [again] = await cluster.restartAll();
    expect(again).toMatchObject({ node: 1, grpcAddress: node.address });
    const pid = cluster.pids()[0]!;
    await cluster.destroy();
    expect(pidAlive(pid)).toBe(false);
    expect(existsSync(cluster.dir)).toBe(false);
  }, 120_000);
});
