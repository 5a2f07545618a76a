// What a cluster-mode test asks the nodes while it runs: the shard map
// (replica sets and leaders), DescribeCluster (controller, node states,
// under-replicated shards), and the read-back of every shard from the nodes
// that host it. Raw gRPC calls to one given node, so a test chooses whom it
// asks (a node that just restarted, one that is about to be drained).
import type { RheoClient } from '@rheo/client';
import type { LocalCluster } from '@rheo/testkit';
import type { pb } from '@rheo/wire';
import type { ReadBackRecord, ReplicaReadBack } from './durability-check.js';
import { call, readShardOn, sleep } from './durability-workload.js';

export interface ShardView {
  readonly shardId: string;
  readonly replicas: readonly number[];
  /** 0 when none is known. */
  readonly leader: number;
}

export async function shardMapOn(
  cluster: LocalCluster,
  reader: RheoClient,
  nodeId: number,
  stream: string,
): Promise<ShardView[]> {
  const res = await call<pb.GetShardMapRequest, pb.GetShardMapResponse__Output>(
    reader.connections.get(cluster.node(nodeId).address).cluster,
    'GetShardMap',
    { streamNames: [stream], knownEpoch: 0 },
  );
  return (res.streams[0]?.shards ?? []).map((s) => ({
    shardId: s.shardId,
    replicas: [...s.replicaNodeIds].sort((a, b) => a - b),
    leader: s.leaderNodeId,
  }));
}

export async function describeClusterOn(
  cluster: LocalCluster,
  reader: RheoClient,
  nodeId: number,
): Promise<pb.DescribeClusterResponse__Output> {
  return call<pb.DescribeClusterRequest, pb.DescribeClusterResponse__Output>(
    reader.connections.get(cluster.node(nodeId).address).cluster,
    'DescribeCluster',
    {},
  );
}

export async function clusterCall<Req>(
  cluster: LocalCluster,
  reader: RheoClient,
  nodeId: number,
  method: 'DrainNode' | 'UndrainNode' | 'RemoveNode',
  req: Req,
): Promise<void> {
  await call<Req, unknown>(reader.connections.get(cluster.node(nodeId).address).cluster, method, req);
}

/** Polls `probe` every 250 ms until it returns a value (not undefined), or throws with the last note after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  timeoutMs: number,
  probe: () => Promise<T | undefined>,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  for (;;) {
    try {
      const v = await probe();
      if (v !== undefined) return v;
    } catch (err) {
      last = String(err);
    }
    if (Date.now() > deadline)
      throw new Error(`${what}: not within ${timeoutMs} ms${last ? ` (${last})` : ''}`);
    await sleep(250);
  }
}

/**
 * Every shard read from TRIM_HORIZON on each node of its replica set, again
 * until the replicas of each shard serve the same last sequence number.
 */
export async function readReplicaSets(
  cluster: LocalCluster,
  reader: RheoClient,
  stream: string,
  shards: readonly ShardView[],
  timeoutMs = 30_000,
): Promise<ReplicaReadBack> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const replicas = new Map<number, Map<string, ReadBackRecord[]>>();
    let failed: unknown;
    let agreed = true;
    for (const shard of shards) {
      const tails = new Set<string>();
      for (const id of shard.replicas) {
        try {
          const log = await readShardOn(cluster, reader, id, stream, shard.shardId);
          const mine = replicas.get(id) ?? new Map<string, ReadBackRecord[]>();
          mine.set(shard.shardId, log);
          replicas.set(id, mine);
          tails.add(`${log.length}/${log.at(-1)?.sequenceNumber ?? ''}`);
        } catch (err) {
          failed ??= new Error(`reading ${shard.shardId} on node ${id} failed: ${String(err)}`, {
            cause: err,
          });
        }
      }
      if (tails.size > 1) agreed = false;
    }
    if (failed === undefined && (agreed || Date.now() > deadline)) return replicas;
    if (failed !== undefined && Date.now() > deadline) throw failed;
    await sleep(250);
  }
}
