// Leadership moves (docs/cluster.md): leaders leave a draining node first,
// then leaders are evened out across live brokers, one move per tick, each
// only to a voter the leader reports caught up. Pure.
import { type ClusterView, caughtUp, type ObservedLeader } from './cluster-view.js';
import type { MetaState } from './meta-state.js';
import type { LeaderTransfer } from './reconcile.js';

export interface BalanceInput {
  readonly state: MetaState;
  readonly view: ClusterView;
  readonly catchUpEntries: number;
  /** Groups with a transfer still in flight: left alone. */
  readonly busyGroups: ReadonlySet<number>;
}

/** Live brokers that may lead: ALIVE, broker role. */
function leaderEligible(state: MetaState): number[] {
  return state
    .nodes()
    .filter((n) => n.state === 'ALIVE' && n.roles.includes('broker'))
    .map((n) => n.id);
}

function isShardGroup(state: MetaState, groupId: number): boolean {
  return state.shardByGroup(groupId) !== undefined;
}

/** A caught-up voter of the group on one of `targets`, the one with the fewest leaderships. */
function pickTarget(
  leader: ObservedLeader,
  targets: ReadonlySet<number>,
  counts: ReadonlyMap<number, number>,
  catchUpEntries: number,
): number | undefined {
  const voters = leader.replica.confState?.voters ?? [];
  let best: number | undefined;
  for (const v of [...voters].sort((a, b) => a - b)) {
    if (v === leader.nodeId || !targets.has(v) || !caughtUp(leader, v, catchUpEntries)) continue;
    if (best === undefined || (counts.get(v) ?? 0) < (counts.get(best) ?? 0)) best = v;
  }
  return best;
}

/** Every leadership on a DRAINING node, each to a caught-up voter on a live broker. */
export function drainTransfers(input: BalanceInput): LeaderTransfer[] {
  const { state, view } = input;
  const eligible = leaderEligible(state);
  const counts = view.leaderCounts(eligible, (g) => isShardGroup(state, g));
  const targets = new Set(eligible);
  const out: LeaderTransfer[] = [];
  for (const [groupId, leader] of view.leaders()) {
    if (input.busyGroups.has(groupId) || !isShardGroup(state, groupId)) continue;
    if (state.node(leader.nodeId)?.state !== 'DRAINING') continue;
    const to = pickTarget(leader, targets, counts, input.catchUpEntries);
    if (to === undefined) continue;
    counts.set(to, (counts.get(to) ?? 0) + 1);
    out.push({ groupId, fromNodeId: leader.nodeId, toNodeId: to });
  }
  return out;
}

/**
 * One leadership from the busiest live broker to a less busy one, when the
 * busiest leads more than one more group than the least busy; undefined when
 * even, or when no move is possible yet (no caught-up voter there).
 */
export function balanceTransfer(input: BalanceInput): LeaderTransfer | undefined {
  const { state, view } = input;
  const counts = view.leaderCounts(leaderEligible(state), (g) => isShardGroup(state, g));
  if (counts.size < 2) return undefined;
  const byLoad = [...counts.entries()].sort((a, b) => a[1] - b[1] || a[0] - b[0]);
  const [busiest, most] = byLoad[byLoad.length - 1]!;
  const least = byLoad[0]![1];
  if (most - least <= 1) return undefined;
  // Any node at least two below the busiest may take one; the least busy is preferred by pickTarget.
  const targets = new Set(byLoad.filter(([, n]) => n <= most - 2).map(([id]) => id));
  for (const [groupId, leader] of [...view.leaders()].sort((a, b) => a[0] - b[0])) {
    if (leader.nodeId !== busiest || input.busyGroups.has(groupId) || !isShardGroup(state, groupId)) continue;
    const to = pickTarget(leader, targets, counts, input.catchUpEntries);
    if (to !== undefined) return { groupId, fromNodeId: busiest, toNodeId: to };
  }
  return undefined;
}
