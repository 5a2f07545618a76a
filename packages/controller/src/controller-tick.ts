// One pass of the active controller's loops, in order: liveness, drain
// completion, reported leaders, stream status, repair, leadership moves.
// Each step reads the latest applied state and proposes what differs; a
// step's proposals are awaited one by one, so the next step sees them.
import type { BalanceInput } from './balance.js';
import { balanceTransfer, drainTransfers } from './balance.js';
import { type ClusterView, metaGroupId } from './cluster-view.js';
import type { ControllerConfig } from './config.js';
import { livenessState } from './liveness.js';
import type { MetaAccess } from './meta-access.js';
import type { Observations } from './observations.js';
import type { LeaderTransfer } from './reconcile.js';
import { planRepairs } from './repair.js';
import type { ApplyOutcome, MetaCommand } from './types.js';

/** Bound on SetShardReplicas proposals per tick (each one is a metadata write the tick waits for). */
export const repairsPerTickMax = 64;
/** Bound on leader reports folded into one ReportLeaders command. */
export const leaderReportsPerCommandMax = 1000;

export interface TickContext {
  readonly meta: MetaAccess;
  readonly config: ControllerConfig;
  readonly observations: Observations;
  readonly nowMs: number;
  readonly propose: (cmd: MetaCommand) => Promise<ApplyOutcome>;
}

export async function updateLiveness(c: TickContext): Promise<void> {
  for (const node of c.meta.state().nodes()) {
    const silenceMs = c.observations.silenceMs(node.id, c.nowMs);
    const next = livenessState(node.state, silenceMs, c.observations.heard(node.id), c.config);
    if (next !== node.state) await c.propose({ type: 'SetNodeState', nodeId: node.id, state: next });
  }
}

/** True once the node has reported hosting no shard replica, or has been silent past the grace. */
export function hostsNothing(c: TickContext, nodeId: number): boolean {
  if (c.observations.silenceMs(nodeId, c.nowMs) >= c.config.nodeDeadAfterMs) return true;
  const hb = c.observations.report(nodeId);
  return hb?.replicas.every((r) => r.groupId === metaGroupId) === true;
}

export async function completeDrains(c: TickContext): Promise<void> {
  const state = c.meta.state();
  for (const node of state.nodes()) {
    if (node.state !== 'DRAINING') continue;
    if (state.allShards().some((s) => s.replicas.includes(node.id))) continue;
    if (hostsNothing(c, node.id))
      await c.propose({ type: 'SetNodeState', nodeId: node.id, state: 'DRAINED' });
  }
}

export async function reportLeaders(c: TickContext, view: ClusterView): Promise<void> {
  const state = c.meta.state();
  const leaders: { groupId: number; nodeId: number; term: number }[] = [];
  for (const [groupId, l] of view.leaders()) {
    const shard = state.shardByGroup(groupId);
    if (shard === undefined || (shard.leader !== undefined && shard.leader.term >= l.replica.term)) continue;
    leaders.push({ groupId, nodeId: l.nodeId, term: l.replica.term });
    if (leaders.length >= leaderReportsPerCommandMax) break;
  }
  if (leaders.length > 0) await c.propose({ type: 'ReportLeaders', leaders });
}

export async function updateStreams(c: TickContext, view: ClusterView): Promise<void> {
  const state = c.meta.state();
  for (const stream of state.streams()) {
    const shards = state.shardsOf(stream.name);
    if (stream.status === 'CREATING' && shards.every((s) => !s.open || s.leader !== undefined)) {
      await c.propose({ type: 'SetStreamStatus', name: stream.name, status: 'ACTIVE' });
    } else if (
      stream.status === 'DELETING' &&
      nothingHosted(
        c,
        view,
        shards.map((s) => s.groupId),
      )
    ) {
      await c.propose({ type: 'ForgetStream', name: stream.name });
    }
  }
}

/**
 * True when every node that may still host a replica has reported since the
 * takeover and none reports one of `groupIds`. DEAD nodes do not count: if one
 * returns, its replicas of a forgotten group are deleted as unknown.
 */
function nothingHosted(c: TickContext, view: ClusterView, groupIds: readonly number[]): boolean {
  for (const node of c.meta.state().nodes()) {
    if (node.state === 'DEAD' || !node.roles.includes('broker')) continue;
    if (!view.reporting.has(node.id)) return false;
  }
  return groupIds.every((g) => view.hostsOf(g).size === 0);
}

export async function repair(
  c: TickContext,
  view: ClusterView,
  writeLoad: ReadonlyMap<number, number>,
): Promise<void> {
  const state = c.meta.state();
  const commands = planRepairs({
    state,
    writeLoad,
    commandsMax: repairsPerTickMax,
    drainReady: (id, shard) => {
      // A draining node's leadership of the shard moves first (drainTransfers); a silent node leads
      // nothing; and when no other live broker votes in the group (replication factor 1), the new replica
      // must join before leadership can go anywhere: the leader hands over once it is not in the target.
      if (c.observations.silenceMs(id, c.nowMs) >= c.config.nodeDeadAfterMs) return true;
      const leader = view.leaderOf(shard.groupId);
      if (leader?.nodeId !== id) return true;
      const voters = leader.replica.confState?.voters ?? [];
      return !voters.some((v) => v !== id && state.node(v)?.state === 'ALIVE');
    },
  });
  for (const cmd of commands) await c.propose(cmd);
}

/** Drain moves, and at most one balancing move, for groups with none in flight. */
export function planTransfers(
  c: TickContext,
  view: ClusterView,
  busyGroups: ReadonlySet<number>,
): LeaderTransfer[] {
  const input: BalanceInput = {
    state: c.meta.state(),
    view,
    catchUpEntries: c.config.learnerCatchUpEntries,
    busyGroups,
  };
  const out = drainTransfers(input);
  // Balancing waits while any move is in flight: leader counts are stale until it lands.
  if (out.length === 0 && busyGroups.size === 0) {
    const one = balanceTransfer(input);
    if (one !== undefined) out.push(one);
  }
  return out;
}
