// Re-placing replicas (docs/cluster.md "Repair", "Drain"): a desired set
// that names a DEAD, DRAINED or draining node (or an unknown one), or is
// short of the stream's replication factor, gets one member changed per
// shard per pass, chosen by placement. Pure: returns the commands to propose.
import type { MetaState } from './meta-state.js';
import { chooseReplacement, type PlacementView } from './placement.js';
import type { MetaCommand, ShardRecord } from './types.js';

export interface RepairInput {
  readonly state: MetaState;
  /** Whether a DRAINING node's replica of `shard` may move now (its leadership of the shard goes first). */
  readonly drainReady: (nodeId: number, shard: ShardRecord) => boolean;
  readonly writeLoad?: ReadonlyMap<number, number>;
  /** Bound on the commands of one pass (each is a proposal the tick waits for). */
  readonly commandsMax: number;
}

type SetShardReplicas = Extract<MetaCommand, { type: 'SetShardReplicas' }>;

function leaving(state: MetaState, nodeId: number, shard: ShardRecord, input: RepairInput): boolean {
  const node = state.node(nodeId);
  if (node === undefined) return true;
  if (node.state === 'DEAD' || node.state === 'DRAINED') return true;
  return node.state === 'DRAINING' && input.drainReady(nodeId, shard);
}

export function planRepairs(input: RepairInput): SetShardReplicas[] {
  const { state } = input;

  // Cheap filter first: the placement view costs a pass over every shard, so only shards that need a
  // change pay for one.
  const wanted = state.allShards().filter((shard) => {
    const stream = state.stream(shard.streamName);
    if (stream === undefined || stream.status === 'DELETING' || !shard.open) return false;
    return (
      shard.replicas.some((id) => leaving(state, id, shard, input)) ||
      shard.replicas.length < stream.replicationFactor
    );
  });
  if (wanted.length === 0) return [];
  const shards = new Map(state.allShards().map((s) => [s.groupId, s]));
  const nodes = state.nodes();
  const out: SetShardReplicas[] = [];
  for (const shard of wanted.slice(0, input.commandsMax)) {
    const view: PlacementView = { nodes, shards: [...shards.values()], writeLoad: input.writeLoad };
    const isLeaving = (id: number) => leaving(state, id, shard, input);
    const next = repairOne(shard, state.stream(shard.streamName)!.replicationFactor, view, isLeaving);
    if (next === undefined) continue;
    shards.set(shard.groupId, { ...shard, replicas: next });
    out.push({
      type: 'SetShardReplicas',
      streamName: shard.streamName,
      shardId: shard.shardId,
      replicas: next,
    });
  }
  return out;
}

/** The shard's next desired set, one member better, or undefined when it is fine or nothing can help. */
function repairOne(
  shard: ShardRecord,
  replicationFactor: number,
  view: PlacementView,
  isLeaving: (id: number) => boolean,
): number[] | undefined {
  const sorted = (ids: number[]) => ids.sort((a, b) => a - b);
  const gone = shard.replicas.find(isLeaving);
  if (gone !== undefined) {
    const to = chooseReplacement(view, shard.replicas, gone);
    if (to === undefined) return undefined;
    return sorted([...shard.replicas.filter((id) => id !== gone), to]);
  }
  if (shard.replicas.length < replicationFactor) {
    const to = chooseReplacement(view, shard.replicas, -1);
    return to === undefined ? undefined : sorted([...shard.replicas, to]);
  }
  return undefined;
}
