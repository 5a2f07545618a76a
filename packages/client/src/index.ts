// @rheo/client's public entry: the SDK. Make a RheoClient with seed
// endpoints; make producers and consumers from it. See docs/client.md.

// The error every failed call rejects with, as @rheo/wire defines it.
export { isRheoError, type Reason, RheoError } from '@rheo/wire';
export {
  type CreateStreamOptions,
  type DeleteStreamOptions,
  type DescribeStreamPageOptions,
  type ListShardsPage,
  type ListShardsPageOptions,
  type ListStreamsPage,
  type ListStreamsPageOptions,
  StreamAdmin,
} from './admin.js';
export type {
  ClusterDescription,
  NodeDescription,
  NodeRole,
  NodeState,
  ShardDescription,
  ShardFilter,
  ShardFilterType,
  ShardThroughputLimits,
  StreamDescription,
  StreamDescriptionSummary,
  StreamMode,
  StreamStatus,
  StreamSummary,
} from './admin-types.js';
export { defaultRetryPolicy, type RetryPolicy } from './backoff.js';
export type { ClientTlsOptions, ResolvedClientOptions, RheoClientOptions } from './client-options.js';
export { ClusterAdmin } from './cluster-admin.js';
export { Consumer, type ConsumerOptions } from './consumer.js';
export { type ConsumerGroupOptions, ConsumerGroupWorker, type GroupBatch } from './consumer-group.js';
export { ConsumerGroupAdmin, type GroupDescription, type LeaseInfo } from './consumer-group-calls.js';
export type {
  GetRecordsOptions,
  IteratorStart,
  ProducerStamp,
  PutResult,
  RecordsPage,
} from './data-calls.js';
export { parseEndpoints } from './endpoints.js';
export { ClientClosedError } from './errors.js';
export { Producer, type ProducerRecord, type ProducerStats, type RecordAck } from './producer.js';
export {
  type ProducerOptions,
  producerRetryDefaults,
  type ResolvedProducerOptions,
} from './producer-options.js';
export { RheoClient } from './rheo-client.js';
export { ShardConsumer, type ShardConsumerOptions, type ShardRead } from './shard-consumer.js';
export type { ShardRouteInfo, StreamRoutes } from './shard-routes.js';
export { type ConsumedRecord, forEachStoredRecord, type StoredRecordsPage } from './stored-records.js';
export { ShardSubscriber, type SubscriptionEvent } from './subscriber.js';
export { type ConsumerStatus, type StreamConsumer, StreamConsumers } from './subscriber-admin.js';
