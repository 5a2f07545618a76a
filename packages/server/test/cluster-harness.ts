// In-process cluster-mode nodes for the cluster tests: N real nodes
// (startNode: LevelDB in a temp dir, the metadata group on the controller
// voters, the broker agent, the Raft transport, the gRPC server) in this
// process on 127.0.0.1, configured through loadConfig from flags as an
// operator would, with a client per node. Timings are short so elections,
// heartbeats and stream creation take well under a second each.
// RHEO_TEST_LOG=debug shows the nodes' logs.

import type * as grpc from '@grpc/grpc-js';
import { freePorts, LOOPBACK, tempDir } from '@rheo/testkit';
import { errorDetailFromMetadata } from '@rheo/wire';
import { createLogger, loadConfig, type NodeConfig, type RheoNode, startNode } from '../src/index.js';
import { CallFailure, clientsFor, type NodeClients, rpc } from './grpc-test-client.js';
import { unthrottledArgs } from './node-harness.js';

export const TEST_SECRET = 'test-cluster-secret-of-forty-characters!';

export interface ClusterHarnessOptions {
  readonly nodes: number;
  /** How many of the first nodes are controller voters (with both roles); the rest are brokers only. */
  readonly controllers?: number;
  readonly extraArgs?: readonly string[];
  /** How the harness's own clients dial the nodes (TLS when they serve it); plaintext when left out. */
  readonly credentials?: grpc.ChannelCredentials;
}

export interface ClusterHarness {
  readonly dir: string;
  readonly nodes: RheoNode[];
  readonly clients: NodeClients[];
  node(id: number): RheoNode;
  client(id: number): NodeClients;
  /** The config node `id` was started with (flags), for restarts. */
  argv(id: number): string[];
  /** The node running the active controller, once one does (among the running nodes). */
  controller(timeoutMs?: number): Promise<RheoNode>;
  /** Stops node `id` gracefully (its client too). */
  stopNode(id: number): Promise<void>;
  /** Starts node `id` again on its data dir, with its flags. */
  restartNode(id: number): Promise<RheoNode>;
  stop(): Promise<void>;
}

export function clusterConfig(argv: readonly string[]): NodeConfig {
  return loadConfig({ argv, env: { RHEO_CLUSTER_SECRET: TEST_SECRET } });
}

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const v = await probe();
      if (v !== undefined) return v;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(
    `timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`,
  );
}

/** Waits until DescribeCluster, asked of node 1, shows `nodes` nodes, every one ALIVE. */
export async function waitAllAlive(cluster: ClusterHarness, nodes: number): Promise<void> {
  await waitFor('every node ALIVE', async () => {
    const d = await rpc.describeCluster(cluster.client(1));
    return d.nodes.length === nodes && d.nodes.every((n) => n.state === 'NODE_STATE_ALIVE')
      ? true
      : undefined;
  });
}

export async function startClusterHarness(options: ClusterHarnessOptions): Promise<ClusterHarness> {
  const dir = await tempDir('server-cluster');
  const ports = await freePorts(2 * options.nodes);
  const ids = Array.from({ length: options.nodes }, (_, i) => i + 1);
  const controllers = options.controllers ?? options.nodes;
  const address = (id: number) => `${LOOPBACK}:${ports[2 * (id - 1)]}`;
  const voters = ids
    .filter((id) => id <= controllers)
    .map((id) => `${id}@${address(id)}`)
    .join(',');
  const level = process.env.RHEO_TEST_LOG ?? 'silent';
  const argvOf = (id: number): string[] => [
    ...['--node-id', String(id), '--grpc-listen', address(id)],
    ...['--roles', id <= controllers ? 'broker,controller' : 'broker'],
    ...['--metrics-listen', `${LOOPBACK}:${ports[2 * (id - 1) + 1]}`, '--data-dir', `${dir.path}/n${id}`],
    ...['--controller-voters', voters, '--tick-interval-ms', '50', '--election-ticks', '10'],
    ...['--heartbeat-interval-ms', '100', '--node-suspect-after-ms', '1000', '--node-dead-after-ms', '20000'],
    ...unthrottledArgs,
    ...(options.extraArgs ?? []),
  ];
  const nodes: RheoNode[] = [];
  try {
    const started = await Promise.all(
      ids.map((id) =>
        startNode(clusterConfig(argvOf(id)), {
          logger: createLogger({ nodeId: id, level }),
          shutdownGraceMs: 3_000,
        }),
      ),
    );
    nodes.push(...started);
  } catch (err) {
    await Promise.all(nodes.map((n) => n.stop()));
    await dir.remove();
    throw err;
  }
  const clients = nodes.map((n) => clientsFor(n.grpcAddress, options.credentials));
  const stopped = new Set<number>();
  return {
    dir: dir.path,
    nodes,
    clients,
    node: (id) => nodes[id - 1]!,
    client: (id) => clients[id - 1]!,
    argv: argvOf,
    controller: (timeoutMs = 15_000) =>
      waitFor(
        'an active controller',
        () => nodes.find((n) => !stopped.has(n.nodeId) && n.cluster?.runner?.controller !== undefined),
        timeoutMs,
      ),
    async stopNode(id) {
      stopped.add(id);
      clients[id - 1]!.close();
      await nodes[id - 1]!.stop();
    },
    async restartNode(id) {
      const n = await startNode(clusterConfig(argvOf(id)), {
        logger: createLogger({ nodeId: id, level }),
        shutdownGraceMs: 3_000,
      });
      nodes[id - 1] = n;
      clients[id - 1] = clientsFor(n.grpcAddress, options.credentials);
      stopped.delete(id);
      return n;
    },
    async stop() {
      for (const c of clients) c.close();
      await Promise.all(nodes.filter((n) => !stopped.has(n.nodeId)).map((n) => n.stop()));
      await dir.remove();
    },
  };
}

const CALL_DEADLINE_MS = 15_000;

/** Calls unary `method` of one of a node's clients by name; rejects with a CallFailure. */
export function call<Res>(client: grpc.Client, method: string, req: unknown): Promise<Res> {
  return new Promise((resolve, reject) => {
    const fn = (client as unknown as Record<string, (...args: unknown[]) => unknown>)[method]!;
    fn.call(
      client,
      req,
      { deadline: Date.now() + CALL_DEADLINE_MS },
      (err: grpc.ServiceError | null, res?: Res) => {
        if (err !== null)
          reject(new CallFailure(err.code, err.details, errorDetailFromMetadata(err.metadata)));
        else resolve(res!);
      },
    );
  });
}
