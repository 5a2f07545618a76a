// Lineage questions about a stream's shards, answered from the metadata
// alone. A split or merge creates its children at once, but a child takes
// no writes (`open` false, no ending sequence number: "pending") until every
// parent has been recorded closed; a parent is "closing" while it is open
// and some shard names it as a parent.
import type { MetaState } from './meta-state.js';
import type { ShardRecord } from './types.js';

/** A child created by a split or merge whose parents have not all closed yet. */
export function isPending(s: ShardRecord): boolean {
  return !s.open && s.endingSequenceNumber === undefined;
}

export function parentsOf(s: ShardRecord): string[] {
  const out: string[] = [];
  if (s.parentShardId !== undefined) out.push(s.parentShardId);
  if (s.adjacentParentShardId !== undefined) out.push(s.adjacentParentShardId);
  return out;
}

/** Shards of `shards` that name `shardId` as a parent. */
export function childrenOf(shards: readonly ShardRecord[], shardId: string): ShardRecord[] {
  return shards.filter((s) => s.parentShardId === shardId || s.adjacentParentShardId === shardId);
}

/** Open shards some shard names as a parent: they are to be closed. */
export function closingShards(shards: readonly ShardRecord[]): ShardRecord[] {
  const parents = new Set<string>();
  for (const s of shards) if (isPending(s)) for (const p of parentsOf(s)) parents.add(p);
  return shards.filter((s) => s.open && parents.has(s.shardId));
}

/** True when the shard takes part in no change: open, and not being closed. */
export function isSettledOpen(shards: readonly ShardRecord[], s: ShardRecord): boolean {
  return s.open && childrenOf(shards, s.shardId).length === 0;
}

/** Open shards sorted by hash range start. */
export function openByRange(shards: readonly ShardRecord[]): ShardRecord[] {
  return shards
    .filter((s) => s.open)
    .sort((a, b) =>
      a.hashRange.start < b.hashRange.start ? -1 : a.hashRange.start > b.hashRange.start ? 1 : 0,
    );
}

/** Group ids of the shards being closed, over the UPDATING streams of `state`. */
export function closingGroupIds(state: MetaState): Set<number> {
  const out = new Set<number>();
  for (const stream of state.streams()) {
    if (stream.status !== 'UPDATING') continue;
    for (const s of closingShards(state.shardsOf(stream.name))) out.add(s.groupId);
  }
  return out;
}
