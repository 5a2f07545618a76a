import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { ChildShard as _rheo_v1_ChildShard, ChildShard__Output as _rheo_v1_ChildShard__Output } from './rheo/v1/ChildShard.js';
import type { EnhancedMetrics as _rheo_v1_EnhancedMetrics, EnhancedMetrics__Output as _rheo_v1_EnhancedMetrics__Output } from './rheo/v1/EnhancedMetrics.js';
import type { ErrorDetail as _rheo_v1_ErrorDetail, ErrorDetail__Output as _rheo_v1_ErrorDetail__Output } from './rheo/v1/ErrorDetail.js';
import type { HashKeyRange as _rheo_v1_HashKeyRange, HashKeyRange__Output as _rheo_v1_HashKeyRange__Output } from './rheo/v1/HashKeyRange.js';
import type { SequenceNumberRange as _rheo_v1_SequenceNumberRange, SequenceNumberRange__Output as _rheo_v1_SequenceNumberRange__Output } from './rheo/v1/SequenceNumberRange.js';
import type { Shard as _rheo_v1_Shard, Shard__Output as _rheo_v1_Shard__Output } from './rheo/v1/Shard.js';
import type { StartingPosition as _rheo_v1_StartingPosition, StartingPosition__Output as _rheo_v1_StartingPosition__Output } from './rheo/v1/StartingPosition.js';
import type { StreamModeDetails as _rheo_v1_StreamModeDetails, StreamModeDetails__Output as _rheo_v1_StreamModeDetails__Output } from './rheo/v1/StreamModeDetails.js';
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
      HashKeyRange: MessageTypeDefinition<_rheo_v1_HashKeyRange, _rheo_v1_HashKeyRange__Output>
      ScalingType: EnumTypeDefinition
      SequenceNumberRange: MessageTypeDefinition<_rheo_v1_SequenceNumberRange, _rheo_v1_SequenceNumberRange__Output>
      Shard: MessageTypeDefinition<_rheo_v1_Shard, _rheo_v1_Shard__Output>
      ShardFilterType: EnumTypeDefinition
      ShardIteratorType: EnumTypeDefinition
      ShardLevelMetric: EnumTypeDefinition
      StartingPosition: MessageTypeDefinition<_rheo_v1_StartingPosition, _rheo_v1_StartingPosition__Output>
      StreamMode: EnumTypeDefinition
      StreamModeDetails: MessageTypeDefinition<_rheo_v1_StreamModeDetails, _rheo_v1_StreamModeDetails__Output>
      StreamStatus: EnumTypeDefinition
      Tag: MessageTypeDefinition<_rheo_v1_Tag, _rheo_v1_Tag__Output>
    }
  }
}

