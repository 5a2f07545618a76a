// Every action the gateway serves, by its X-Amz-Target name. An action not
// listed here is UnknownOperationException; one listed whose RPC the
// cluster does not serve yet answers the same, with the reason.
import type { KinesisAction } from '../action.js';
import { createStream } from './create-stream.js';
import { deleteStream } from './delete-stream.js';
import { describeLimits } from './describe-limits.js';
import { describeStream } from './describe-stream.js';
import { describeStreamSummary } from './describe-stream-summary.js';
import { disableEnhancedMonitoring, enableEnhancedMonitoring } from './enhanced-monitoring.js';
import { getRecords } from './get-records.js';
import { getShardIterator } from './get-shard-iterator.js';
import { listShards } from './list-shards.js';
import { listStreams } from './list-streams.js';
import { putRecord } from './put-record.js';
import { putRecords } from './put-records.js';
import { mergeShards, splitShard, updateShardCount, updateStreamMode } from './resharding.js';
import { listTagsForResource, tagResource, untagResource } from './resource-tags.js';
import { decreaseStreamRetentionPeriod, increaseStreamRetentionPeriod } from './retention-period.js';
import {
  deregisterStreamConsumer,
  describeStreamConsumer,
  listStreamConsumers,
  registerStreamConsumer,
} from './stream-consumers.js';
import { addTagsToStream, listTagsForStream, removeTagsFromStream } from './stream-tags.js';
import { subscribeToShard } from './subscribe-to-shard.js';

export const actions: Readonly<Record<string, KinesisAction>> = Object.freeze({
  AddTagsToStream: addTagsToStream,
  CreateStream: createStream,
  DecreaseStreamRetentionPeriod: decreaseStreamRetentionPeriod,
  DeleteStream: deleteStream,
  DeregisterStreamConsumer: deregisterStreamConsumer,
  DescribeLimits: describeLimits,
  DescribeStream: describeStream,
  DescribeStreamConsumer: describeStreamConsumer,
  DescribeStreamSummary: describeStreamSummary,
  DisableEnhancedMonitoring: disableEnhancedMonitoring,
  EnableEnhancedMonitoring: enableEnhancedMonitoring,
  GetRecords: getRecords,
  GetShardIterator: getShardIterator,
  IncreaseStreamRetentionPeriod: increaseStreamRetentionPeriod,
  ListShards: listShards,
  ListStreamConsumers: listStreamConsumers,
  ListStreams: listStreams,
  ListTagsForResource: listTagsForResource,
  ListTagsForStream: listTagsForStream,
  MergeShards: mergeShards,
  PutRecord: putRecord,
  PutRecords: putRecords,
  RegisterStreamConsumer: registerStreamConsumer,
  RemoveTagsFromStream: removeTagsFromStream,
  SplitShard: splitShard,
  SubscribeToShard: subscribeToShard,
  TagResource: tagResource,
  UntagResource: untagResource,
  UpdateShardCount: updateShardCount,
  UpdateStreamMode: updateStreamMode,
});
