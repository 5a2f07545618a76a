// Original file: proto/rheo/v1/admin.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { AddTagsToStreamRequest as _rheo_v1_AddTagsToStreamRequest, AddTagsToStreamRequest__Output as _rheo_v1_AddTagsToStreamRequest__Output } from '../../rheo/v1/AddTagsToStreamRequest.js';
import type { AddTagsToStreamResponse as _rheo_v1_AddTagsToStreamResponse, AddTagsToStreamResponse__Output as _rheo_v1_AddTagsToStreamResponse__Output } from '../../rheo/v1/AddTagsToStreamResponse.js';
import type { CreateStreamRequest as _rheo_v1_CreateStreamRequest, CreateStreamRequest__Output as _rheo_v1_CreateStreamRequest__Output } from '../../rheo/v1/CreateStreamRequest.js';
import type { CreateStreamResponse as _rheo_v1_CreateStreamResponse, CreateStreamResponse__Output as _rheo_v1_CreateStreamResponse__Output } from '../../rheo/v1/CreateStreamResponse.js';
import type { DecreaseStreamRetentionPeriodRequest as _rheo_v1_DecreaseStreamRetentionPeriodRequest, DecreaseStreamRetentionPeriodRequest__Output as _rheo_v1_DecreaseStreamRetentionPeriodRequest__Output } from '../../rheo/v1/DecreaseStreamRetentionPeriodRequest.js';
import type { DecreaseStreamRetentionPeriodResponse as _rheo_v1_DecreaseStreamRetentionPeriodResponse, DecreaseStreamRetentionPeriodResponse__Output as _rheo_v1_DecreaseStreamRetentionPeriodResponse__Output } from '../../rheo/v1/DecreaseStreamRetentionPeriodResponse.js';
import type { DeleteStreamRequest as _rheo_v1_DeleteStreamRequest, DeleteStreamRequest__Output as _rheo_v1_DeleteStreamRequest__Output } from '../../rheo/v1/DeleteStreamRequest.js';
import type { DeleteStreamResponse as _rheo_v1_DeleteStreamResponse, DeleteStreamResponse__Output as _rheo_v1_DeleteStreamResponse__Output } from '../../rheo/v1/DeleteStreamResponse.js';
import type { DeregisterStreamConsumerRequest as _rheo_v1_DeregisterStreamConsumerRequest, DeregisterStreamConsumerRequest__Output as _rheo_v1_DeregisterStreamConsumerRequest__Output } from '../../rheo/v1/DeregisterStreamConsumerRequest.js';
import type { DeregisterStreamConsumerResponse as _rheo_v1_DeregisterStreamConsumerResponse, DeregisterStreamConsumerResponse__Output as _rheo_v1_DeregisterStreamConsumerResponse__Output } from '../../rheo/v1/DeregisterStreamConsumerResponse.js';
import type { DescribeLimitsRequest as _rheo_v1_DescribeLimitsRequest, DescribeLimitsRequest__Output as _rheo_v1_DescribeLimitsRequest__Output } from '../../rheo/v1/DescribeLimitsRequest.js';
import type { DescribeLimitsResponse as _rheo_v1_DescribeLimitsResponse, DescribeLimitsResponse__Output as _rheo_v1_DescribeLimitsResponse__Output } from '../../rheo/v1/DescribeLimitsResponse.js';
import type { DescribeStreamConsumerRequest as _rheo_v1_DescribeStreamConsumerRequest, DescribeStreamConsumerRequest__Output as _rheo_v1_DescribeStreamConsumerRequest__Output } from '../../rheo/v1/DescribeStreamConsumerRequest.js';
import type { DescribeStreamConsumerResponse as _rheo_v1_DescribeStreamConsumerResponse, DescribeStreamConsumerResponse__Output as _rheo_v1_DescribeStreamConsumerResponse__Output } from '../../rheo/v1/DescribeStreamConsumerResponse.js';
import type { DescribeStreamRequest as _rheo_v1_DescribeStreamRequest, DescribeStreamRequest__Output as _rheo_v1_DescribeStreamRequest__Output } from '../../rheo/v1/DescribeStreamRequest.js';
import type { DescribeStreamResponse as _rheo_v1_DescribeStreamResponse, DescribeStreamResponse__Output as _rheo_v1_DescribeStreamResponse__Output } from '../../rheo/v1/DescribeStreamResponse.js';
import type { DescribeStreamSummaryRequest as _rheo_v1_DescribeStreamSummaryRequest, DescribeStreamSummaryRequest__Output as _rheo_v1_DescribeStreamSummaryRequest__Output } from '../../rheo/v1/DescribeStreamSummaryRequest.js';
import type { DescribeStreamSummaryResponse as _rheo_v1_DescribeStreamSummaryResponse, DescribeStreamSummaryResponse__Output as _rheo_v1_DescribeStreamSummaryResponse__Output } from '../../rheo/v1/DescribeStreamSummaryResponse.js';
import type { DisableEnhancedMonitoringRequest as _rheo_v1_DisableEnhancedMonitoringRequest, DisableEnhancedMonitoringRequest__Output as _rheo_v1_DisableEnhancedMonitoringRequest__Output } from '../../rheo/v1/DisableEnhancedMonitoringRequest.js';
import type { EnableEnhancedMonitoringRequest as _rheo_v1_EnableEnhancedMonitoringRequest, EnableEnhancedMonitoringRequest__Output as _rheo_v1_EnableEnhancedMonitoringRequest__Output } from '../../rheo/v1/EnableEnhancedMonitoringRequest.js';
import type { EnhancedMonitoringResponse as _rheo_v1_EnhancedMonitoringResponse, EnhancedMonitoringResponse__Output as _rheo_v1_EnhancedMonitoringResponse__Output } from '../../rheo/v1/EnhancedMonitoringResponse.js';
import type { IncreaseStreamRetentionPeriodRequest as _rheo_v1_IncreaseStreamRetentionPeriodRequest, IncreaseStreamRetentionPeriodRequest__Output as _rheo_v1_IncreaseStreamRetentionPeriodRequest__Output } from '../../rheo/v1/IncreaseStreamRetentionPeriodRequest.js';
import type { IncreaseStreamRetentionPeriodResponse as _rheo_v1_IncreaseStreamRetentionPeriodResponse, IncreaseStreamRetentionPeriodResponse__Output as _rheo_v1_IncreaseStreamRetentionPeriodResponse__Output } from '../../rheo/v1/IncreaseStreamRetentionPeriodResponse.js';
import type { ListShardsRequest as _rheo_v1_ListShardsRequest, ListShardsRequest__Output as _rheo_v1_ListShardsRequest__Output } from '../../rheo/v1/ListShardsRequest.js';
import type { ListShardsResponse as _rheo_v1_ListShardsResponse, ListShardsResponse__Output as _rheo_v1_ListShardsResponse__Output } from '../../rheo/v1/ListShardsResponse.js';
import type { ListStreamConsumersRequest as _rheo_v1_ListStreamConsumersRequest, ListStreamConsumersRequest__Output as _rheo_v1_ListStreamConsumersRequest__Output } from '../../rheo/v1/ListStreamConsumersRequest.js';
import type { ListStreamConsumersResponse as _rheo_v1_ListStreamConsumersResponse, ListStreamConsumersResponse__Output as _rheo_v1_ListStreamConsumersResponse__Output } from '../../rheo/v1/ListStreamConsumersResponse.js';
import type { ListStreamsRequest as _rheo_v1_ListStreamsRequest, ListStreamsRequest__Output as _rheo_v1_ListStreamsRequest__Output } from '../../rheo/v1/ListStreamsRequest.js';
import type { ListStreamsResponse as _rheo_v1_ListStreamsResponse, ListStreamsResponse__Output as _rheo_v1_ListStreamsResponse__Output } from '../../rheo/v1/ListStreamsResponse.js';
import type { ListTagsForResourceRequest as _rheo_v1_ListTagsForResourceRequest, ListTagsForResourceRequest__Output as _rheo_v1_ListTagsForResourceRequest__Output } from '../../rheo/v1/ListTagsForResourceRequest.js';
import type { ListTagsForResourceResponse as _rheo_v1_ListTagsForResourceResponse, ListTagsForResourceResponse__Output as _rheo_v1_ListTagsForResourceResponse__Output } from '../../rheo/v1/ListTagsForResourceResponse.js';
import type { ListTagsForStreamRequest as _rheo_v1_ListTagsForStreamRequest, ListTagsForStreamRequest__Output as _rheo_v1_ListTagsForStreamRequest__Output } from '../../rheo/v1/ListTagsForStreamRequest.js';
import type { ListTagsForStreamResponse as _rheo_v1_ListTagsForStreamResponse, ListTagsForStreamResponse__Output as _rheo_v1_ListTagsForStreamResponse__Output } from '../../rheo/v1/ListTagsForStreamResponse.js';
import type { MergeShardsRequest as _rheo_v1_MergeShardsRequest, MergeShardsRequest__Output as _rheo_v1_MergeShardsRequest__Output } from '../../rheo/v1/MergeShardsRequest.js';
import type { MergeShardsResponse as _rheo_v1_MergeShardsResponse, MergeShardsResponse__Output as _rheo_v1_MergeShardsResponse__Output } from '../../rheo/v1/MergeShardsResponse.js';
import type { RegisterStreamConsumerRequest as _rheo_v1_RegisterStreamConsumerRequest, RegisterStreamConsumerRequest__Output as _rheo_v1_RegisterStreamConsumerRequest__Output } from '../../rheo/v1/RegisterStreamConsumerRequest.js';
import type { RegisterStreamConsumerResponse as _rheo_v1_RegisterStreamConsumerResponse, RegisterStreamConsumerResponse__Output as _rheo_v1_RegisterStreamConsumerResponse__Output } from '../../rheo/v1/RegisterStreamConsumerResponse.js';
import type { RemoveTagsFromStreamRequest as _rheo_v1_RemoveTagsFromStreamRequest, RemoveTagsFromStreamRequest__Output as _rheo_v1_RemoveTagsFromStreamRequest__Output } from '../../rheo/v1/RemoveTagsFromStreamRequest.js';
import type { RemoveTagsFromStreamResponse as _rheo_v1_RemoveTagsFromStreamResponse, RemoveTagsFromStreamResponse__Output as _rheo_v1_RemoveTagsFromStreamResponse__Output } from '../../rheo/v1/RemoveTagsFromStreamResponse.js';
import type { SplitShardRequest as _rheo_v1_SplitShardRequest, SplitShardRequest__Output as _rheo_v1_SplitShardRequest__Output } from '../../rheo/v1/SplitShardRequest.js';
import type { SplitShardResponse as _rheo_v1_SplitShardResponse, SplitShardResponse__Output as _rheo_v1_SplitShardResponse__Output } from '../../rheo/v1/SplitShardResponse.js';
import type { StartStreamEncryptionRequest as _rheo_v1_StartStreamEncryptionRequest, StartStreamEncryptionRequest__Output as _rheo_v1_StartStreamEncryptionRequest__Output } from '../../rheo/v1/StartStreamEncryptionRequest.js';
import type { StartStreamEncryptionResponse as _rheo_v1_StartStreamEncryptionResponse, StartStreamEncryptionResponse__Output as _rheo_v1_StartStreamEncryptionResponse__Output } from '../../rheo/v1/StartStreamEncryptionResponse.js';
import type { StopStreamEncryptionRequest as _rheo_v1_StopStreamEncryptionRequest, StopStreamEncryptionRequest__Output as _rheo_v1_StopStreamEncryptionRequest__Output } from '../../rheo/v1/StopStreamEncryptionRequest.js';
import type { StopStreamEncryptionResponse as _rheo_v1_StopStreamEncryptionResponse, StopStreamEncryptionResponse__Output as _rheo_v1_StopStreamEncryptionResponse__Output } from '../../rheo/v1/StopStreamEncryptionResponse.js';
import type { TagResourceRequest as _rheo_v1_TagResourceRequest, TagResourceRequest__Output as _rheo_v1_TagResourceRequest__Output } from '../../rheo/v1/TagResourceRequest.js';
import type { TagResourceResponse as _rheo_v1_TagResourceResponse, TagResourceResponse__Output as _rheo_v1_TagResourceResponse__Output } from '../../rheo/v1/TagResourceResponse.js';
import type { UntagResourceRequest as _rheo_v1_UntagResourceRequest, UntagResourceRequest__Output as _rheo_v1_UntagResourceRequest__Output } from '../../rheo/v1/UntagResourceRequest.js';
import type { UntagResourceResponse as _rheo_v1_UntagResourceResponse, UntagResourceResponse__Output as _rheo_v1_UntagResourceResponse__Output } from '../../rheo/v1/UntagResourceResponse.js';
import type { UpdateShardCountRequest as _rheo_v1_UpdateShardCountRequest, UpdateShardCountRequest__Output as _rheo_v1_UpdateShardCountRequest__Output } from '../../rheo/v1/UpdateShardCountRequest.js';
import type { UpdateShardCountResponse as _rheo_v1_UpdateShardCountResponse, UpdateShardCountResponse__Output as _rheo_v1_UpdateShardCountResponse__Output } from '../../rheo/v1/UpdateShardCountResponse.js';
import type { UpdateStreamModeRequest as _rheo_v1_UpdateStreamModeRequest, UpdateStreamModeRequest__Output as _rheo_v1_UpdateStreamModeRequest__Output } from '../../rheo/v1/UpdateStreamModeRequest.js';
import type { UpdateStreamModeResponse as _rheo_v1_UpdateStreamModeResponse, UpdateStreamModeResponse__Output as _rheo_v1_UpdateStreamModeResponse__Output } from '../../rheo/v1/UpdateStreamModeResponse.js';

