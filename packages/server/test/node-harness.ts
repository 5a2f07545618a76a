// In-process nodes for the service tests: N real nodes (startNode: LevelDB
// in a temp dir, Raft transport, the one gRPC server) in this process on
// 127.0.0.1, configured through loadConfig from flags as an operator would,
// with a client per node. RHEO_TEST_LOG=debug shows their logs.
import { freePorts, LOOPBACK, tempDir } from '@rheo/testkit';
import { createLogger, loadConfig, type RheoNode, startNode } from '../src/index.js';
import { clientsFor, type NodeClients, rpc } from './grpc-test-client.js';

export const TEST_SECRET = 'test-cluster-secret-of-forty-characters!';

/**
 * The shard throughput limits of test nodes: far above what a test writes
 * (these tests measure other things); the limits tests pass their own.
 */
export const unthrottledArgs: readonly string[] = [
  ...['--shard-write-bytes-per-s', '1024GiB', '--shard-write-records-per-s', '4294967295'],
  ...['--shard-read-bytes-per-s', '1024GiB', '--shard-read-calls-per-s', '4294967295'],
];

export interface TestCluster {
  readonly nodes: RheoNode[];
  readonly clients: NodeClients[];
  node(id: number): RheoNode;
  client(id: number): NodeClients;
  /** The id of the node leading a shard, once every replica agrees on one. */
  leaderOf(stream: string, shardId: string, timeoutMs?: number): Promise<number>;
  stopNode(id: number): Promise<void>;
  stop(): Promise<void>;
}

export interface TestClusterOptions {
  readonly nodes: number;
  /** `name:shards:ids;...` (the --streams flag). */
  readonly streams: string;
  readonly extraArgs?: readonly string[];
}

export async function startTestCluster(options: TestClusterOptions): Promise<TestCluster> {
  const dir = await tempDir('server-test');
  const ports = await freePorts(2 * options.nodes);
  const ids = Array.from({ length: options.nodes }, (_, i) => i + 1);
  const address = (id: number) => `${LOOPBACK}:${ports[2 * (id - 1)]}`;
  const nodes: RheoNode[] = [];
  const stopped = new Set<number>();
  const level = process.env.RHEO_TEST_LOG ?? 'silent';
  try {
    for (const id of ids) {
      const argv = [
        ...['--node-id', String(id), '--roles', 'broker', '--grpc-listen', address(id)],
        ...['--metrics-listen', `${LOOPBACK}:${ports[2 * (id - 1) + 1]}`, '--data-dir', `${dir.path}/n${id}`],
        ...['--streams', options.streams, '--tick-interval-ms', '50', '--election-ticks', '20'],
        ...(ids.length > 1
          ? [
              '--peers',
              ids
                .filter((o) => o !== id)
                .map((o) => `${o}@${address(o)}`)
                .join(','),
            ]
          : []),
        ...unthrottledArgs,
        ...(options.extraArgs ?? []),
      ];
      const config = loadConfig({ argv, env: { RHEO_CLUSTER_SECRET: TEST_SECRET } });
      nodes.push(
        await startNode(config, { logger: createLogger({ nodeId: id, level }), shutdownGraceMs: 3_000 }),
      );
    }
  } catch (err) {
    await Promise.all(nodes.map((n) => n.stop()));
    await dir.remove();
    throw err;
  }
  const clients = nodes.map((n) => clientsFor(n.grpcAddress));
  const cluster: TestCluster = {
    nodes,
    clients,
    node: (id) => nodes[id - 1]!,
    client: (id) => clients[id - 1]!,
    async leaderOf(stream, shardId, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      const replicaOn = (n: RheoNode) =>
        [...n.host.replicas()].find((x) => x.spec.streamName === stream && x.spec.shardId === shardId);
      while (Date.now() < deadline) {
        const live = nodes.filter((n) => !stopped.has(n.nodeId) && replicaOn(n) !== undefined);
        const leader = live.find((n) => replicaOn(n)!.status().serving);
        if (
          leader !== undefined &&
          live.every((n) => n === leader || replicaOn(n)!.status().leader === leader.nodeId)
        )
          return leader.nodeId;
        await new Promise((r) => setTimeout(r, 20));
      }
      throw new Error(`no leader for ${stream}/${shardId} within ${timeoutMs} ms`);
    },
    async stopNode(id) {
      stopped.add(id);
      clients[id - 1]!.close();
      await nodes[id - 1]!.stop();
    },
    async stop() {
      for (const c of clients) c.close();
      await Promise.all(nodes.map((n) => n.stop()));
      await dir.remove();
    },
  };
  return cluster;
}

/** Waits until GetShardMap from `client` names a leader for every shard of `stream`. */
export async function waitForMapLeaders(
  client: NodeClients,
  stream: string,
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const map = await rpc.getShardMap(client, { streamNames: [stream] });
    if (map.streams[0]?.shards.every((s) => s.leaderNodeId > 0)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the shard map of ${stream} has no leader for every shard after ${timeoutMs} ms`);
}
