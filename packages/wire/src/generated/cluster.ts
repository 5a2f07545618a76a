import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { ChildShard as _rheo_v1_ChildShard, ChildShard__Output as _rheo_v1_ChildShard__Output } from './rheo/v1/ChildShard.js';
import type { ClusterClient as _rheo_v1_ClusterClient, ClusterDefinition as _rheo_v1_ClusterDefinition } from './rheo/v1/Cluster.js';
import type { DescribeClusterRequest as _rheo_v1_DescribeClusterRequest, DescribeClusterRequest__Output as _rheo_v1_DescribeClusterRequest__Output } from './rheo/v1/DescribeClusterRequest.js';
import type { DescribeClusterResponse as _rheo_v1_DescribeClusterResponse, DescribeClusterResponse__Output as _rheo_v1_DescribeClusterResponse__Output } from './rheo/v1/DescribeClusterResponse.js';
import type { DrainNodeRequest as _rheo_v1_DrainNodeRequest, DrainNodeRequest__Output as _rheo_v1_DrainNodeRequest__Output } from './rheo/v1/DrainNodeRequest.js';
import type { DrainNodeResponse as _rheo_v1_DrainNodeResponse, DrainNodeResponse__Output as _rheo_v1_DrainNodeResponse__Output } from './rheo/v1/DrainNodeResponse.js';
import type { EnhancedMetrics as _rheo_v1_EnhancedMetrics, EnhancedMetrics__Output as _rheo_v1_EnhancedMetrics__Output } from './rheo/v1/EnhancedMetrics.js';
import type { ErrorDetail as _rheo_v1_ErrorDetail, ErrorDetail__Output as _rheo_v1_ErrorDetail__Output } from './rheo/v1/ErrorDetail.js';
import type { GetShardMapRequest as _rheo_v1_GetShardMapRequest, GetShardMapRequest__Output as _rheo_v1_GetShardMapRequest__Output } from './rheo/v1/GetShardMapRequest.js';
import type { GetShardMapResponse as _rheo_v1_GetShardMapResponse, GetShardMapResponse__Output as _rheo_v1_GetShardMapResponse__Output } from './rheo/v1/GetShardMapResponse.js';
import type { HashKeyRange as _rheo_v1_HashKeyRange, HashKeyRange__Output as _rheo_v1_HashKeyRange__Output } from './rheo/v1/HashKeyRange.js';
import type { NodeInfo as _rheo_v1_NodeInfo, NodeInfo__Output as _rheo_v1_NodeInfo__Output } from './rheo/v1/NodeInfo.js';
import type { RemoveNodeRequest as _rheo_v1_RemoveNodeRequest, RemoveNodeRequest__Output as _rheo_v1_RemoveNodeRequest__Output } from './rheo/v1/RemoveNodeRequest.js';
import type { RemoveNodeResponse as _rheo_v1_RemoveNodeResponse, RemoveNodeResponse__Output as _rheo_v1_RemoveNodeResponse__Output } from './rheo/v1/RemoveNodeResponse.js';
import type { SequenceNumberRange as _rheo_v1_SequenceNumberRange, SequenceNumberRange__Output as _rheo_v1_SequenceNumberRange__Output } from './rheo/v1/SequenceNumberRange.js';
import type { Shard as _rheo_v1_Shard, Shard__Output as _rheo_v1_Shard__Output } from './rheo/v1/Shard.js';
import type { ShardRoute as _rheo_v1_ShardRoute, ShardRoute__Output as _rheo_v1_ShardRoute__Output } from './rheo/v1/ShardRoute.js';
import type { StartingPosition as _rheo_v1_StartingPosition, StartingPosition__Output as _rheo_v1_StartingPosition__Output } from './rheo/v1/StartingPosition.js';
import type { StreamModeDetails as _rheo_v1_StreamModeDetails, StreamModeDetails__Output as _rheo_v1_StreamModeDetails__Output } from './rheo/v1/StreamModeDetails.js';
import type { StreamShardMap as _rheo_v1_StreamShardMap, StreamShardMap__Output as _rheo_v1_StreamShardMap__Output } from './rheo/v1/StreamShardMap.js';
import type { Tag as _rheo_v1_Tag, Tag__Output as _rheo_v1_Tag__Output } from './rheo/v1/Tag.js';
import type { UndrainNodeRequest as _rheo_v1_UndrainNodeRequest, UndrainNodeRequest__Output as _rheo_v1_UndrainNodeRequest__Output } from './rheo/v1/UndrainNodeRequest.js';
import type { UndrainNodeResponse as _rheo_v1_UndrainNodeResponse, UndrainNodeResponse__Output as _rheo_v1_UndrainNodeResponse__Output } from './rheo/v1/UndrainNodeResponse.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  rheo: {
    v1: {
      ChildShard: MessageTypeDefinition<_rheo_v1_ChildShard, _rheo_v1_ChildShard__Output>
      /**
       * Cluster information and node operations. Errors: see ErrorDetail (common.proto).
       */
      Cluster: SubtypeConstructor<typeof grpc.Client, _rheo_v1_ClusterClient> & { service: _rheo_v1_ClusterDefinition }
      ConsumerStatus: EnumTypeDefinition
      DescribeClusterRequest: MessageTypeDefinition<_rheo_v1_DescribeClusterRequest, _rheo_v1_DescribeClusterRequest__Output>
      DescribeClusterResponse: MessageTypeDefinition<_rheo_v1_DescribeClusterResponse, _rheo_v1_DescribeClusterResponse__Output>
      DrainNodeRequest: MessageTypeDefinition<_rheo_v1_DrainNodeRequest, _rheo_v1_DrainNodeRequest__Output>
      DrainNodeResponse: MessageTypeDefinition<_rheo_v1_DrainNodeResponse, _rheo_v1_DrainNodeResponse__Output>
      EncryptionType: EnumTypeDefinition
      EnhancedMetrics: MessageTypeDefinition<_rheo_v1_EnhancedMetrics, _rheo_v1_EnhancedMetrics__Output>
      ErrorDetail: MessageTypeDefinition<_rheo_v1_ErrorDetail, _rheo_v1_ErrorDetail__Output>
      GetShardMapRequest: MessageTypeDefinition<_rheo_v1_GetShardMapRequest, _rheo_v1_GetShardMapRequest__Output>
      GetShardMapResponse: MessageTypeDefinition<_rheo_v1_GetShardMapResponse, _rheo_v1_GetShardMapResponse__Output>
      HashKeyRange: MessageTypeDefinition<_rheo_v1_HashKeyRange, _rheo_v1_HashKeyRange__Output>
      NodeInfo: MessageTypeDefinition<_rheo_v1_NodeInfo, _rheo_v1_NodeInfo__Output>
      NodeRole: EnumTypeDefinition
      NodeState: EnumTypeDefinition
      RemoveNodeRequest: MessageTypeDefinition<_rheo_v1_RemoveNodeRequest, _rheo_v1_RemoveNodeRequest__Output>
      RemoveNodeResponse: MessageTypeDefinition<_rheo_v1_RemoveNodeResponse, _rheo_v1_RemoveNodeResponse__Output>
      ScalingType: EnumTypeDefinition
      SequenceNumberRange: MessageTypeDefinition<_rheo_v1_SequenceNumberRange, _rheo_v1_SequenceNumberRange__Output>
      Shard: MessageTypeDefinition<_rheo_v1_Shard, _rheo_v1_Shard__Output>
      ShardFilterType: EnumTypeDefinition
      ShardIteratorType: EnumTypeDefinition
      ShardLevelMetric: EnumTypeDefinition
      ShardRoute: MessageTypeDefinition<_rheo_v1_ShardRoute, _rheo_v1_ShardRoute__Output>
      StartingPosition: MessageTypeDefinition<_rheo_v1_StartingPosition, _rheo_v1_StartingPosition__Output>
      StreamMode: EnumTypeDefinition
      StreamModeDetails: MessageTypeDefinition<_rheo_v1_StreamModeDetails, _rheo_v1_StreamModeDetails__Output>
      StreamShardMap: MessageTypeDefinition<_rheo_v1_StreamShardMap, _rheo_v1_StreamShardMap__Output>
      StreamStatus: EnumTypeDefinition
      Tag: MessageTypeDefinition<_rheo_v1_Tag, _rheo_v1_Tag__Output>
      UndrainNodeRequest: MessageTypeDefinition<_rheo_v1_UndrainNodeRequest, _rheo_v1_UndrainNodeRequest__Output>
      UndrainNodeResponse: MessageTypeDefinition<_rheo_v1_UndrainNodeResponse, _rheo_v1_UndrainNodeResponse__Output>
    }
  }
}

