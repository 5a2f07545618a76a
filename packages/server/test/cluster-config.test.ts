// Proves the cluster-mode configuration and identity rules: controller
// voters switch a node to cluster mode, where the static `streams` key is
// refused with a message saying what to do instead; the liveness timings
// must nest; the new keys have their defaults; and a data dir keeps the
// node id and cluster id of its first start: a start with another of either
// is refused (a ConfigError naming both), and nothing is written.
import { freePorts, LOOPBACK, tempDir } from '@rheo/testkit';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ConfigError, createLogger, loadConfig, startNode } from '../src/index.js';
import { clusterConfig } from './cluster-harness.js';

const env = { RHEO_NODE_ID: '1', RHEO_CLUSTER_SECRET: 's'.repeat(40) };
const voters = ['--controller-voters', '1@127.0.0.1:7400'];

function problems(argv: string[]): readonly string[] {
  try {
    loadConfig({ argv, env });
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

describe('cluster-mode configuration', () => {
  test('controller voters mean cluster mode, with the defaults of the new keys', () => {
    const c = loadConfig({ argv: voters, env });
    expect(c).toMatchObject({
      clusterMode: true,
      heartbeatIntervalMs: 500,
      nodeSuspectAfterMs: 1500,
      nodeDeadAfterMs: 30000,
      defaultReplicationFactor: 3,
      shardLimit: 1000,
    });
    expect(loadConfig({ argv: ['--roles', 'broker'], env }).clusterMode).toBe(false);
  });

  test.each([
    [
      ['--streams', 'orders:1:1'],
      'streams: is for static mode only; with controller_voters set (cluster mode) streams are created with CreateStream (`rheo stream create`): remove streams, or controller_voters for a static cluster (from --streams)',
    ],
    [
      ['--node-suspect-after-ms', '500'],
      'node_suspect_after_ms: must be above heartbeat_interval_ms (500), got 500 (from --node-suspect-after-ms)',
    ],
    [
      ['--node-dead-after-ms', '1500'],
      'node_dead_after_ms: must be above node_suspect_after_ms (1500), got 1500 (from --node-dead-after-ms)',
    ],
    [
      ['--default-replication-factor', '8'],
      'default_replication_factor: expected an integer from 1 to 7, got "8" (from --default-replication-factor)',
    ],
  ])('%j', (args, message) => {
    expect(problems([...voters, ...args])).toEqual([message]);
  });
});

describe('data dir identity', () => {
  let dir: { path: string; remove: () => Promise<void> };
  beforeAll(async () => {
    dir = await tempDir('identity');
  });
  afterAll(() => dir.remove());

  test('a restart with another node id or cluster id is refused, naming both', async () => {
    const [grpc, metrics] = await freePorts(2);
    const argv = (id: number, cluster = 'rheo') => [
      ...['--node-id', String(id), '--cluster-id', cluster, '--data-dir', `${dir.path}/n`],
      ...['--grpc-listen', `${LOOPBACK}:${grpc}`, '--metrics-listen', `${LOOPBACK}:${metrics}`],
      ...['--controller-voters', `${id}@${LOOPBACK}:${grpc}`, '--tick-interval-ms', '20'],
    ];
    const logger = () => createLogger({ nodeId: 1, level: 'silent' });
    const first = await startNode(clusterConfig(argv(1)), { logger: logger() });
    await first.stop();
    const refusal = async (args: string[]) => {
      try {
        const n = await startNode(clusterConfig(args), { logger: logger() });
        await n.stop();
      } catch (err) {
        expect(err).toBeInstanceOf(ConfigError);
        return (err as ConfigError).problems;
      }
      throw new Error('expected the start to be refused');
    };
    expect(await refusal(argv(9))).toEqual([
      `node_id: the data dir ${dir.path}/n belongs to node 1, but this node is configured as node 9; start node 1 on it, or give node 9 its own (empty) data dir`,
    ]);
    expect(await refusal(argv(1, 'other'))).toEqual([
      `cluster_id: the data dir ${dir.path}/n belongs to cluster rheo, but this node is configured for cluster other; use that cluster id, or an empty data dir`,
    ]);
    // The refusals wrote nothing: node 1 of cluster rheo starts again.
    const again = await startNode(clusterConfig(argv(1)), { logger: logger() });
    await again.stop();
  });
});
