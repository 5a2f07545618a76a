// @rheo/broker's public entry: shard replicas (produce, reads, idempotent
// producer) and the host that runs a node's replicas. See docs/broker.md.
export { entryArrivalMs } from './entry-time.js';
export {
  GroupDriver,
  type GroupIo,
  type GroupObserver,
  type PersistWork,
  type Scheduler,
} from './group-driver.js';
export type { ReconfigureStep } from './membership-step.js';
export { DEFAULT_REPLICA_OPTIONS, type ReplicaOptions, resolveReplicaOptions } from './options.js';
export { producerIdCharsMax } from './producer-check.js';
export { ReplicaHost, type ReplicaHostConfig, type ReplicaHostStats } from './replica-host.js';
export { confStateOf, openFoundedGroup } from './replica-open.js';
export {
  effectiveShardLimits,
  kinesisShardLimits,
  type ShardLimitsOverride,
  type ShardThroughputLimits,
  shardLimitKeys,
  shardLimitsProblem,
  unthrottledShardLimits,
} from './shard-limits.js';
export type { ShardThrottle } from './shard-limits-throttle.js';
export { type ReplicaDeps, ShardReplica } from './shard-replica.js';
export { TokenBucket } from './token-bucket.js';
export type {
  GetRecordsOptions,
  GetRecordsResult,
  GetShardIteratorRequest,
  PeerProgress,
  ProduceAck,
  ProducerStamp,
  RaftOutbound,
  ReadOptions,
  ReplicaRole,
  ReplicaStatus,
  ShardIteratorType,
  ShardSpec,
} from './types.js';