/**
 * Stream administration. Errors: see ErrorDetail (common.proto).
 */
export interface StreamAdminClient extends grpc.Client {
  /**
   * Adds or overwrites tags on a stream (Kinesis's stream-named tag call).
   */
  AddTagsToStream(argument: _rheo_v1_AddTagsToStreamRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_AddTagsToStreamResponse__Output>): grpc.ClientUnaryCall;
  AddTagsToStream(argument: _rheo_v1_AddTagsToStreamRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_AddTagsToStreamResponse__Output>): grpc.ClientUnaryCall;
  AddTagsToStream(argument: _rheo_v1_AddTagsToStreamRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_AddTagsToStreamResponse__Output>): grpc.ClientUnaryCall;
  AddTagsToStream(argument: _rheo_v1_AddTagsToStreamRequest, callback: grpc.requestCallback<_rheo_v1_AddTagsToStreamResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Adds or overwrites tags on a stream (Kinesis's stream-named tag call).
   */
  addTagsToStream(argument: _rheo_v1_AddTagsToStreamRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_AddTagsToStreamResponse__Output>): grpc.ClientUnaryCall;
  addTagsToStream(argument: _rheo_v1_AddTagsToStreamRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_AddTagsToStreamResponse__Output>): grpc.ClientUnaryCall;
  addTagsToStream(argument: _rheo_v1_AddTagsToStreamRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_AddTagsToStreamResponse__Output>): grpc.ClientUnaryCall;
  addTagsToStream(argument: _rheo_v1_AddTagsToStreamRequest, callback: grpc.requestCallback<_rheo_v1_AddTagsToStreamResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Creates a stream; it is CREATING until every shard has a leader, then ACTIVE.
   */
  CreateStream(argument: _rheo_v1_CreateStreamRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_CreateStreamResponse__Output>): grpc.ClientUnaryCall;
  CreateStream(argument: _rheo_v1_CreateStreamRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_CreateStreamResponse__Output>): grpc.ClientUnaryCall;
  CreateStream(argument: _rheo_v1_CreateStreamRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_CreateStreamResponse__Output>): grpc.ClientUnaryCall;
  CreateStream(argument: _rheo_v1_CreateStreamRequest, callback: grpc.requestCallback<_rheo_v1_CreateStreamResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Creates a stream; it is CREATING until every shard has a leader, then ACTIVE.
   */
  createStream(argument: _rheo_v1_CreateStreamRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_CreateStreamResponse__Output>): grpc.ClientUnaryCall;
  createStream(argument: _rheo_v1_CreateStreamRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_CreateStreamResponse__Output>): grpc.ClientUnaryCall;
  createStream(argument: _rheo_v1_CreateStreamRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_CreateStreamResponse__Output>): grpc.ClientUnaryCall;
  createStream(argument: _rheo_v1_CreateStreamRequest, callback: grpc.requestCallback<_rheo_v1_CreateStreamResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Lowers the retention period (24..8760 hours); data past the new period becomes trimmable.
   */
  DecreaseStreamRetentionPeriod(argument: _rheo_v1_DecreaseStreamRetentionPeriodRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_DecreaseStreamRetentionPeriodResponse__Output>): grpc.ClientUnaryCall;
  DecreaseStreamRetentionPeriod(argument: _rheo_v1_DecreaseStreamRetentionPeriodRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_DecreaseStreamRetentionPeriodResponse__Output>): grpc.ClientUnaryCall;
  DecreaseStreamRetentionPeriod(argument: _rheo_v1_DecreaseStreamRetentionPeriodRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_DecreaseStreamRetentionPeriodResponse__Output>): grpc.ClientUnaryCall;
  DecreaseStreamRetentionPeriod(argument: _rheo_v1_DecreaseStreamRetentionPeriodRequest, callback: grpc.requestCallback<_rheo_v1_DecreaseStreamRetentionPeriodResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Lowers the retention period (24..8760 hours); data past the new period becomes trimmable.
   */
  decreaseStreamRetentionPeriod(argument: _rheo_v1_DecreaseStreamRetentionPeriodRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_DecreaseStreamRetentionPeriodResponse__Output>): grpc.ClientUnaryCall;
  decreaseStreamRetentionPeriod(argument: _rheo_v1_DecreaseStreamRetentionPeriodRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_DecreaseStreamRetentionPeriodResponse__Output>): grpc.ClientUnaryCall;
  decreaseStreamRetentionPeriod(argument: _rheo_v1_DecreaseStreamRetentionPeriodRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_DecreaseStreamRetentionPeriodResponse__Output>): grpc.ClientUnaryCall;
  decreaseStreamRetentionPeriod(argument: _rheo_v1_DecreaseStreamRetentionPeriodRequest, callback: grpc.requestCallback<_rheo_v1_DecreaseStreamRetentionPeriodResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Deletes a stream and its data on every node; refused while consumers are registered unless enforced.
   */
  DeleteStream(argument: _rheo_v1_DeleteStreamRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_DeleteStreamResponse__Output>): grpc.ClientUnaryCall;
  DeleteStream(argument: _rheo_v1_DeleteStreamRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_DeleteStreamResponse__Output>): grpc.ClientUnaryCall;
  DeleteStream(argument: _rheo_v1_DeleteStreamRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_DeleteStreamResponse__Output>): grpc.ClientUnaryCall;
  DeleteStream(argument: _rheo_v1_DeleteStreamRequest, callback: grpc.requestCallback<_rheo_v1_DeleteStreamResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Deletes a stream and its data on every node; refused while consumers are registered unless enforced.
   */
  deleteStream(argument: _rheo_v1_DeleteStreamRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_DeleteStreamResponse__Output>): grpc.ClientUnaryCall;
  deleteStream(argument: _rheo_v1_DeleteStreamRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_DeleteStreamResponse__Output>): grpc.ClientUnaryCall;
  deleteStream(argument: _rheo_v1_DeleteStreamRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_DeleteStreamResponse__Output>): grpc.ClientUnaryCall;
  deleteStream(argument: _rheo_v1_DeleteStreamRequest, callback: grpc.requestCallback<_rheo_v1_DeleteStreamResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Deregisters a consumer and closes its subscriptions.
   */
  DeregisterStreamConsumer(argument: _rheo_v1_DeregisterStreamConsumerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_DeregisterStreamConsumerResponse__Output>): grpc.ClientUnaryCall;
  DeregisterStreamConsumer(argument: _rheo_v1_DeregisterStreamConsumerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_DeregisterStreamConsumerResponse__Output>): grpc.ClientUnaryCall;
  DeregisterStreamConsumer(argument: _rheo_v1_DeregisterStreamConsumerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_DeregisterStreamConsumerResponse__Output>): grpc.ClientUnaryCall;
  DeregisterStreamConsumer(argument: _rheo_v1_DeregisterStreamConsumerRequest, callback: grpc.requestCallback<_rheo_v1_DeregisterStreamConsumerResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Deregisters a consumer and closes its subscriptions.
   */
  deregisterStreamConsumer(argument: _rheo_v1_DeregisterStreamConsumerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_DeregisterStreamConsumerResponse__Output>): grpc.ClientUnaryCall;
  deregisterStreamConsumer(argument: _rheo_v1_DeregisterStreamConsumerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_DeregisterStreamConsumerResponse__Output>): grpc.ClientUnaryCall;
  deregisterStreamConsumer(argument: _rheo_v1_DeregisterStreamConsumerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_DeregisterStreamConsumerResponse__Output>): grpc.ClientUnaryCall;
  deregisterStreamConsumer(argument: _rheo_v1_DeregisterStreamConsumerRequest, callback: grpc.requestCallback<_rheo_v1_DeregisterStreamConsumerResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * The account's (here: cluster's) shard and on-demand stream limits and usage.
   */
  DescribeLimits(argument: _rheo_v1_DescribeLimitsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_DescribeLimitsResponse__Output>): grpc.ClientUnaryCall;
  DescribeLimits(argument: _rheo_v1_DescribeLimitsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_DescribeLimitsResponse__Output>): grpc.ClientUnaryCall;
  DescribeLimits(argument: _rheo_v1_DescribeLimitsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_DescribeLimitsResponse__Output>): grpc.ClientUnaryCall;
  DescribeLimits(argument: _rheo_v1_DescribeLimitsRequest, callback: grpc.requestCallback<_rheo_v1_DescribeLimitsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * The account's (here: cluster's) shard and on-demand stream limits and usage.
   */
  describeLimits(argument: _rheo_v1_DescribeLimitsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_DescribeLimitsResponse__Output>): grpc.ClientUnaryCall;
  describeLimits(argument: _rheo_v1_DescribeLimitsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_DescribeLimitsResponse__Output>): grpc.ClientUnaryCall;
  describeLimits(argument: _rheo_v1_DescribeLimitsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_DescribeLimitsResponse__Output>): grpc.ClientUnaryCall;
  describeLimits(argument: _rheo_v1_DescribeLimitsRequest, callback: grpc.requestCallback<_rheo_v1_DescribeLimitsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Describes a stream with a page of its shards (Kinesis's older call; ListShards is preferred).
   */
  DescribeStream(argument: _rheo_v1_DescribeStreamRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_DescribeStreamResponse__Output>): grpc.ClientUnaryCall;
  DescribeStream(argument: _rheo_v1_DescribeStreamRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_DescribeStreamResponse__Output>): grpc.ClientUnaryCall;
  DescribeStream(argument: _rheo_v1_DescribeStreamRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_DescribeStreamResponse__Output>): grpc.ClientUnaryCall;
  DescribeStream(argument: _rheo_v1_DescribeStreamRequest, callback: grpc.requestCallback<_rheo_v1_DescribeStreamResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Describes a stream with a page of its shards (Kinesis's older call; ListShards is preferred).
   */
  describeStream(argument: _rheo_v1_DescribeStreamRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_DescribeStreamResponse__Output>): grpc.ClientUnaryCall;
  describeStream(argument: _rheo_v1_DescribeStreamRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_DescribeStreamResponse__Output>): grpc.ClientUnaryCall;
  describeStream(argument: _rheo_v1_DescribeStreamRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_DescribeStreamResponse__Output>): grpc.ClientUnaryCall;
  describeStream(argument: _rheo_v1_DescribeStreamRequest, callback: grpc.requestCallback<_rheo_v1_DescribeStreamResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Describes one registered consumer.
   */
  DescribeStreamConsumer(argument: _rheo_v1_DescribeStreamConsumerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_DescribeStreamConsumerResponse__Output>): grpc.ClientUnaryCall;
  DescribeStreamConsumer(argument: _rheo_v1_DescribeStreamConsumerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_DescribeStreamConsumerResponse__Output>): grpc.ClientUnaryCall;
  DescribeStreamConsumer(argument: _rheo_v1_DescribeStreamConsumerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_DescribeStreamConsumerResponse__Output>): grpc.ClientUnaryCall;
  DescribeStreamConsumer(argument: _rheo_v1_DescribeStreamConsumerRequest, callback: grpc.requestCallback<_rheo_v1_DescribeStreamConsumerResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Describes one registered consumer.
   */
  describeStreamConsumer(argument: _rheo_v1_DescribeStreamConsumerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_DescribeStreamConsumerResponse__Output>): grpc.ClientUnaryCall;
  describeStreamConsumer(argument: _rheo_v1_DescribeStreamConsumerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_DescribeStreamConsumerResponse__Output>): grpc.ClientUnaryCall;
  describeStreamConsumer(argument: _rheo_v1_DescribeStreamConsumerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_DescribeStreamConsumerResponse__Output>): grpc.ClientUnaryCall;
  describeStreamConsumer(argument: _rheo_v1_DescribeStreamConsumerRequest, callback: grpc.requestCallback<_rheo_v1_DescribeStreamConsumerResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Describes a stream without its shards.
   */
  DescribeStreamSummary(argument: _rheo_v1_DescribeStreamSummaryRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_DescribeStreamSummaryResponse__Output>): grpc.ClientUnaryCall;
  DescribeStreamSummary(argument: _rheo_v1_DescribeStreamSummaryRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_DescribeStreamSummaryResponse__Output>): grpc.ClientUnaryCall;
  DescribeStreamSummary(argument: _rheo_v1_DescribeStreamSummaryRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_DescribeStreamSummaryResponse__Output>): grpc.ClientUnaryCall;
  DescribeStreamSummary(argument: _rheo_v1_DescribeStreamSummaryRequest, callback: grpc.requestCallback<_rheo_v1_DescribeStreamSummaryResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Describes a stream without its shards.
   */
  describeStreamSummary(argument: _rheo_v1_DescribeStreamSummaryRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_DescribeStreamSummaryResponse__Output>): grpc.ClientUnaryCall;
  describeStreamSummary(argument: _rheo_v1_DescribeStreamSummaryRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_DescribeStreamSummaryResponse__Output>): grpc.ClientUnaryCall;
  describeStreamSummary(argument: _rheo_v1_DescribeStreamSummaryRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_DescribeStreamSummaryResponse__Output>): grpc.ClientUnaryCall;
  describeStreamSummary(argument: _rheo_v1_DescribeStreamSummaryRequest, callback: grpc.requestCallback<_rheo_v1_DescribeStreamSummaryResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Switches shard-level metrics off.
   */
  DisableEnhancedMonitoring(argument: _rheo_v1_DisableEnhancedMonitoringRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_EnhancedMonitoringResponse__Output>): grpc.ClientUnaryCall;
  DisableEnhancedMonitoring(argument: _rheo_v1_DisableEnhancedMonitoringRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_EnhancedMonitoringResponse__Output>): grpc.ClientUnaryCall;
  DisableEnhancedMonitoring(argument: _rheo_v1_DisableEnhancedMonitoringRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_EnhancedMonitoringResponse__Output>): grpc.ClientUnaryCall;
  DisableEnhancedMonitoring(argument: _rheo_v1_DisableEnhancedMonitoringRequest, callback: grpc.requestCallback<_rheo_v1_EnhancedMonitoringResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Switches shard-level metrics off.
   */
  disableEnhancedMonitoring(argument: _rheo_v1_DisableEnhancedMonitoringRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_EnhancedMonitoringResponse__Output>): grpc.ClientUnaryCall;
  disableEnhancedMonitoring(argument: _rheo_v1_DisableEnhancedMonitoringRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_EnhancedMonitoringResponse__Output>): grpc.ClientUnaryCall;
  disableEnhancedMonitoring(argument: _rheo_v1_DisableEnhancedMonitoringRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_EnhancedMonitoringResponse__Output>): grpc.ClientUnaryCall;
  disableEnhancedMonitoring(argument: _rheo_v1_DisableEnhancedMonitoringRequest, callback: grpc.requestCallback<_rheo_v1_EnhancedMonitoringResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Switches shard-level metrics on.
   */
  EnableEnhancedMonitoring(argument: _rheo_v1_EnableEnhancedMonitoringRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_EnhancedMonitoringResponse__Output>): grpc.ClientUnaryCall;
  EnableEnhancedMonitoring(argument: _rheo_v1_EnableEnhancedMonitoringRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_EnhancedMonitoringResponse__Output>): grpc.ClientUnaryCall;
  EnableEnhancedMonitoring(argument: _rheo_v1_EnableEnhancedMonitoringRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_EnhancedMonitoringResponse__Output>): grpc.ClientUnaryCall;
  EnableEnhancedMonitoring(argument: _rheo_v1_EnableEnhancedMonitoringRequest, callback: grpc.requestCallback<_rheo_v1_EnhancedMonitoringResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Switches shard-level metrics on.
   */
  enableEnhancedMonitoring(argument: _rheo_v1_EnableEnhancedMonitoringRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_EnhancedMonitoringResponse__Output>): grpc.ClientUnaryCall;
  enableEnhancedMonitoring(argument: _rheo_v1_EnableEnhancedMonitoringRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_EnhancedMonitoringResponse__Output>): grpc.ClientUnaryCall;
  enableEnhancedMonitoring(argument: _rheo_v1_EnableEnhancedMonitoringRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_EnhancedMonitoringResponse__Output>): grpc.ClientUnaryCall;
  enableEnhancedMonitoring(argument: _rheo_v1_EnableEnhancedMonitoringRequest, callback: grpc.requestCallback<_rheo_v1_EnhancedMonitoringResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Raises the retention period (24..8760 hours).
   */
  IncreaseStreamRetentionPeriod(argument: _rheo_v1_IncreaseStreamRetentionPeriodRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_IncreaseStreamRetentionPeriodResponse__Output>): grpc.ClientUnaryCall;
  IncreaseStreamRetentionPeriod(argument: _rheo_v1_IncreaseStreamRetentionPeriodRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_IncreaseStreamRetentionPeriodResponse__Output>): grpc.ClientUnaryCall;
  IncreaseStreamRetentionPeriod(argument: _rheo_v1_IncreaseStreamRetentionPeriodRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_IncreaseStreamRetentionPeriodResponse__Output>): grpc.ClientUnaryCall;
  IncreaseStreamRetentionPeriod(argument: _rheo_v1_IncreaseStreamRetentionPeriodRequest, callback: grpc.requestCallback<_rheo_v1_IncreaseStreamRetentionPeriodResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Raises the retention period (24..8760 hours).
   */
  increaseStreamRetentionPeriod(argument: _rheo_v1_IncreaseStreamRetentionPeriodRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_IncreaseStreamRetentionPeriodResponse__Output>): grpc.ClientUnaryCall;
  increaseStreamRetentionPeriod(argument: _rheo_v1_IncreaseStreamRetentionPeriodRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_IncreaseStreamRetentionPeriodResponse__Output>): grpc.ClientUnaryCall;
  increaseStreamRetentionPeriod(argument: _rheo_v1_IncreaseStreamRetentionPeriodRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_IncreaseStreamRetentionPeriodResponse__Output>): grpc.ClientUnaryCall;
  increaseStreamRetentionPeriod(argument: _rheo_v1_IncreaseStreamRetentionPeriodRequest, callback: grpc.requestCallback<_rheo_v1_IncreaseStreamRetentionPeriodResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Lists a stream's shards with lineage, a page at a time, optionally filtered.
   */
  ListShards(argument: _rheo_v1_ListShardsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_ListShardsResponse__Output>): grpc.ClientUnaryCall;
  ListShards(argument: _rheo_v1_ListShardsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_ListShardsResponse__Output>): grpc.ClientUnaryCall;
  ListShards(argument: _rheo_v1_ListShardsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_ListShardsResponse__Output>): grpc.ClientUnaryCall;
  ListShards(argument: _rheo_v1_ListShardsRequest, callback: grpc.requestCallback<_rheo_v1_ListShardsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Lists a stream's shards with lineage, a page at a time, optionally filtered.
   */
  listShards(argument: _rheo_v1_ListShardsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_ListShardsResponse__Output>): grpc.ClientUnaryCall;
  listShards(argument: _rheo_v1_ListShardsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_ListShardsResponse__Output>): grpc.ClientUnaryCall;
  listShards(argument: _rheo_v1_ListShardsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_ListShardsResponse__Output>): grpc.ClientUnaryCall;
  listShards(argument: _rheo_v1_ListShardsRequest, callback: grpc.requestCallback<_rheo_v1_ListShardsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Lists a stream's registered consumers, a page at a time.
   */
  ListStreamConsumers(argument: _rheo_v1_ListStreamConsumersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_ListStreamConsumersResponse__Output>): grpc.ClientUnaryCall;
  ListStreamConsumers(argument: _rheo_v1_ListStreamConsumersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_ListStreamConsumersResponse__Output>): grpc.ClientUnaryCall;
  ListStreamConsumers(argument: _rheo_v1_ListStreamConsumersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_ListStreamConsumersResponse__Output>): grpc.ClientUnaryCall;
  ListStreamConsumers(argument: _rheo_v1_ListStreamConsumersRequest, callback: grpc.requestCallback<_rheo_v1_ListStreamConsumersResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Lists a stream's registered consumers, a page at a time.
   */
  listStreamConsumers(argument: _rheo_v1_ListStreamConsumersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_ListStreamConsumersResponse__Output>): grpc.ClientUnaryCall;
  listStreamConsumers(argument: _rheo_v1_ListStreamConsumersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_ListStreamConsumersResponse__Output>): grpc.ClientUnaryCall;
  listStreamConsumers(argument: _rheo_v1_ListStreamConsumersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_ListStreamConsumersResponse__Output>): grpc.ClientUnaryCall;
  listStreamConsumers(argument: _rheo_v1_ListStreamConsumersRequest, callback: grpc.requestCallback<_rheo_v1_ListStreamConsumersResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Lists stream names, a page at a time.
   */
  ListStreams(argument: _rheo_v1_ListStreamsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_ListStreamsResponse__Output>): grpc.ClientUnaryCall;
  ListStreams(argument: _rheo_v1_ListStreamsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_ListStreamsResponse__Output>): grpc.ClientUnaryCall;
  ListStreams(argument: _rheo_v1_ListStreamsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_ListStreamsResponse__Output>): grpc.ClientUnaryCall;
  ListStreams(argument: _rheo_v1_ListStreamsRequest, callback: grpc.requestCallback<_rheo_v1_ListStreamsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Lists stream names, a page at a time.
   */
  listStreams(argument: _rheo_v1_ListStreamsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_ListStreamsResponse__Output>): grpc.ClientUnaryCall;
  listStreams(argument: _rheo_v1_ListStreamsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_ListStreamsResponse__Output>): grpc.ClientUnaryCall;
  listStreams(argument: _rheo_v1_ListStreamsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_ListStreamsResponse__Output>): grpc.ClientUnaryCall;
  listStreams(argument: _rheo_v1_ListStreamsRequest, callback: grpc.requestCallback<_rheo_v1_ListStreamsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Lists the tags of a stream or consumer named by ARN.
   */
  ListTagsForResource(argument: _rheo_v1_ListTagsForResourceRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_ListTagsForResourceResponse__Output>): grpc.ClientUnaryCall;
  ListTagsForResource(argument: _rheo_v1_ListTagsForResourceRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_ListTagsForResourceResponse__Output>): grpc.ClientUnaryCall;
  ListTagsForResource(argument: _rheo_v1_ListTagsForResourceRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_ListTagsForResourceResponse__Output>): grpc.ClientUnaryCall;
  ListTagsForResource(argument: _rheo_v1_ListTagsForResourceRequest, callback: grpc.requestCallback<_rheo_v1_ListTagsForResourceResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Lists the tags of a stream or consumer named by ARN.
   */
  listTagsForResource(argument: _rheo_v1_ListTagsForResourceRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_ListTagsForResourceResponse__Output>): grpc.ClientUnaryCall;
  listTagsForResource(argument: _rheo_v1_ListTagsForResourceRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_ListTagsForResourceResponse__Output>): grpc.ClientUnaryCall;
  listTagsForResource(argument: _rheo_v1_ListTagsForResourceRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_ListTagsForResourceResponse__Output>): grpc.ClientUnaryCall;
  listTagsForResource(argument: _rheo_v1_ListTagsForResourceRequest, callback: grpc.requestCallback<_rheo_v1_ListTagsForResourceResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Lists a stream's tags, a page at a time.
   */
  ListTagsForStream(argument: _rheo_v1_ListTagsForStreamRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_ListTagsForStreamResponse__Output>): grpc.ClientUnaryCall;
  ListTagsForStream(argument: _rheo_v1_ListTagsForStreamRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_ListTagsForStreamResponse__Output>): grpc.ClientUnaryCall;
  ListTagsForStream(argument: _rheo_v1_ListTagsForStreamRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_ListTagsForStreamResponse__Output>): grpc.ClientUnaryCall;
  ListTagsForStream(argument: _rheo_v1_ListTagsForStreamRequest, callback: grpc.requestCallback<_rheo_v1_ListTagsForStreamResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Lists a stream's tags, a page at a time.
   */
  listTagsForStream(argument: _rheo_v1_ListTagsForStreamRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_ListTagsForStreamResponse__Output>): grpc.ClientUnaryCall;
  listTagsForStream(argument: _rheo_v1_ListTagsForStreamRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_ListTagsForStreamResponse__Output>): grpc.ClientUnaryCall;
  listTagsForStream(argument: _rheo_v1_ListTagsForStreamRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_ListTagsForStreamResponse__Output>): grpc.ClientUnaryCall;
  listTagsForStream(argument: _rheo_v1_ListTagsForStreamRequest, callback: grpc.requestCallback<_rheo_v1_ListTagsForStreamResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Merges two open shards with adjacent hash-key ranges into one.
   */
  MergeShards(argument: _rheo_v1_MergeShardsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_MergeShardsResponse__Output>): grpc.ClientUnaryCall;
  MergeShards(argument: _rheo_v1_MergeShardsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_MergeShardsResponse__Output>): grpc.ClientUnaryCall;
  MergeShards(argument: _rheo_v1_MergeShardsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_MergeShardsResponse__Output>): grpc.ClientUnaryCall;
  MergeShards(argument: _rheo_v1_MergeShardsRequest, callback: grpc.requestCallback<_rheo_v1_MergeShardsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Merges two open shards with adjacent hash-key ranges into one.
   */
  mergeShards(argument: _rheo_v1_MergeShardsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_MergeShardsResponse__Output>): grpc.ClientUnaryCall;
  mergeShards(argument: _rheo_v1_MergeShardsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_MergeShardsResponse__Output>): grpc.ClientUnaryCall;
  mergeShards(argument: _rheo_v1_MergeShardsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_MergeShardsResponse__Output>): grpc.ClientUnaryCall;
  mergeShards(argument: _rheo_v1_MergeShardsRequest, callback: grpc.requestCallback<_rheo_v1_MergeShardsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Registers an enhanced fan-out consumer (up to 20 per stream by default).
   */
  RegisterStreamConsumer(argument: _rheo_v1_RegisterStreamConsumerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_RegisterStreamConsumerResponse__Output>): grpc.ClientUnaryCall;
  RegisterStreamConsumer(argument: _rheo_v1_RegisterStreamConsumerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_RegisterStreamConsumerResponse__Output>): grpc.ClientUnaryCall;
  RegisterStreamConsumer(argument: _rheo_v1_RegisterStreamConsumerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_RegisterStreamConsumerResponse__Output>): grpc.ClientUnaryCall;
  RegisterStreamConsumer(argument: _rheo_v1_RegisterStreamConsumerRequest, callback: grpc.requestCallback<_rheo_v1_RegisterStreamConsumerResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Registers an enhanced fan-out consumer (up to 20 per stream by default).
   */
  registerStreamConsumer(argument: _rheo_v1_RegisterStreamConsumerRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_RegisterStreamConsumerResponse__Output>): grpc.ClientUnaryCall;
  registerStreamConsumer(argument: _rheo_v1_RegisterStreamConsumerRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_RegisterStreamConsumerResponse__Output>): grpc.ClientUnaryCall;
  registerStreamConsumer(argument: _rheo_v1_RegisterStreamConsumerRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_RegisterStreamConsumerResponse__Output>): grpc.ClientUnaryCall;
  registerStreamConsumer(argument: _rheo_v1_RegisterStreamConsumerRequest, callback: grpc.requestCallback<_rheo_v1_RegisterStreamConsumerResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Removes tags from a stream by key.
   */
  RemoveTagsFromStream(argument: _rheo_v1_RemoveTagsFromStreamRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_RemoveTagsFromStreamResponse__Output>): grpc.ClientUnaryCall;
  RemoveTagsFromStream(argument: _rheo_v1_RemoveTagsFromStreamRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_RemoveTagsFromStreamResponse__Output>): grpc.ClientUnaryCall;
  RemoveTagsFromStream(argument: _rheo_v1_RemoveTagsFromStreamRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_RemoveTagsFromStreamResponse__Output>): grpc.ClientUnaryCall;
  RemoveTagsFromStream(argument: _rheo_v1_RemoveTagsFromStreamRequest, callback: grpc.requestCallback<_rheo_v1_RemoveTagsFromStreamResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Removes tags from a stream by key.
   */
  removeTagsFromStream(argument: _rheo_v1_RemoveTagsFromStreamRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_RemoveTagsFromStreamResponse__Output>): grpc.ClientUnaryCall;
  removeTagsFromStream(argument: _rheo_v1_RemoveTagsFromStreamRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_RemoveTagsFromStreamResponse__Output>): grpc.ClientUnaryCall;
  removeTagsFromStream(argument: _rheo_v1_RemoveTagsFromStreamRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_RemoveTagsFromStreamResponse__Output>): grpc.ClientUnaryCall;
  removeTagsFromStream(argument: _rheo_v1_RemoveTagsFromStreamRequest, callback: grpc.requestCallback<_rheo_v1_RemoveTagsFromStreamResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Splits an open shard in two at a hash key.
   */
  SplitShard(argument: _rheo_v1_SplitShardRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_SplitShardResponse__Output>): grpc.ClientUnaryCall;
  SplitShard(argument: _rheo_v1_SplitShardRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_SplitShardResponse__Output>): grpc.ClientUnaryCall;
  SplitShard(argument: _rheo_v1_SplitShardRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_SplitShardResponse__Output>): grpc.ClientUnaryCall;
  SplitShard(argument: _rheo_v1_SplitShardRequest, callback: grpc.requestCallback<_rheo_v1_SplitShardResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Splits an open shard in two at a hash key.
   */
  splitShard(argument: _rheo_v1_SplitShardRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_SplitShardResponse__Output>): grpc.ClientUnaryCall;
  splitShard(argument: _rheo_v1_SplitShardRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_SplitShardResponse__Output>): grpc.ClientUnaryCall;
  splitShard(argument: _rheo_v1_SplitShardRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_SplitShardResponse__Output>): grpc.ClientUnaryCall;
  splitShard(argument: _rheo_v1_SplitShardRequest, callback: grpc.requestCallback<_rheo_v1_SplitShardResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Starts encrypting newly written data at rest with a managed key.
   */
  StartStreamEncryption(argument: _rheo_v1_StartStreamEncryptionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_StartStreamEncryptionResponse__Output>): grpc.ClientUnaryCall;
  StartStreamEncryption(argument: _rheo_v1_StartStreamEncryptionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_StartStreamEncryptionResponse__Output>): grpc.ClientUnaryCall;
  StartStreamEncryption(argument: _rheo_v1_StartStreamEncryptionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_StartStreamEncryptionResponse__Output>): grpc.ClientUnaryCall;
  StartStreamEncryption(argument: _rheo_v1_StartStreamEncryptionRequest, callback: grpc.requestCallback<_rheo_v1_StartStreamEncryptionResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Starts encrypting newly written data at rest with a managed key.
   */
  startStreamEncryption(argument: _rheo_v1_StartStreamEncryptionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_StartStreamEncryptionResponse__Output>): grpc.ClientUnaryCall;
  startStreamEncryption(argument: _rheo_v1_StartStreamEncryptionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_StartStreamEncryptionResponse__Output>): grpc.ClientUnaryCall;
  startStreamEncryption(argument: _rheo_v1_StartStreamEncryptionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_StartStreamEncryptionResponse__Output>): grpc.ClientUnaryCall;
  startStreamEncryption(argument: _rheo_v1_StartStreamEncryptionRequest, callback: grpc.requestCallback<_rheo_v1_StartStreamEncryptionResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Stops encrypting newly written data at rest.
   */
  StopStreamEncryption(argument: _rheo_v1_StopStreamEncryptionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_StopStreamEncryptionResponse__Output>): grpc.ClientUnaryCall;
  StopStreamEncryption(argument: _rheo_v1_StopStreamEncryptionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_StopStreamEncryptionResponse__Output>): grpc.ClientUnaryCall;
  StopStreamEncryption(argument: _rheo_v1_StopStreamEncryptionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_StopStreamEncryptionResponse__Output>): grpc.ClientUnaryCall;
  StopStreamEncryption(argument: _rheo_v1_StopStreamEncryptionRequest, callback: grpc.requestCallback<_rheo_v1_StopStreamEncryptionResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Stops encrypting newly written data at rest.
   */
  stopStreamEncryption(argument: _rheo_v1_StopStreamEncryptionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_StopStreamEncryptionResponse__Output>): grpc.ClientUnaryCall;
  stopStreamEncryption(argument: _rheo_v1_StopStreamEncryptionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_StopStreamEncryptionResponse__Output>): grpc.ClientUnaryCall;
  stopStreamEncryption(argument: _rheo_v1_StopStreamEncryptionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_StopStreamEncryptionResponse__Output>): grpc.ClientUnaryCall;
  stopStreamEncryption(argument: _rheo_v1_StopStreamEncryptionRequest, callback: grpc.requestCallback<_rheo_v1_StopStreamEncryptionResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Adds or overwrites tags on a stream or consumer named by ARN (Kinesis's newer tag call).
   */
  TagResource(argument: _rheo_v1_TagResourceRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_TagResourceResponse__Output>): grpc.ClientUnaryCall;
  TagResource(argument: _rheo_v1_TagResourceRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_TagResourceResponse__Output>): grpc.ClientUnaryCall;
  TagResource(argument: _rheo_v1_TagResourceRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_TagResourceResponse__Output>): grpc.ClientUnaryCall;
  TagResource(argument: _rheo_v1_TagResourceRequest, callback: grpc.requestCallback<_rheo_v1_TagResourceResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Adds or overwrites tags on a stream or consumer named by ARN (Kinesis's newer tag call).
   */
  tagResource(argument: _rheo_v1_TagResourceRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_TagResourceResponse__Output>): grpc.ClientUnaryCall;
  tagResource(argument: _rheo_v1_TagResourceRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_TagResourceResponse__Output>): grpc.ClientUnaryCall;
  tagResource(argument: _rheo_v1_TagResourceRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_TagResourceResponse__Output>): grpc.ClientUnaryCall;
  tagResource(argument: _rheo_v1_TagResourceRequest, callback: grpc.requestCallback<_rheo_v1_TagResourceResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Removes tags from a stream or consumer named by ARN.
   */
  UntagResource(argument: _rheo_v1_UntagResourceRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_UntagResourceResponse__Output>): grpc.ClientUnaryCall;
  UntagResource(argument: _rheo_v1_UntagResourceRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_UntagResourceResponse__Output>): grpc.ClientUnaryCall;
  UntagResource(argument: _rheo_v1_UntagResourceRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_UntagResourceResponse__Output>): grpc.ClientUnaryCall;
  UntagResource(argument: _rheo_v1_UntagResourceRequest, callback: grpc.requestCallback<_rheo_v1_UntagResourceResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Removes tags from a stream or consumer named by ARN.
   */
  untagResource(argument: _rheo_v1_UntagResourceRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_UntagResourceResponse__Output>): grpc.ClientUnaryCall;
  untagResource(argument: _rheo_v1_UntagResourceRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_UntagResourceResponse__Output>): grpc.ClientUnaryCall;
  untagResource(argument: _rheo_v1_UntagResourceRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_UntagResourceResponse__Output>): grpc.ClientUnaryCall;
  untagResource(argument: _rheo_v1_UntagResourceRequest, callback: grpc.requestCallback<_rheo_v1_UntagResourceResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Splits and merges until the stream has the target number of open shards.
   */
  UpdateShardCount(argument: _rheo_v1_UpdateShardCountRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_UpdateShardCountResponse__Output>): grpc.ClientUnaryCall;
  UpdateShardCount(argument: _rheo_v1_UpdateShardCountRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_UpdateShardCountResponse__Output>): grpc.ClientUnaryCall;
  UpdateShardCount(argument: _rheo_v1_UpdateShardCountRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_UpdateShardCountResponse__Output>): grpc.ClientUnaryCall;
  UpdateShardCount(argument: _rheo_v1_UpdateShardCountRequest, callback: grpc.requestCallback<_rheo_v1_UpdateShardCountResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Splits and merges until the stream has the target number of open shards.
   */
  updateShardCount(argument: _rheo_v1_UpdateShardCountRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_UpdateShardCountResponse__Output>): grpc.ClientUnaryCall;
  updateShardCount(argument: _rheo_v1_UpdateShardCountRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_UpdateShardCountResponse__Output>): grpc.ClientUnaryCall;
  updateShardCount(argument: _rheo_v1_UpdateShardCountRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_UpdateShardCountResponse__Output>): grpc.ClientUnaryCall;
  updateShardCount(argument: _rheo_v1_UpdateShardCountRequest, callback: grpc.requestCallback<_rheo_v1_UpdateShardCountResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Switches a stream between PROVISIONED and ON_DEMAND.
   */
  UpdateStreamMode(argument: _rheo_v1_UpdateStreamModeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_UpdateStreamModeResponse__Output>): grpc.ClientUnaryCall;
  UpdateStreamMode(argument: _rheo_v1_UpdateStreamModeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_UpdateStreamModeResponse__Output>): grpc.ClientUnaryCall;
  UpdateStreamMode(argument: _rheo_v1_UpdateStreamModeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_UpdateStreamModeResponse__Output>): grpc.ClientUnaryCall;
  UpdateStreamMode(argument: _rheo_v1_UpdateStreamModeRequest, callback: grpc.requestCallback<_rheo_v1_UpdateStreamModeResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Switches a stream between PROVISIONED and ON_DEMAND.
   */
  updateStreamMode(argument: _rheo_v1_UpdateStreamModeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_UpdateStreamModeResponse__Output>): grpc.ClientUnaryCall;
  updateStreamMode(argument: _rheo_v1_UpdateStreamModeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_UpdateStreamModeResponse__Output>): grpc.ClientUnaryCall;
  updateStreamMode(argument: _rheo_v1_UpdateStreamModeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_UpdateStreamModeResponse__Output>): grpc.ClientUnaryCall;
  updateStreamMode(argument: _rheo_v1_UpdateStreamModeRequest, callback: grpc.requestCallback<_rheo_v1_UpdateStreamModeResponse__Output>): grpc.ClientUnaryCall;
  
}

/**
 * Stream administration. Errors: see ErrorDetail (common.proto).
 */
export interface StreamAdminHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Adds or overwrites tags on a stream (Kinesis's stream-named tag call).
   */
  AddTagsToStream: grpc.handleUnaryCall<_rheo_v1_AddTagsToStreamRequest__Output, _rheo_v1_AddTagsToStreamResponse>;
  
  /**
   * Creates a stream; it is CREATING until every shard has a leader, then ACTIVE.
   */
  CreateStream: grpc.handleUnaryCall<_rheo_v1_CreateStreamRequest__Output, _rheo_v1_CreateStreamResponse>;
  
  /**
   * Lowers the retention period (24..8760 hours); data past the new period becomes trimmable.
   */
  DecreaseStreamRetentionPeriod: grpc.handleUnaryCall<_rheo_v1_DecreaseStreamRetentionPeriodRequest__Output, _rheo_v1_DecreaseStreamRetentionPeriodResponse>;
  
  /**
   * Deletes a stream and its data on every node; refused while consumers are registered unless enforced.
   */
  DeleteStream: grpc.handleUnaryCall<_rheo_v1_DeleteStreamRequest__Output, _rheo_v1_DeleteStreamResponse>;
  
  /**
   * Deregisters a consumer and closes its subscriptions.
   */
  DeregisterStreamConsumer: grpc.handleUnaryCall<_rheo_v1_DeregisterStreamConsumerRequest__Output, _rheo_v1_DeregisterStreamConsumerResponse>;
  
  /**
   * The account's (here: cluster's) shard and on-demand stream limits and usage.
   */
  DescribeLimits: grpc.handleUnaryCall<_rheo_v1_DescribeLimitsRequest__Output, _rheo_v1_DescribeLimitsResponse>;
  
  /**
   * Describes a stream with a page of its shards (Kinesis's older call; ListShards is preferred).
   */
  DescribeStream: grpc.handleUnaryCall<_rheo_v1_DescribeStreamRequest__Output, _rheo_v1_DescribeStreamResponse>;
  
  /**
   * Describes one registered consumer.
   */
  DescribeStreamConsumer: grpc.handleUnaryCall<_rheo_v1_DescribeStreamConsumerRequest__Output, _rheo_v1_DescribeStreamConsumerResponse>;
  
  /**
   * Describes a stream without its shards.
   */
  DescribeStreamSummary: grpc.handleUnaryCall<_rheo_v1_DescribeStreamSummaryRequest__Output, _rheo_v1_DescribeStreamSummaryResponse>;
  
  /**
   * Switches shard-level metrics off.
   */
  DisableEnhancedMonitoring: grpc.handleUnaryCall<_rheo_v1_DisableEnhancedMonitoringRequest__Output, _rheo_v1_EnhancedMonitoringResponse>;
  
  /**
   * Switches shard-level metrics on.
   */
  EnableEnhancedMonitoring: grpc.handleUnaryCall<_rheo_v1_EnableEnhancedMonitoringRequest__Output, _rheo_v1_EnhancedMonitoringResponse>;
  
  /**
   * Raises the retention period (24..8760 hours).
   */
  IncreaseStreamRetentionPeriod: grpc.handleUnaryCall<_rheo_v1_IncreaseStreamRetentionPeriodRequest__Output, _rheo_v1_IncreaseStreamRetentionPeriodResponse>;
  
  /**
   * Lists a stream's shards with lineage, a page at a time, optionally filtered.
   */
  ListShards: grpc.handleUnaryCall<_rheo_v1_ListShardsRequest__Output, _rheo_v1_ListShardsResponse>;
  
  /**
   * Lists a stream's registered consumers, a page at a time.
   */
  ListStreamConsumers: grpc.handleUnaryCall<_rheo_v1_ListStreamConsumersRequest__Output, _rheo_v1_ListStreamConsumersResponse>;
  
  /**
   * Lists stream names, a page at a time.
   */
  ListStreams: grpc.handleUnaryCall<_rheo_v1_ListStreamsRequest__Output, _rheo_v1_ListStreamsResponse>;
  
  /**
   * Lists the tags of a stream or consumer named by ARN.
   */
  ListTagsForResource: grpc.handleUnaryCall<_rheo_v1_ListTagsForResourceRequest__Output, _rheo_v1_ListTagsForResourceResponse>;
  
  /**
   * Lists a stream's tags, a page at a time.
   */
  ListTagsForStream: grpc.handleUnaryCall<_rheo_v1_ListTagsForStreamRequest__Output, _rheo_v1_ListTagsForStreamResponse>;
  
  /**
   * Merges two open shards with adjacent hash-key ranges into one.
   */
  MergeShards: grpc.handleUnaryCall<_rheo_v1_MergeShardsRequest__Output, _rheo_v1_MergeShardsResponse>;
  
  /**
   * Registers an enhanced fan-out consumer (up to 20 per stream by default).
   */
  RegisterStreamConsumer: grpc.handleUnaryCall<_rheo_v1_RegisterStreamConsumerRequest__Output, _rheo_v1_RegisterStreamConsumerResponse>;
  
  /**
   * Removes tags from a stream by key.
   */
  RemoveTagsFromStream: grpc.handleUnaryCall<_rheo_v1_RemoveTagsFromStreamRequest__Output, _rheo_v1_RemoveTagsFromStreamResponse>;
  
  /**
   * Splits an open shard in two at a hash key.
   */
  SplitShard: grpc.handleUnaryCall<_rheo_v1_SplitShardRequest__Output, _rheo_v1_SplitShardResponse>;
  
  /**
   * Starts encrypting newly written data at rest with a managed key.
   */
  StartStreamEncryption: grpc.handleUnaryCall<_rheo_v1_StartStreamEncryptionRequest__Output, _rheo_v1_StartStreamEncryptionResponse>;
  
  /**
   * Stops encrypting newly written data at rest.
   */
  StopStreamEncryption: grpc.handleUnaryCall<_rheo_v1_StopStreamEncryptionRequest__Output, _rheo_v1_StopStreamEncryptionResponse>;
  
  /**
   * Adds or overwrites tags on a stream or consumer named by ARN (Kinesis's newer tag call).
   */
  TagResource: grpc.handleUnaryCall<_rheo_v1_TagResourceRequest__Output, _rheo_v1_TagResourceResponse>;
  
  /**
   * Removes tags from a stream or consumer named by ARN.
   */
  UntagResource: grpc.handleUnaryCall<_rheo_v1_UntagResourceRequest__Output, _rheo_v1_UntagResourceResponse>;
  
  /**
   * Splits and merges until the stream has the target number of open shards.
   */
  UpdateShardCount: grpc.handleUnaryCall<_rheo_v1_UpdateShardCountRequest__Output, _rheo_v1_UpdateShardCountResponse>;
  
  /**
   * Switches a stream between PROVISIONED and ON_DEMAND.
   */
  UpdateStreamMode: grpc.handleUnaryCall<_rheo_v1_UpdateStreamModeRequest__Output, _rheo_v1_UpdateStreamModeResponse>;
  
}

export interface StreamAdminDefinition extends grpc.ServiceDefinition {
  AddTagsToStream: MethodDefinition<_rheo_v1_AddTagsToStreamRequest, _rheo_v1_AddTagsToStreamResponse, _rheo_v1_AddTagsToStreamRequest__Output, _rheo_v1_AddTagsToStreamResponse__Output>
  CreateStream: MethodDefinition<_rheo_v1_CreateStreamRequest, _rheo_v1_CreateStreamResponse, _rheo_v1_CreateStreamRequest__Output, _rheo_v1_CreateStreamResponse__Output>
  DecreaseStreamRetentionPeriod: MethodDefinition<_rheo_v1_DecreaseStreamRetentionPeriodRequest, _rheo_v1_DecreaseStreamRetentionPeriodResponse, _rheo_v1_DecreaseStreamRetentionPeriodRequest__Output, _rheo_v1_DecreaseStreamRetentionPeriodResponse__Output>
  DeleteStream: MethodDefinition<_rheo_v1_DeleteStreamRequest, _rheo_v1_DeleteStreamResponse, _rheo_v1_DeleteStreamRequest__Output, _rheo_v1_DeleteStreamResponse__Output>
  DeregisterStreamConsumer: MethodDefinition<_rheo_v1_DeregisterStreamConsumerRequest, _rheo_v1_DeregisterStreamConsumerResponse, _rheo_v1_DeregisterStreamConsumerRequest__Output, _rheo_v1_DeregisterStreamConsumerResponse__Output>
  DescribeLimits: MethodDefinition<_rheo_v1_DescribeLimitsRequest, _rheo_v1_DescribeLimitsResponse, _rheo_v1_DescribeLimitsRequest__Output, _rheo_v1_DescribeLimitsResponse__Output>
  DescribeStream: MethodDefinition<_rheo_v1_DescribeStreamRequest, _rheo_v1_DescribeStreamResponse, _rheo_v1_DescribeStreamRequest__Output, _rheo_v1_DescribeStreamResponse__Output>
  DescribeStreamConsumer: MethodDefinition<_rheo_v1_DescribeStreamConsumerRequest, _rheo_v1_DescribeStreamConsumerResponse, _rheo_v1_DescribeStreamConsumerRequest__Output, _rheo_v1_DescribeStreamConsumerResponse__Output>
  DescribeStreamSummary: MethodDefinition<_rheo_v1_DescribeStreamSummaryRequest, _rheo_v1_DescribeStreamSummaryResponse, _rheo_v1_DescribeStreamSummaryRequest__Output, _rheo_v1_DescribeStreamSummaryResponse__Output>
  DisableEnhancedMonitoring: MethodDefinition<_rheo_v1_DisableEnhancedMonitoringRequest, _rheo_v1_EnhancedMonitoringResponse, _rheo_v1_DisableEnhancedMonitoringRequest__Output, _rheo_v1_EnhancedMonitoringResponse__Output>
  EnableEnhancedMonitoring: MethodDefinition<_rheo_v1_EnableEnhancedMonitoringRequest, _rheo_v1_EnhancedMonitoringResponse, _rheo_v1_EnableEnhancedMonitoringRequest__Output, _rheo_v1_EnhancedMonitoringResponse__Output>
  IncreaseStreamRetentionPeriod: MethodDefinition<_rheo_v1_IncreaseStreamRetentionPeriodRequest, _rheo_v1_IncreaseStreamRetentionPeriodResponse, _rheo_v1_IncreaseStreamRetentionPeriodRequest__Output, _rheo_v1_IncreaseStreamRetentionPeriodResponse__Output>
  ListShards: MethodDefinition<_rheo_v1_ListShardsRequest, _rheo_v1_ListShardsResponse, _rheo_v1_ListShardsRequest__Output, _rheo_v1_ListShardsResponse__Output>
  ListStreamConsumers: MethodDefinition<_rheo_v1_ListStreamConsumersRequest, _rheo_v1_ListStreamConsumersResponse, _rheo_v1_ListStreamConsumersRequest__Output, _rheo_v1_ListStreamConsumersResponse__Output>
  ListStreams: MethodDefinition<_rheo_v1_ListStreamsRequest, _rheo_v1_ListStreamsResponse, _rheo_v1_ListStreamsRequest__Output, _rheo_v1_ListStreamsResponse__Output>
  ListTagsForResource: MethodDefinition<_rheo_v1_ListTagsForResourceRequest, _rheo_v1_ListTagsForResourceResponse, _rheo_v1_ListTagsForResourceRequest__Output, _rheo_v1_ListTagsForResourceResponse__Output>
  ListTagsForStream: MethodDefinition<_rheo_v1_ListTagsForStreamRequest, _rheo_v1_ListTagsForStreamResponse, _rheo_v1_ListTagsForStreamRequest__Output, _rheo_v1_ListTagsForStreamResponse__Output>
  MergeShards: MethodDefinition<_rheo_v1_MergeShardsRequest, _rheo_v1_MergeShardsResponse, _rheo_v1_MergeShardsRequest__Output, _rheo_v1_MergeShardsResponse__Output>
  RegisterStreamConsumer: MethodDefinition<_rheo_v1_RegisterStreamConsumerRequest, _rheo_v1_RegisterStreamConsumerResponse, _rheo_v1_RegisterStreamConsumerRequest__Output, _rheo_v1_RegisterStreamConsumerResponse__Output>
  RemoveTagsFromStream: MethodDefinition<_rheo_v1_RemoveTagsFromStreamRequest, _rheo_v1_RemoveTagsFromStreamResponse, _rheo_v1_RemoveTagsFromStreamRequest__Output, _rheo_v1_RemoveTagsFromStreamResponse__Output>
  SplitShard: MethodDefinition<_rheo_v1_SplitShardRequest, _rheo_v1_SplitShardResponse, _rheo_v1_SplitShardRequest__Output, _rheo_v1_SplitShardResponse__Output>
  StartStreamEncryption: MethodDefinition<_rheo_v1_StartStreamEncryptionRequest, _rheo_v1_StartStreamEncryptionResponse, _rheo_v1_StartStreamEncryptionRequest__Output, _rheo_v1_StartStreamEncryptionResponse__Output>
  StopStreamEncryption: MethodDefinition<_rheo_v1_StopStreamEncryptionRequest, _rheo_v1_StopStreamEncryptionResponse, _rheo_v1_StopStreamEncryptionRequest__Output, _rheo_v1_StopStreamEncryptionResponse__Output>
  TagResource: MethodDefinition<_rheo_v1_TagResourceRequest, _rheo_v1_TagResourceResponse, _rheo_v1_TagResourceRequest__Output, _rheo_v1_TagResourceResponse__Output>
  UntagResource: MethodDefinition<_rheo_v1_UntagResourceRequest, _rheo_v1_UntagResourceResponse, _rheo_v1_UntagResourceRequest__Output, _rheo_v1_UntagResourceResponse__Output>
  UpdateShardCount: MethodDefinition<_rheo_v1_UpdateShardCountRequest, _rheo_v1_UpdateShardCountResponse, _rheo_v1_UpdateShardCountRequest__Output, _rheo_v1_UpdateShardCountResponse__Output>
  UpdateStreamMode: MethodDefinition<_rheo_v1_UpdateStreamModeRequest, _rheo_v1_UpdateStreamModeResponse, _rheo_v1_UpdateStreamModeRequest__Output, _rheo_v1_UpdateStreamModeResponse__Output>
}
