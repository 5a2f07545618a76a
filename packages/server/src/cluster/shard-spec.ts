// A cluster-mode shard as its replicas are opened, from the metadata's
// ShardRecord: the same facts a CREATE_REPLICA command carries
// (replica-specs.ts builds the spec from the command), with the desired
// voters as its replicas.
import type { ShardSpec } from '@rheo/broker';
import type { ShardRecord } from '@rheo/controller';
import { shardGroupName } from './replica-specs.js';

export function shardSpecOfRecord(r: ShardRecord): ShardSpec {
  return Object.freeze({
    groupId: r.groupId,
    groupName: shardGroupName(r.streamName, r.shardId, r.groupId),
    streamName: r.streamName,
    shardId: r.shardId,
    hashRange: r.hashRange,
    sequenceBase: r.sequenceBase,
    replicas: Object.freeze([...r.replicas].sort((a, b) => a - b)),
  });
}
