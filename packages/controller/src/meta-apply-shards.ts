// MetaState's shard commands: SetShardReplicas and ReportLeaders, and the
// replica-set rule CreateStream shares.
import { isNodeId, type Refusal, refuse, streamNotFound } from './kinesis-rules.js';
import { type MetaTables, shardKey } from './meta-tables.js';
import type { ApplyOutcome, MetaCommand } from './types.js';

type Cmd<T extends MetaCommand['type']> = Extract<MetaCommand, { type: T }>;

/** A replica set is `size` distinct registered broker-role nodes. */
export function replicaSetProblem(t: MetaTables, set: readonly number[], size: number): Refusal | undefined {
  if (!Array.isArray(set) || set.length !== size) {
    return refuse('InvalidArgument', `replica set [${set}] must name ${size} nodes`, 'placement');
  }
  if (new Set(set).size !== set.length) {
    return refuse('InvalidArgument', `replica set [${set.join(', ')}] names a node twice`, 'placement');
  }
  for (const id of set) {
    const node = isNodeId(id) ? t.nodes.get(id) : undefined;
    if (node === undefined)
      return refuse(
        'InvalidArgument',
        `replica set [${set.join(', ')}] names unknown node ${id}`,
        'placement',
      );
    if (!node.roles.includes('broker')) {
      return refuse(
        'InvalidArgument',
        `replica set [${set.join(', ')}] names node ${id}, which is not a broker`,
        'placement',
      );
    }
  }
  return undefined;
}

export function applySetShardReplicas(t: MetaTables, cmd: Cmd<'SetShardReplicas'>): ApplyOutcome {
  const stream = t.streams.get(cmd.streamName);
  if (stream === undefined) return streamNotFound(cmd.streamName, t.clusterId);
  const groupId = t.shardGroups.get(shardKey(cmd.streamName, cmd.shardId));
  const shard = groupId === undefined ? undefined : t.shards.get(groupId);
  if (shard === undefined) {
    return refuse(
      'ResourceNotFound',
      `Shard ${cmd.shardId} in stream ${cmd.streamName} under account ${t.clusterId} does not exist`,
      'ShardId',
    );
  }
  if (!Array.isArray(cmd.replicas) || cmd.replicas.length < 1) {
    return refuse('InvalidArgument', `shard ${cmd.shardId} needs at least one replica`, 'replicas');
  }
  const problem = replicaSetProblem(t, cmd.replicas, cmd.replicas.length);
  if (problem !== undefined) return problem;
  const replicas = Object.freeze([...cmd.replicas].sort((a, b) => a - b));
  t.shards.set(shard.groupId, Object.freeze({ ...shard, replicas }));
  return { ok: true };
}

/** Records each report whose term is above the one on record; reports for unknown groups are ignored. */
export function applyReportLeaders(t: MetaTables, cmd: Cmd<'ReportLeaders'>): ApplyOutcome<number> {
  for (const r of cmd.leaders) {
    if (
      !isNodeId(r.nodeId) ||
      !Number.isSafeInteger(r.term) ||
      r.term < 0 ||
      !Number.isSafeInteger(r.groupId)
    ) {
      return refuse('InvalidArgument', `bad leader report ${JSON.stringify(r)}`, 'leaders');
    }
  }
  let changed = 0;
  for (const r of cmd.leaders) {
    const shard = t.shards.get(r.groupId);
    if (shard === undefined) continue;
    const old = shard.leader;
    // One term has at most one leader, so only a higher term is news.
    if (old !== undefined && old.term >= r.term) continue;
    t.shards.set(
      shard.groupId,
      Object.freeze({ ...shard, leader: Object.freeze({ nodeId: r.nodeId, term: r.term }) }),
    );
    changed++;
  }
  return { ok: true, value: changed };
}
