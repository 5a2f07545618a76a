import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { ChildShard as _rheo_v1_ChildShard, ChildShard__Output as _rheo_v1_ChildShard__Output } from './rheo/v1/ChildShard.js';
import type { EnhancedMetrics as _rheo_v1_EnhancedMetrics, EnhancedMetrics__Output as _rheo_v1_EnhancedMetrics__Output } from './rheo/v1/EnhancedMetrics.js';
import type { ErrorDetail as _rheo_v1_ErrorDetail, ErrorDetail__Output as _rheo_v1_ErrorDetail__Output } from './rheo/v1/ErrorDetail.js';
import type { GetRecordsRequest as _rheo_v1_GetRecordsRequest, GetRecordsRequest__Output as _rheo_v1_GetRecordsRequest__Output } from './rheo/v1/GetRecordsRequest.js';
import type { GetRecordsResponse as _rheo_v1_GetRecordsResponse, GetRecordsResponse__Output as _rheo_v1_GetRecordsResponse__Output } from './rheo/v1/GetRecordsResponse.js';
import type { GetShardIteratorRequest as _rheo_v1_GetShardIteratorRequest, GetShardIteratorRequest__Output as _rheo_v1_GetShardIteratorRequest__Output } from './rheo/v1/GetShardIteratorRequest.js';
import type { GetShardIteratorResponse as _rheo_v1_GetShardIteratorResponse, GetShardIteratorResponse__Output as _rheo_v1_GetShardIteratorResponse__Output } from './rheo/v1/GetShardIteratorResponse.js';
import type { HashKeyRange as _rheo_v1_HashKeyRange, HashKeyRange__Output as _rheo_v1_HashKeyRange__Output } from './rheo/v1/HashKeyRange.js';
import type { ProduceRequest as _rheo_v1_ProduceRequest, ProduceRequest__Output as _rheo_v1_ProduceRequest__Output } from './rheo/v1/ProduceRequest.js';
import type { ProduceResponse as _rheo_v1_ProduceResponse, ProduceResponse__Output as _rheo_v1_ProduceResponse__Output } from './rheo/v1/ProduceResponse.js';
import type { ProduceWindow as _rheo_v1_ProduceWindow, ProduceWindow__Output as _rheo_v1_ProduceWindow__Output } from './rheo/v1/ProduceWindow.js';
import type { PutRecordRequest as _rheo_v1_PutRecordRequest, PutRecordRequest__Output as _rheo_v1_PutRecordRequest__Output } from './rheo/v1/PutRecordRequest.js';
import type { PutRecordResponse as _rheo_v1_PutRecordResponse, PutRecordResponse__Output as _rheo_v1_PutRecordResponse__Output } from './rheo/v1/PutRecordResponse.js';
import type { PutRecordsRequest as _rheo_v1_PutRecordsRequest, PutRecordsRequest__Output as _rheo_v1_PutRecordsRequest__Output } from './rheo/v1/PutRecordsRequest.js';
import type { PutRecordsResponse as _rheo_v1_PutRecordsResponse, PutRecordsResponse__Output as _rheo_v1_PutRecordsResponse__Output } from './rheo/v1/PutRecordsResponse.js';
import type { SequenceNumberRange as _rheo_v1_SequenceNumberRange, SequenceNumberRange__Output as _rheo_v1_SequenceNumberRange__Output } from './rheo/v1/SequenceNumberRange.js';
import type { Shard as _rheo_v1_Shard, Shard__Output as _rheo_v1_Shard__Output } from './rheo/v1/Shard.js';
import type { StartingPosition as _rheo_v1_StartingPosition, StartingPosition__Output as _rheo_v1_StartingPosition__Output } from './rheo/v1/StartingPosition.js';
import type { StreamDataClient as _rheo_v1_StreamDataClient, StreamDataDefinition as _rheo_v1_StreamDataDefinition } from './rheo/v1/StreamData.js';
import type { StreamModeDetails as _rheo_v1_StreamModeDetails, StreamModeDetails__Output as _rheo_v1_StreamModeDetails__Output } from './rheo/v1/StreamModeDetails.js';
import type { SubscribeToShardEvent as _rheo_v1_SubscribeToShardEvent, SubscribeToShardEvent__Output as _rheo_v1_SubscribeToShardEvent__Output } from './rheo/v1/SubscribeToShardEvent.js';
import type { SubscribeToShardRequest as _rheo_v1_SubscribeToShardRequest, SubscribeToShardRequest__Output as _rheo_v1_SubscribeToShardRequest__Output } from './rheo/v1/SubscribeToShardRequest.js';
import type { Tag as _rheo_v1_Tag, Tag__Output as _rheo_v1_Tag__Output } from './rheo/v1/Tag.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  rheo: {
    v1: {
      ChildShard: MessageTypeDefinition<_rheo_v1_ChildShard, _rheo_v1_ChildShard__Output>
      ConsumerStatus: EnumTypeDefinition
      EncryptionType: EnumTypeDefinition
      EnhancedMetrics: MessageTypeDefinition<_rheo_v1_EnhancedMetrics, _rheo_v1_EnhancedMetrics__Output>
      ErrorDetail: MessageTypeDefinition<_rheo_v1_ErrorDetail, _rheo_v1_ErrorDetail__Output>
      GetRecordsRequest: MessageTypeDefinition<_rheo_v1_GetRecordsRequest, _rheo_v1_GetRecordsRequest__Output>
      GetRecordsResponse: MessageTypeDefinition<_rheo_v1_GetRecordsResponse, _rheo_v1_GetRecordsResponse__Output>
      GetShardIteratorRequest: MessageTypeDefinition<_rheo_v1_GetShardIteratorRequest, _rheo_v1_GetShardIteratorRequest__Output>
      GetShardIteratorResponse: MessageTypeDefinition<_rheo_v1_GetShardIteratorResponse, _rheo_v1_GetShardIteratorResponse__Output>
      HashKeyRange: MessageTypeDefinition<_rheo_v1_HashKeyRange, _rheo_v1_HashKeyRange__Output>
      ProduceRequest: MessageTypeDefinition<_rheo_v1_ProduceRequest, _rheo_v1_ProduceRequest__Output>
      ProduceResponse: MessageTypeDefinition<_rheo_v1_ProduceResponse, _rheo_v1_ProduceResponse__Output>
      ProduceWindow: MessageTypeDefinition<_rheo_v1_ProduceWindow, _rheo_v1_ProduceWindow__Output>
      PutRecordRequest: MessageTypeDefinition<_rheo_v1_PutRecordRequest, _rheo_v1_PutRecordRequest__Output>
      PutRecordResponse: MessageTypeDefinition<_rheo_v1_PutRecordResponse, _rheo_v1_PutRecordResponse__Output>
      PutRecordsRequest: MessageTypeDefinition<_rheo_v1_PutRecordsRequest, _rheo_v1_PutRecordsRequest__Output>
      PutRecordsResponse: MessageTypeDefinition<_rheo_v1_PutRecordsResponse, _rheo_v1_PutRecordsResponse__Output>
      ScalingType: EnumTypeDefinition
      SequenceNumberRange: MessageTypeDefinition<_rheo_v1_SequenceNumberRange, _rheo_v1_SequenceNumberRange__Output>
      Shard: MessageTypeDefinition<_rheo_v1_Shard, _rheo_v1_Shard__Output>
      ShardFilterType: EnumTypeDefinition
      ShardIteratorType: EnumTypeDefinition
      ShardLevelMetric: EnumTypeDefinition
      StartingPosition: MessageTypeDefinition<_rheo_v1_StartingPosition, _rheo_v1_StartingPosition__Output>
      /**
       * Producing and consuming records. Errors: see ErrorDetail (common.proto).
       */
      StreamData: SubtypeConstructor<typeof grpc.Client, _rheo_v1_StreamDataClient> & { service: _rheo_v1_StreamDataDefinition }
      StreamMode: EnumTypeDefinition
      StreamModeDetails: MessageTypeDefinition<_rheo_v1_StreamModeDetails, _rheo_v1_StreamModeDetails__Output>
      StreamStatus: EnumTypeDefinition
      SubscribeToShardEvent: MessageTypeDefinition<_rheo_v1_SubscribeToShardEvent, _rheo_v1_SubscribeToShardEvent__Output>
      SubscribeToShardRequest: MessageTypeDefinition<_rheo_v1_SubscribeToShardRequest, _rheo_v1_SubscribeToShardRequest__Output>
      Tag: MessageTypeDefinition<_rheo_v1_Tag, _rheo_v1_Tag__Output>
    }
  }
}

