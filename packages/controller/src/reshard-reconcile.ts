// The replica command that closes a parent shard: sent to its leader, which
// proposes the closing entry through Raft; repeated (level-triggered) until
// the leader's report carries the ending sequence number.
import type { PlannedCommand } from './reconcile.js';
import type { ShardRecord } from './types.js';

export function closeShardCommand(shard: ShardRecord): PlannedCommand {
  return {
    key: `close/${shard.groupId}`,
    command: {
      kind: 'REPLICA_COMMAND_KIND_CLOSE_SHARD',
      groupId: shard.groupId,
      streamName: shard.streamName,
      shardId: shard.shardId,
    },
  };
}
