import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { AddTagsToStreamRequest as _rheo_v1_AddTagsToStreamRequest, AddTagsToStreamRequest__Output as _rheo_v1_AddTagsToStreamRequest__Output } from './rheo/v1/AddTagsToStreamRequest.js';
import type { AddTagsToStreamResponse as _rheo_v1_AddTagsToStreamResponse, AddTagsToStreamResponse__Output as _rheo_v1_AddTagsToStreamResponse__Output } from './rheo/v1/AddTagsToStreamResponse.js';
import type { ChildShard as _rheo_v1_ChildShard, ChildShard__Output as _rheo_v1_ChildShard__Output } from './rheo/v1/ChildShard.js';
import type { Consumer as _rheo_v1_Consumer, Consumer__Output as _rheo_v1_Consumer__Output } from './rheo/v1/Consumer.js';
import type { CreateStreamRequest as _rheo_v1_CreateStreamRequest, CreateStreamRequest__Output as _rheo_v1_CreateStreamRequest__Output } from './rheo/v1/CreateStreamRequest.js';
import type { CreateStreamResponse as _rheo_v1_CreateStreamResponse, CreateStreamResponse__Output as _rheo_v1_CreateStreamResponse__Output } from './rheo/v1/CreateStreamResponse.js';
import type { DecreaseStreamRetentionPeriodRequest as _rheo_v1_DecreaseStreamRetentionPeriodRequest, DecreaseStreamRetentionPeriodRequest__Output as _rheo_v1_DecreaseStreamRetentionPeriodRequest__Output } from './rheo/v1/DecreaseStreamRetentionPeriodRequest.js';
import type { DecreaseStreamRetentionPeriodResponse as _rheo_v1_DecreaseStreamRetentionPeriodResponse, DecreaseStreamRetentionPeriodResponse__Output as _rheo_v1_DecreaseStreamRetentionPeriodResponse__Output } from './rheo/v1/DecreaseStreamRetentionPeriodResponse.js';
import type { DeleteStreamRequest as _rheo_v1_DeleteStreamRequest, DeleteStreamRequest__Output as _rheo_v1_DeleteStreamRequest__Output } from './rheo/v1/DeleteStreamRequest.js';
import type { DeleteStreamResponse as _rheo_v1_DeleteStreamResponse, DeleteStreamResponse__Output as _rheo_v1_DeleteStreamResponse__Output } from './rheo/v1/DeleteStreamResponse.js';
import type { DeregisterStreamConsumerRequest as _rheo_v1_DeregisterStreamConsumerRequest, DeregisterStreamConsumerRequest__Output as _rheo_v1_DeregisterStreamConsumerRequest__Output } from './rheo/v1/DeregisterStreamConsumerRequest.js';
import type { DeregisterStreamConsumerResponse as _rheo_v1_DeregisterStreamConsumerResponse, DeregisterStreamConsumerResponse__Output as _rheo_v1_DeregisterStreamConsumerResponse__Output } from './rheo/v1/DeregisterStreamConsumerResponse.js';
import type { DescribeLimitsRequest as _rheo_v1_DescribeLimitsRequest, DescribeLimitsRequest__Output as _rheo_v1_DescribeLimitsRequest__Output } from './rheo/v1/DescribeLimitsRequest.js';
import type { DescribeLimitsResponse as _rheo_v1_DescribeLimitsResponse, DescribeLimitsResponse__Output as _rheo_v1_DescribeLimitsResponse__Output } from './rheo/v1/DescribeLimitsResponse.js';
import type { DescribeStreamConsumerRequest as _rheo_v1_DescribeStreamConsumerRequest, DescribeStreamConsumerRequest__Output as _rheo_v1_DescribeStreamConsumerRequest__Output } from './rheo/v1/DescribeStreamConsumerRequest.js';
import type { DescribeStreamConsumerResponse as _rheo_v1_DescribeStreamConsumerResponse, DescribeStreamConsumerResponse__Output as _rheo_v1_DescribeStreamConsumerResponse__Output } from './rheo/v1/DescribeStreamConsumerResponse.js';
import type { DescribeStreamRequest as _rheo_v1_DescribeStreamRequest, DescribeStreamRequest__Output as _rheo_v1_DescribeStreamRequest__Output } from './rheo/v1/DescribeStreamRequest.js';
import type { DescribeStreamResponse as _rheo_v1_DescribeStreamResponse, DescribeStreamResponse__Output as _rheo_v1_DescribeStreamResponse__Output } from './rheo/v1/DescribeStreamResponse.js';
import type { DescribeStreamSummaryRequest as _rheo_v1_DescribeStreamSummaryRequest, DescribeStreamSummaryRequest__Output as _rheo_v1_DescribeStreamSummaryRequest__Output } from './rheo/v1/DescribeStreamSummaryRequest.js';
import type { DescribeStreamSummaryResponse as _rheo_v1_DescribeStreamSummaryResponse, DescribeStreamSummaryResponse__Output as _rheo_v1_DescribeStreamSummaryResponse__Output } from './rheo/v1/DescribeStreamSummaryResponse.js';
import type { DisableEnhancedMonitoringRequest as _rheo_v1_DisableEnhancedMonitoringRequest, DisableEnhancedMonitoringRequest__Output as _rheo_v1_DisableEnhancedMonitoringRequest__Output } from './rheo/v1/DisableEnhancedMonitoringRequest.js';
import type { EnableEnhancedMonitoringRequest as _rheo_v1_EnableEnhancedMonitoringRequest, EnableEnhancedMonitoringRequest__Output as _rheo_v1_EnableEnhancedMonitoringRequest__Output } from './rheo/v1/EnableEnhancedMonitoringRequest.js';
import type { EnhancedMetrics as _rheo_v1_EnhancedMetrics, EnhancedMetrics__Output as _rheo_v1_EnhancedMetrics__Output } from './rheo/v1/EnhancedMetrics.js';
import type { EnhancedMonitoringResponse as _rheo_v1_EnhancedMonitoringResponse, EnhancedMonitoringResponse__Output as _rheo_v1_EnhancedMonitoringResponse__Output } from './rheo/v1/EnhancedMonitoringResponse.js';
import type { ErrorDetail as _rheo_v1_ErrorDetail, ErrorDetail__Output as _rheo_v1_ErrorDetail__Output } from './rheo/v1/ErrorDetail.js';
import type { HashKeyRange as _rheo_v1_HashKeyRange, HashKeyRange__Output as _rheo_v1_HashKeyRange__Output } from './rheo/v1/HashKeyRange.js';
import type { IncreaseStreamRetentionPeriodRequest as _rheo_v1_IncreaseStreamRetentionPeriodRequest, IncreaseStreamRetentionPeriodRequest__Output as _rheo_v1_IncreaseStreamRetentionPeriodRequest__Output } from './rheo/v1/IncreaseStreamRetentionPeriodRequest.js';
import type { IncreaseStreamRetentionPeriodResponse as _rheo_v1_IncreaseStreamRetentionPeriodResponse, IncreaseStreamRetentionPeriodResponse__Output as _rheo_v1_IncreaseStreamRetentionPeriodResponse__Output } from './rheo/v1/IncreaseStreamRetentionPeriodResponse.js';
import type { ListShardsRequest as _rheo_v1_ListShardsRequest, ListShardsRequest__Output as _rheo_v1_ListShardsRequest__Output } from './rheo/v1/ListShardsRequest.js';
import type { ListShardsResponse as _rheo_v1_ListShardsResponse, ListShardsResponse__Output as _rheo_v1_ListShardsResponse__Output } from './rheo/v1/ListShardsResponse.js';
import type { ListStreamConsumersRequest as _rheo_v1_ListStreamConsumersRequest, ListStreamConsumersRequest__Output as _rheo_v1_ListStreamConsumersRequest__Output } from './rheo/v1/ListStreamConsumersRequest.js';
import type { ListStreamConsumersResponse as _rheo_v1_ListStreamConsumersResponse, ListStreamConsumersResponse__Output as _rheo_v1_ListStreamConsumersResponse__Output } from './rheo/v1/ListStreamConsumersResponse.js';
import type { ListStreamsRequest as _rheo_v1_ListStreamsRequest, ListStreamsRequest__Output as _rheo_v1_ListStreamsRequest__Output } from './rheo/v1/ListStreamsRequest.js';
import type { ListStreamsResponse as _rheo_v1_ListStreamsResponse, ListStreamsResponse__Output as _rheo_v1_ListStreamsResponse__Output } from './rheo/v1/ListStreamsResponse.js';
import type { ListTagsForResourceRequest as _rheo_v1_ListTagsForResourceRequest, ListTagsForResourceRequest__Output as _rheo_v1_ListTagsForResourceRequest__Output } from './rheo/v1/ListTagsForResourceRequest.js';
import type { ListTagsForResourceResponse as _rheo_v1_ListTagsForResourceResponse, ListTagsForResourceResponse__Output as _rheo_v1_ListTagsForResourceResponse__Output } from './rheo/v1/ListTagsForResourceResponse.js';
import type { ListTagsForStreamRequest as _rheo_v1_ListTagsForStreamRequest, ListTagsForStreamRequest__Output as _rheo_v1_ListTagsForStreamRequest__Output } from './rheo/v1/ListTagsForStreamRequest.js';
import type { ListTagsForStreamResponse as _rheo_v1_ListTagsForStreamResponse, ListTagsForStreamResponse__Output as _rheo_v1_ListTagsForStreamResponse__Output } from './rheo/v1/ListTagsForStreamResponse.js';
import type { MergeShardsRequest as _rheo_v1_MergeShardsRequest, MergeShardsRequest__Output as _rheo_v1_MergeShardsRequest__Output } from './rheo/v1/MergeShardsRequest.js';
import type { MergeShardsResponse as _rheo_v1_MergeShardsResponse, MergeShardsResponse__Output as _rheo_v1_MergeShardsResponse__Output } from './rheo/v1/MergeShardsResponse.js';
import type { RegisterStreamConsumerRequest as _rheo_v1_RegisterStreamConsumerRequest, RegisterStreamConsumerRequest__Output as _rheo_v1_RegisterStreamConsumerRequest__Output } from './rheo/v1/RegisterStreamConsumerRequest.js';
import type { RegisterStreamConsumerResponse as _rheo_v1_RegisterStreamConsumerResponse, RegisterStreamConsumerResponse__Output as _rheo_v1_RegisterStreamConsumerResponse__Output } from './rheo/v1/RegisterStreamConsumerResponse.js';
import type { RemoveTagsFromStreamRequest as _rheo_v1_RemoveTagsFromStreamRequest, RemoveTagsFromStreamRequest__Output as _rheo_v1_RemoveTagsFromStreamRequest__Output } from './rheo/v1/RemoveTagsFromStreamRequest.js';
import type { RemoveTagsFromStreamResponse as _rheo_v1_RemoveTagsFromStreamResponse, RemoveTagsFromStreamResponse__Output as _rheo_v1_RemoveTagsFromStreamResponse__Output } from './rheo/v1/RemoveTagsFromStreamResponse.js';
import type { SequenceNumberRange as _rheo_v1_SequenceNumberRange, SequenceNumberRange__Output as _rheo_v1_SequenceNumberRange__Output } from './rheo/v1/SequenceNumberRange.js';
import type { Shard as _rheo_v1_Shard, Shard__Output as _rheo_v1_Shard__Output } from './rheo/v1/Shard.js';
import type { ShardFilter as _rheo_v1_ShardFilter, ShardFilter__Output as _rheo_v1_ShardFilter__Output } from './rheo/v1/ShardFilter.js';
import type { ShardThroughputLimits as _rheo_v1_ShardThroughputLimits, ShardThroughputLimits__Output as _rheo_v1_ShardThroughputLimits__Output } from './rheo/v1/ShardThroughputLimits.js';
import type { SplitShardRequest as _rheo_v1_SplitShardRequest, SplitShardRequest__Output as _rheo_v1_SplitShardRequest__Output } from './rheo/v1/SplitShardRequest.js';
import type { SplitShardResponse as _rheo_v1_SplitShardResponse, SplitShardResponse__Output as _rheo_v1_SplitShardResponse__Output } from './rheo/v1/SplitShardResponse.js';
import type { StartStreamEncryptionRequest as _rheo_v1_StartStreamEncryptionRequest, StartStreamEncryptionRequest__Output as _rheo_v1_StartStreamEncryptionRequest__Output } from './rheo/v1/StartStreamEncryptionRequest.js';
import type { StartStreamEncryptionResponse as _rheo_v1_StartStreamEncryptionResponse, StartStreamEncryptionResponse__Output as _rheo_v1_StartStreamEncryptionResponse__Output } from './rheo/v1/StartStreamEncryptionResponse.js';
import type { StartingPosition as _rheo_v1_StartingPosition, StartingPosition__Output as _rheo_v1_StartingPosition__Output } from './rheo/v1/StartingPosition.js';
import type { StopStreamEncryptionRequest as _rheo_v1_StopStreamEncryptionRequest, StopStreamEncryptionRequest__Output as _rheo_v1_StopStreamEncryptionRequest__Output } from './rheo/v1/StopStreamEncryptionRequest.js';
import type { StopStreamEncryptionResponse as _rheo_v1_StopStreamEncryptionResponse, StopStreamEncryptionResponse__Output as _rheo_v1_StopStreamEncryptionResponse__Output } from './rheo/v1/StopStreamEncryptionResponse.js';
import type { StreamAdminClient as _rheo_v1_StreamAdminClient, StreamAdminDefinition as _rheo_v1_StreamAdminDefinition } from './rheo/v1/StreamAdmin.js';
import type { StreamDescription as _rheo_v1_StreamDescription, StreamDescription__Output as _rheo_v1_StreamDescription__Output } from './rheo/v1/StreamDescription.js';
import type { StreamDescriptionSummary as _rheo_v1_StreamDescriptionSummary, StreamDescriptionSummary__Output as _rheo_v1_StreamDescriptionSummary__Output } from './rheo/v1/StreamDescriptionSummary.js';
import type { StreamModeDetails as _rheo_v1_StreamModeDetails, StreamModeDetails__Output as _rheo_v1_StreamModeDetails__Output } from './rheo/v1/StreamModeDetails.js';
import type { StreamSummary as _rheo_v1_StreamSummary, StreamSummary__Output as _rheo_v1_StreamSummary__Output } from './rheo/v1/StreamSummary.js';
import type { Tag as _rheo_v1_Tag, Tag__Output as _rheo_v1_Tag__Output } from './rheo/v1/Tag.js';
import type { TagResourceRequest as _rheo_v1_TagResourceRequest, TagResourceRequest__Output as _rheo_v1_TagResourceRequest__Output } from './rheo/v1/TagResourceRequest.js';
import type { TagResourceResponse as _rheo_v1_TagResourceResponse, TagResourceResponse__Output as _rheo_v1_TagResourceResponse__Output } from './rheo/v1/TagResourceResponse.js';
import type { UntagResourceRequest as _rheo_v1_UntagResourceRequest, UntagResourceRequest__Output as _rheo_v1_UntagResourceRequest__Output } from './rheo/v1/UntagResourceRequest.js';
import type { UntagResourceResponse as _rheo_v1_UntagResourceResponse, UntagResourceResponse__Output as _rheo_v1_UntagResourceResponse__Output } from './rheo/v1/UntagResourceResponse.js';
import type { UpdateShardCountRequest as _rheo_v1_UpdateShardCountRequest, UpdateShardCountRequest__Output as _rheo_v1_UpdateShardCountRequest__Output } from './rheo/v1/UpdateShardCountRequest.js';
import type { UpdateShardCountResponse as _rheo_v1_UpdateShardCountResponse, UpdateShardCountResponse__Output as _rheo_v1_UpdateShardCountResponse__Output } from './rheo/v1/UpdateShardCountResponse.js';
import type { UpdateStreamModeRequest as _rheo_v1_UpdateStreamModeRequest, UpdateStreamModeRequest__Output as _rheo_v1_UpdateStreamModeRequest__Output } from './rheo/v1/UpdateStreamModeRequest.js';
import type { UpdateStreamModeResponse as _rheo_v1_UpdateStreamModeResponse, UpdateStreamModeResponse__Output as _rheo_v1_UpdateStreamModeResponse__Output } from './rheo/v1/UpdateStreamModeResponse.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  rheo: {
    v1: {
      AddTagsToStreamRequest: MessageTypeDefinition<_rheo_v1_AddTagsToStreamRequest, _rheo_v1_AddTagsToStreamRequest__Output>
      AddTagsToStreamResponse: MessageTypeDefinition<_rheo_v1_AddTagsToStreamResponse, _rheo_v1_AddTagsToStreamResponse__Output>
      ChildShard: MessageTypeDefinition<_rheo_v1_ChildShard, _rheo_v1_ChildShard__Output>
      Consumer: MessageTypeDefinition<_rheo_v1_Consumer, _rheo_v1_Consumer__Output>
      ConsumerStatus: EnumTypeDefinition
      CreateStreamRequest: MessageTypeDefinition<_rheo_v1_CreateStreamRequest, _rheo_v1_CreateStreamRequest__Output>
      CreateStreamResponse: MessageTypeDefinition<_rheo_v1_CreateStreamResponse, _rheo_v1_CreateStreamResponse__Output>
      DecreaseStreamRetentionPeriodRequest: MessageTypeDefinition<_rheo_v1_DecreaseStreamRetentionPeriodRequest, _rheo_v1_DecreaseStreamRetentionPeriodRequest__Output>
      DecreaseStreamRetentionPeriodResponse: MessageTypeDefinition<_rheo_v1_DecreaseStreamRetentionPeriodResponse, _rheo_v1_DecreaseStreamRetentionPeriodResponse__Output>
      DeleteStreamRequest: MessageTypeDefinition<_rheo_v1_DeleteStreamRequest, _rheo_v1_DeleteStreamRequest__Output>
      DeleteStreamResponse: MessageTypeDefinition<_rheo_v1_DeleteStreamResponse, _rheo_v1_DeleteStreamResponse__Output>
      DeregisterStreamConsumerRequest: MessageTypeDefinition<_rheo_v1_DeregisterStreamConsumerRequest, _rheo_v1_DeregisterStreamConsumerRequest__Output>
      DeregisterStreamConsumerResponse: MessageTypeDefinition<_rheo_v1_DeregisterStreamConsumerResponse, _rheo_v1_DeregisterStreamConsumerResponse__Output>
      DescribeLimitsRequest: MessageTypeDefinition<_rheo_v1_DescribeLimitsRequest, _rheo_v1_DescribeLimitsRequest__Output>
      DescribeLimitsResponse: MessageTypeDefinition<_rheo_v1_DescribeLimitsResponse, _rheo_v1_DescribeLimitsResponse__Output>
      DescribeStreamConsumerRequest: MessageTypeDefinition<_rheo_v1_DescribeStreamConsumerRequest, _rheo_v1_DescribeStreamConsumerRequest__Output>
      DescribeStreamConsumerResponse: MessageTypeDefinition<_rheo_v1_DescribeStreamConsumerResponse, _rheo_v1_DescribeStreamConsumerResponse__Output>
      DescribeStreamRequest: MessageTypeDefinition<_rheo_v1_DescribeStreamRequest, _rheo_v1_DescribeStreamRequest__Output>
      DescribeStreamResponse: MessageTypeDefinition<_rheo_v1_DescribeStreamResponse, _rheo_v1_DescribeStreamResponse__Output>
      DescribeStreamSummaryRequest: MessageTypeDefinition<_rheo_v1_DescribeStreamSummaryRequest, _rheo_v1_DescribeStreamSummaryRequest__Output>
      DescribeStreamSummaryResponse: MessageTypeDefinition<_rheo_v1_DescribeStreamSummaryResponse, _rheo_v1_DescribeStreamSummaryResponse__Output>
      DisableEnhancedMonitoringRequest: MessageTypeDefinition<_rheo_v1_DisableEnhancedMonitoringRequest, _rheo_v1_DisableEnhancedMonitoringRequest__Output>
      EnableEnhancedMonitoringRequest: MessageTypeDefinition<_rheo_v1_EnableEnhancedMonitoringRequest, _rheo_v1_EnableEnhancedMonitoringRequest__Output>
      EncryptionType: EnumTypeDefinition
      EnhancedMetrics: MessageTypeDefinition<_rheo_v1_EnhancedMetrics, _rheo_v1_EnhancedMetrics__Output>
      EnhancedMonitoringResponse: MessageTypeDefinition<_rheo_v1_EnhancedMonitoringResponse, _rheo_v1_EnhancedMonitoringResponse__Output>
      ErrorDetail: MessageTypeDefinition<_rheo_v1_ErrorDetail, _rheo_v1_ErrorDetail__Output>
      HashKeyRange: MessageTypeDefinition<_rheo_v1_HashKeyRange, _rheo_v1_HashKeyRange__Output>
      IncreaseStreamRetentionPeriodRequest: MessageTypeDefinition<_rheo_v1_IncreaseStreamRetentionPeriodRequest, _rheo_v1_IncreaseStreamRetentionPeriodRequest__Output>
      IncreaseStreamRetentionPeriodResponse: MessageTypeDefinition<_rheo_v1_IncreaseStreamRetentionPeriodResponse, _rheo_v1_IncreaseStreamRetentionPeriodResponse__Output>
      ListShardsRequest: MessageTypeDefinition<_rheo_v1_ListShardsRequest, _rheo_v1_ListShardsRequest__Output>
      ListShardsResponse: MessageTypeDefinition<_rheo_v1_ListShardsResponse, _rheo_v1_ListShardsResponse__Output>
      ListStreamConsumersRequest: MessageTypeDefinition<_rheo_v1_ListStreamConsumersRequest, _rheo_v1_ListStreamConsumersRequest__Output>
      ListStreamConsumersResponse: MessageTypeDefinition<_rheo_v1_ListStreamConsumersResponse, _rheo_v1_ListStreamConsumersResponse__Output>
      ListStreamsRequest: MessageTypeDefinition<_rheo_v1_ListStreamsRequest, _rheo_v1_ListStreamsRequest__Output>
      ListStreamsResponse: MessageTypeDefinition<_rheo_v1_ListStreamsResponse, _rheo_v1_ListStreamsResponse__Output>
      ListTagsForResourceRequest: MessageTypeDefinition<_rheo_v1_ListTagsForResourceRequest, _rheo_v1_ListTagsForResourceRequest__Output>
      ListTagsForResourceResponse: MessageTypeDefinition<_rheo_v1_ListTagsForResourceResponse, _rheo_v1_ListTagsForResourceResponse__Output>
      ListTagsForStreamRequest: MessageTypeDefinition<_rheo_v1_ListTagsForStreamRequest, _rheo_v1_ListTagsForStreamRequest__Output>
      ListTagsForStreamResponse: MessageTypeDefinition<_rheo_v1_ListTagsForStreamResponse, _rheo_v1_ListTagsForStreamResponse__Output>
      MergeShardsRequest: MessageTypeDefinition<_rheo_v1_MergeShardsRequest, _rheo_v1_MergeShardsRequest__Output>
      MergeShardsResponse: MessageTypeDefinition<_rheo_v1_MergeShardsResponse, _rheo_v1_MergeShardsResponse__Output>
      RegisterStreamConsumerRequest: MessageTypeDefinition<_rheo_v1_RegisterStreamConsumerRequest, _rheo_v1_RegisterStreamConsumerRequest__Output>
      RegisterStreamConsumerResponse: MessageTypeDefinition<_rheo_v1_RegisterStreamConsumerResponse, _rheo_v1_RegisterStreamConsumerResponse__Output>
      RemoveTagsFromStreamRequest: MessageTypeDefinition<_rheo_v1_RemoveTagsFromStreamRequest, _rheo_v1_RemoveTagsFromStreamRequest__Output>
      RemoveTagsFromStreamResponse: MessageTypeDefinition<_rheo_v1_RemoveTagsFromStreamResponse, _rheo_v1_RemoveTagsFromStreamResponse__Output>
      ScalingType: EnumTypeDefinition
      SequenceNumberRange: MessageTypeDefinition<_rheo_v1_SequenceNumberRange, _rheo_v1_SequenceNumberRange__Output>
      Shard: MessageTypeDefinition<_rheo_v1_Shard, _rheo_v1_Shard__Output>
      ShardFilter: MessageTypeDefinition<_rheo_v1_ShardFilter, _rheo_v1_ShardFilter__Output>
      ShardFilterType: EnumTypeDefinition
      ShardIteratorType: EnumTypeDefinition
      ShardLevelMetric: EnumTypeDefinition
      ShardThroughputLimits: MessageTypeDefinition<_rheo_v1_ShardThroughputLimits, _rheo_v1_ShardThroughputLimits__Output>
      SplitShardRequest: MessageTypeDefinition<_rheo_v1_SplitShardRequest, _rheo_v1_SplitShardRequest__Output>
      SplitShardResponse: MessageTypeDefinition<_rheo_v1_SplitShardResponse, _rheo_v1_SplitShardResponse__Output>
      StartStreamEncryptionRequest: MessageTypeDefinition<_rheo_v1_StartStreamEncryptionRequest, _rheo_v1_StartStreamEncryptionRequest__Output>
      StartStreamEncryptionResponse: MessageTypeDefinition<_rheo_v1_StartStreamEncryptionResponse, _rheo_v1_StartStreamEncryptionResponse__Output>
      StartingPosition: MessageTypeDefinition<_rheo_v1_StartingPosition, _rheo_v1_StartingPosition__Output>
      StopStreamEncryptionRequest: MessageTypeDefinition<_rheo_v1_StopStreamEncryptionRequest, _rheo_v1_StopStreamEncryptionRequest__Output>
      StopStreamEncryptionResponse: MessageTypeDefinition<_rheo_v1_StopStreamEncryptionResponse, _rheo_v1_StopStreamEncryptionResponse__Output>
      /**
       * Stream administration. Errors: see ErrorDetail (common.proto).
       */
      StreamAdmin: SubtypeConstructor<typeof grpc.Client, _rheo_v1_StreamAdminClient> & { service: _rheo_v1_StreamAdminDefinition }
      StreamDescription: MessageTypeDefinition<_rheo_v1_StreamDescription, _rheo_v1_StreamDescription__Output>
      StreamDescriptionSummary: MessageTypeDefinition<_rheo_v1_StreamDescriptionSummary, _rheo_v1_StreamDescriptionSummary__Output>
      StreamMode: EnumTypeDefinition
      StreamModeDetails: MessageTypeDefinition<_rheo_v1_StreamModeDetails, _rheo_v1_StreamModeDetails__Output>
      StreamStatus: EnumTypeDefinition
      StreamSummary: MessageTypeDefinition<_rheo_v1_StreamSummary, _rheo_v1_StreamSummary__Output>
      Tag: MessageTypeDefinition<_rheo_v1_Tag, _rheo_v1_Tag__Output>
      TagResourceRequest: MessageTypeDefinition<_rheo_v1_TagResourceRequest, _rheo_v1_TagResourceRequest__Output>
      TagResourceResponse: MessageTypeDefinition<_rheo_v1_TagResourceResponse, _rheo_v1_TagResourceResponse__Output>
      UntagResourceRequest: MessageTypeDefinition<_rheo_v1_UntagResourceRequest, _rheo_v1_UntagResourceRequest__Output>
      UntagResourceResponse: MessageTypeDefinition<_rheo_v1_UntagResourceResponse, _rheo_v1_UntagResourceResponse__Output>
      UpdateShardCountRequest: MessageTypeDefinition<_rheo_v1_UpdateShardCountRequest, _rheo_v1_UpdateShardCountRequest__Output>
      UpdateShardCountResponse: MessageTypeDefinition<_rheo_v1_UpdateShardCountResponse, _rheo_v1_UpdateShardCountResponse__Output>
      UpdateStreamModeRequest: MessageTypeDefinition<_rheo_v1_UpdateStreamModeRequest, _rheo_v1_UpdateStreamModeRequest__Output>
      UpdateStreamModeResponse: MessageTypeDefinition<_rheo_v1_UpdateStreamModeResponse, _rheo_v1_UpdateStreamModeResponse__Output>
    }
  }
}

