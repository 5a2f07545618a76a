// Where new replicas go (docs/cluster.md "Placement"). Pure: the controller
// chooses when it proposes, so MetaState.apply only checks the choice.
// Candidates are ALIVE broker-role nodes (a draining, suspect or dead node
// takes nothing); among them, in order of preference:
//   1. a rack the set does not use yet,
//   2. the fewest replicas (desired sets, counting those chosen in this call),
//   3. the least write traffic,
//   4. the lowest id (so the choice is deterministic).
import type { NodeRecord, ShardRecord } from './types.js';

export interface PlacementView {
  readonly nodes: readonly NodeRecord[];
  /** Every shard whose desired replicas count against a node. */
  readonly shards: readonly ShardRecord[];
  /** Write bytes per second (or any comparable figure) per node; absent means 0. */
  readonly writeLoad?: ReadonlyMap<number, number>;
}

export function isPlacementCandidate(n: NodeRecord): boolean {
  return n.state === 'ALIVE' && n.roles.includes('broker');
}

/** Desired replicas per node, over every shard in the view. */
export function replicaCounts(shards: readonly ShardRecord[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const s of shards) for (const id of s.replicas) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

interface Chooser {
  readonly candidates: readonly NodeRecord[];
  readonly counts: Map<number, number>;
  readonly load: ReadonlyMap<number, number>;
}

function chooser(view: PlacementView): Chooser {
  return {
    candidates: view.nodes.filter(isPlacementCandidate),
    counts: replicaCounts(view.shards),
    load: view.writeLoad ?? new Map(),
  };
}

/** The best candidate outside `set` by the rules above, or undefined when none is left. */
function pick(c: Chooser, set: readonly number[], racksUsed: ReadonlySet<string>): NodeRecord | undefined {
  let best: NodeRecord | undefined;
  let bestKey: readonly number[] = [];
  for (const n of c.candidates) {
    if (set.includes(n.id)) continue;
    const key = [racksUsed.has(n.rack) ? 1 : 0, c.counts.get(n.id) ?? 0, c.load.get(n.id) ?? 0, n.id];
    if (best === undefined || lexLess(key, bestKey)) {
      best = n;
      bestKey = key;
    }
  }
  return best;
}

function lexLess(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}

/** How many ALIVE broker-role nodes can take replicas. */
export function placementCandidateCount(nodes: readonly NodeRecord[]): number {
  return nodes.filter(isPlacementCandidate).length;
}

/**
 * Replica sets of `replicationFactor` nodes for `shardCount` new shards, each
 * sorted, or undefined when fewer than `replicationFactor` nodes can take one.
 */
export function placeReplicaSets(
  view: PlacementView,
  shardCount: number,
  replicationFactor: number,
): number[][] | undefined {
  const c = chooser(view);
  if (c.candidates.length < replicationFactor) return undefined;
  const sets: number[][] = [];
  for (let i = 0; i < shardCount; i++) {
    const set: number[] = [];
    const racks = new Set<string>();
    for (let k = 0; k < replicationFactor; k++) {
      const n = pick(c, set, racks)!;
      set.push(n.id);
      racks.add(n.rack);
      c.counts.set(n.id, (c.counts.get(n.id) ?? 0) + 1);
    }
    sets.push(set.sort((a, b) => a - b));
  }
  return sets;
}

/**
 * The node to take `leaving`'s place in `set` (repair or drain): a candidate
 * not in the set, by the same rules, the remaining members' racks counting as
 * used. Undefined when no node can take it.
 */
export function chooseReplacement(
  view: PlacementView,
  set: readonly number[],
  leaving: number,
): number | undefined {
  const c = chooser(view);
  const rackOf = new Map(view.nodes.map((n) => [n.id, n.rack]));
  const staying = set.filter((id) => id !== leaving);
  const racks = new Set(staying.map((id) => rackOf.get(id) ?? ''));
  return pick(c, set, racks)?.id;
}
