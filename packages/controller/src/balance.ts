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
 * One leadership from a busy live broker to one leading at least two fewer
 * groups, when the busiest and least busy differ by more than one; undefined
 * when even, or when no move is possible yet (no caught-up voter there). The
 * busiest node is tried first, then the next: the least busy node may share
 * no group with the busiest.
 */
export function balanceTransfer(input: BalanceInput): LeaderTransfer | undefined {
  const { state, view } = input;
  const counts = view.leaderCounts(leaderEligible(state), (g) => isShardGroup(state, g));
  if (counts.size < 2) return undefined;
  const byLoad = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const least = byLoad[byLoad.length - 1]![1];
  if (byLoad[0]![1] - least <= 1) return undefined;
  const groups = [...view.leaders()].sort((a, b) => a[0] - b[0]);
  for (const [source, n] of byLoad) {
    if (n - least <= 1) break;
    const targets = new Set(byLoad.filter(([, m]) => m <= n - 2).map(([id]) => id));
    for (const [groupId, leader] of groups) {
      if (leader.nodeId !== source || input.busyGroups.has(groupId) || !isShardGroup(state, groupId))
        continue;
      const to = pickTarget(leader, targets, counts, input.catchUpEntries);
      if (to !== undefined) return { groupId, fromNodeId: source, toNodeId: to };
    }
  }
  return undefined;
}
