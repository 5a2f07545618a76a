// The children GetRecords names once a closed shard has been read to its end
// (Kinesis's ChildShards): every shard whose lineage names it, from this
// node's metadata. Static mode has no resharding, so no children.
import { formatHashKey, type pb } from '@rheo/wire';
import type { ServiceContext } from './service-context.js';

export function childShardsOf(ctx: ServiceContext, streamName: string, shardId: string): pb.ChildShard[] {
  const state = ctx.cluster?.metadata();
  if (state === undefined) return [];
  return state
    .shardsOf(streamName)
    .filter((s) => s.parentShardId === shardId || s.adjacentParentShardId === shardId)
    .map((s) => ({
      shardId: s.shardId,
      parentShards: [s.parentShardId, s.adjacentParentShardId].filter((p): p is string => p !== undefined),
      hashKeyRange: {
        startingHashKey: formatHashKey(s.hashRange.start),
        endingHashKey: formatHashKey(s.hashRange.end),
      },
    }));
}
