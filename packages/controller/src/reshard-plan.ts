// UpdateShardCount's UNIFORM_SCALING as steps (docs/resharding.md): the
// target is `count` shards of even hash ranges (evenHashRanges). One round
// splits every open shard that a target boundary crosses, at that boundary;
// once no boundary crosses a shard, one round merges pairs of adjacent
// shards lying in the same target range. Rounds repeat until the open
// shards are exactly the target ranges. Every operation in a round touches
// different shards, so a round runs at once. Pure.
import { evenHashRanges, formatHashKey, type HashRange } from '@rheo/wire';
import type { ShardRecord } from './types.js';

export type ReshardOp =
  | { readonly kind: 'split'; readonly shardId: string; readonly newStartingHashKey: string }
  | { readonly kind: 'merge'; readonly shardId: string; readonly adjacentShardId: string };

/** The next round toward `target` even shards; empty when the open shards are already those. */
export function uniformScalingRound(open: readonly ShardRecord[], target: number): ReshardOp[] {
  const ranges = evenHashRanges(target);
  const sorted = [...open].sort((a, b) => cmp(a.hashRange.start, b.hashRange.start));
  const splits: ReshardOp[] = [];
  for (const s of sorted) {
    const b = ranges.find((r) => r.start > s.hashRange.start && r.start <= s.hashRange.end);
    if (b !== undefined)
      splits.push({ kind: 'split', shardId: s.shardId, newStartingHashKey: formatHashKey(b.start) });
  }
  if (splits.length > 0) return splits;
  const merges: ReshardOp[] = [];
  for (const r of ranges) {
    const inside = sorted.filter((s) => within(s.hashRange, r));
    for (let i = 0; i + 1 < inside.length; i += 2)
      merges.push({ kind: 'merge', shardId: inside[i]!.shardId, adjacentShardId: inside[i + 1]!.shardId });
  }
  return merges;
}

function within(inner: HashRange, outer: HashRange): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}

function cmp(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
