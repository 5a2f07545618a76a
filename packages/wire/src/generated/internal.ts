import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { ChildShard as _rheo_v1_ChildShard, ChildShard__Output as _rheo_v1_ChildShard__Output } from './rheo/v1/ChildShard.js';
import type { ClusterClient as _rheo_v1_ClusterClient, ClusterDefinition as _rheo_v1_ClusterDefinition } from './rheo/v1/Cluster.js';
import type { CoalescedHeartbeats as _rheo_v1_CoalescedHeartbeats, CoalescedHeartbeats__Output as _rheo_v1_CoalescedHeartbeats__Output } from './rheo/v1/CoalescedHeartbeats.js';
import type { ControllerHeartbeatClient as _rheo_v1_ControllerHeartbeatClient, ControllerHeartbeatDefinition as _rheo_v1_ControllerHeartbeatDefinition } from './rheo/v1/ControllerHeartbeat.js';
import type { DescribeClusterRequest as _rheo_v1_DescribeClusterRequest, DescribeClusterRequest__Output as _rheo_v1_DescribeClusterRequest__Output } from './rheo/v1/DescribeClusterRequest.js';
import type { DescribeClusterResponse as _rheo_v1_DescribeClusterResponse, DescribeClusterResponse__Output as _rheo_v1_DescribeClusterResponse__Output } from './rheo/v1/DescribeClusterResponse.js';
import type { DrainNodeRequest as _rheo_v1_DrainNodeRequest, DrainNodeRequest__Output as _rheo_v1_DrainNodeRequest__Output } from './rheo/v1/DrainNodeRequest.js';
import type { DrainNodeResponse as _rheo_v1_DrainNodeResponse, DrainNodeResponse__Output as _rheo_v1_DrainNodeResponse__Output } from './rheo/v1/DrainNodeResponse.js';
import type { EnhancedMetrics as _rheo_v1_EnhancedMetrics, EnhancedMetrics__Output as _rheo_v1_EnhancedMetrics__Output } from './rheo/v1/EnhancedMetrics.js';
import type { ErrorDetail as _rheo_v1_ErrorDetail, ErrorDetail__Output as _rheo_v1_ErrorDetail__Output } from './rheo/v1/ErrorDetail.js';
import type { FetchMetadataRequest as _rheo_v1_FetchMetadataRequest, FetchMetadataRequest__Output as _rheo_v1_FetchMetadataRequest__Output } from './rheo/v1/FetchMetadataRequest.js';
import type { FetchMetadataResponse as _rheo_v1_FetchMetadataResponse, FetchMetadataResponse__Output as _rheo_v1_FetchMetadataResponse__Output } from './rheo/v1/FetchMetadataResponse.js';
import type { GetShardMapRequest as _rheo_v1_GetShardMapRequest, GetShardMapRequest__Output as _rheo_v1_GetShardMapRequest__Output } from './rheo/v1/GetShardMapRequest.js';
import type { GetShardMapResponse as _rheo_v1_GetShardMapResponse, GetShardMapResponse__Output as _rheo_v1_GetShardMapResponse__Output } from './rheo/v1/GetShardMapResponse.js';
import type { GroupMessage as _rheo_v1_GroupMessage, GroupMessage__Output as _rheo_v1_GroupMessage__Output } from './rheo/v1/GroupMessage.js';
import type { HashKeyRange as _rheo_v1_HashKeyRange, HashKeyRange__Output as _rheo_v1_HashKeyRange__Output } from './rheo/v1/HashKeyRange.js';
import type { HeartbeatResponse as _rheo_v1_HeartbeatResponse, HeartbeatResponse__Output as _rheo_v1_HeartbeatResponse__Output } from './rheo/v1/HeartbeatResponse.js';
import type { NodeHeartbeat as _rheo_v1_NodeHeartbeat, NodeHeartbeat__Output as _rheo_v1_NodeHeartbeat__Output } from './rheo/v1/NodeHeartbeat.js';
import type { NodeInfo as _rheo_v1_NodeInfo, NodeInfo__Output as _rheo_v1_NodeInfo__Output } from './rheo/v1/NodeInfo.js';
import type { PeerProgress as _rheo_v1_PeerProgress, PeerProgress__Output as _rheo_v1_PeerProgress__Output } from './rheo/v1/PeerProgress.js';
import type { RaftBatch as _rheo_v1_RaftBatch, RaftBatch__Output as _rheo_v1_RaftBatch__Output } from './rheo/v1/RaftBatch.js';
import type { RaftConfState as _rheo_v1_RaftConfState, RaftConfState__Output as _rheo_v1_RaftConfState__Output } from './rheo/v1/RaftConfState.js';
import type { RaftEntry as _rheo_v1_RaftEntry, RaftEntry__Output as _rheo_v1_RaftEntry__Output } from './rheo/v1/RaftEntry.js';
import type { RaftHello as _rheo_v1_RaftHello, RaftHello__Output as _rheo_v1_RaftHello__Output } from './rheo/v1/RaftHello.js';
import type { RaftMessage as _rheo_v1_RaftMessage, RaftMessage__Output as _rheo_v1_RaftMessage__Output } from './rheo/v1/RaftMessage.js';
import type { RaftSnapshot as _rheo_v1_RaftSnapshot, RaftSnapshot__Output as _rheo_v1_RaftSnapshot__Output } from './rheo/v1/RaftSnapshot.js';
import type { RaftSnapshotMetadata as _rheo_v1_RaftSnapshotMetadata, RaftSnapshotMetadata__Output as _rheo_v1_RaftSnapshotMetadata__Output } from './rheo/v1/RaftSnapshotMetadata.js';
import type { RaftTransportClient as _rheo_v1_RaftTransportClient, RaftTransportDefinition as _rheo_v1_RaftTransportDefinition } from './rheo/v1/RaftTransport.js';
import type { RegisterNodeRequest as _rheo_v1_RegisterNodeRequest, RegisterNodeRequest__Output as _rheo_v1_RegisterNodeRequest__Output } from './rheo/v1/RegisterNodeRequest.js';
import type { RegisterNodeResponse as _rheo_v1_RegisterNodeResponse, RegisterNodeResponse__Output as _rheo_v1_RegisterNodeResponse__Output } from './rheo/v1/RegisterNodeResponse.js';
import type { RemoveNodeRequest as _rheo_v1_RemoveNodeRequest, RemoveNodeRequest__Output as _rheo_v1_RemoveNodeRequest__Output } from './rheo/v1/RemoveNodeRequest.js';
import type { RemoveNodeResponse as _rheo_v1_RemoveNodeResponse, RemoveNodeResponse__Output as _rheo_v1_RemoveNodeResponse__Output } from './rheo/v1/RemoveNodeResponse.js';
import type { ReplicaCommand as _rheo_v1_ReplicaCommand, ReplicaCommand__Output as _rheo_v1_ReplicaCommand__Output } from './rheo/v1/ReplicaCommand.js';
import type { ReplicaState as _rheo_v1_ReplicaState, ReplicaState__Output as _rheo_v1_ReplicaState__Output } from './rheo/v1/ReplicaState.js';
import type { SequenceNumberRange as _rheo_v1_SequenceNumberRange, SequenceNumberRange__Output as _rheo_v1_SequenceNumberRange__Output } from './rheo/v1/SequenceNumberRange.js';
import type { Shard as _rheo_v1_Shard, Shard__Output as _rheo_v1_Shard__Output } from './rheo/v1/Shard.js';
import type { ShardRoute as _rheo_v1_ShardRoute, ShardRoute__Output as _rheo_v1_ShardRoute__Output } from './rheo/v1/ShardRoute.js';
import type { ShardTraffic as _rheo_v1_ShardTraffic, ShardTraffic__Output as _rheo_v1_ShardTraffic__Output } from './rheo/v1/ShardTraffic.js';
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
      CoalescedHeartbeats: MessageTypeDefinition<_rheo_v1_CoalescedHeartbeats, _rheo_v1_CoalescedHeartbeats__Output>
      ConsumerStatus: EnumTypeDefinition
      /**
       * Brokers report to the active controller, which answers with work. Sent
       * to any controller node; a follower answers NotLeader with the leader.
       */
      ControllerHeartbeat: SubtypeConstructor<typeof grpc.Client, _rheo_v1_ControllerHeartbeatClient> & { service: _rheo_v1_ControllerHeartbeatDefinition }
      DescribeClusterRequest: MessageTypeDefinition<_rheo_v1_DescribeClusterRequest, _rheo_v1_DescribeClusterRequest__Output>
      DescribeClusterResponse: MessageTypeDefinition<_rheo_v1_DescribeClusterResponse, _rheo_v1_DescribeClusterResponse__Output>
      DrainNodeRequest: MessageTypeDefinition<_rheo_v1_DrainNodeRequest, _rheo_v1_DrainNodeRequest__Output>
      DrainNodeResponse: MessageTypeDefinition<_rheo_v1_DrainNodeResponse, _rheo_v1_DrainNodeResponse__Output>
      EncryptionType: EnumTypeDefinition
      EnhancedMetrics: MessageTypeDefinition<_rheo_v1_EnhancedMetrics, _rheo_v1_EnhancedMetrics__Output>
      ErrorDetail: MessageTypeDefinition<_rheo_v1_ErrorDetail, _rheo_v1_ErrorDetail__Output>
      FetchMetadataRequest: MessageTypeDefinition<_rheo_v1_FetchMetadataRequest, _rheo_v1_FetchMetadataRequest__Output>
      FetchMetadataResponse: MessageTypeDefinition<_rheo_v1_FetchMetadataResponse, _rheo_v1_FetchMetadataResponse__Output>
      GetShardMapRequest: MessageTypeDefinition<_rheo_v1_GetShardMapRequest, _rheo_v1_GetShardMapRequest__Output>
      GetShardMapResponse: MessageTypeDefinition<_rheo_v1_GetShardMapResponse, _rheo_v1_GetShardMapResponse__Output>
      GroupMessage: MessageTypeDefinition<_rheo_v1_GroupMessage, _rheo_v1_GroupMessage__Output>
      HashKeyRange: MessageTypeDefinition<_rheo_v1_HashKeyRange, _rheo_v1_HashKeyRange__Output>
      HeartbeatResponse: MessageTypeDefinition<_rheo_v1_HeartbeatResponse, _rheo_v1_HeartbeatResponse__Output>
      NodeHeartbeat: MessageTypeDefinition<_rheo_v1_NodeHeartbeat, _rheo_v1_NodeHeartbeat__Output>
      NodeInfo: MessageTypeDefinition<_rheo_v1_NodeInfo, _rheo_v1_NodeInfo__Output>
      NodeRole: EnumTypeDefinition
      NodeState: EnumTypeDefinition
      PeerProgress: MessageTypeDefinition<_rheo_v1_PeerProgress, _rheo_v1_PeerProgress__Output>
      RaftBatch: MessageTypeDefinition<_rheo_v1_RaftBatch, _rheo_v1_RaftBatch__Output>
      RaftConfState: MessageTypeDefinition<_rheo_v1_RaftConfState, _rheo_v1_RaftConfState__Output>
      RaftEntry: MessageTypeDefinition<_rheo_v1_RaftEntry, _rheo_v1_RaftEntry__Output>
      RaftEntryType: EnumTypeDefinition
      RaftHello: MessageTypeDefinition<_rheo_v1_RaftHello, _rheo_v1_RaftHello__Output>
      RaftMessage: MessageTypeDefinition<_rheo_v1_RaftMessage, _rheo_v1_RaftMessage__Output>
      RaftMessageType: EnumTypeDefinition
      RaftSnapshot: MessageTypeDefinition<_rheo_v1_RaftSnapshot, _rheo_v1_RaftSnapshot__Output>
      RaftSnapshotMetadata: MessageTypeDefinition<_rheo_v1_RaftSnapshotMetadata, _rheo_v1_RaftSnapshotMetadata__Output>
      /**
       * Raft messages of every group between two nodes. There is one stream per
       * node pair: the node with the lower id opens it, and both send on it. The
       * first message each way carries `hello`; a mismatch (cluster, node ids)
       * ends the stream with an ErrorDetail (InvalidArgument, field hello.*). Raft
       * tolerates loss, so a broken stream drops messages and is reopened; the
       * sender reports the peer unreachable to its groups meanwhile.
       */
      RaftTransport: SubtypeConstructor<typeof grpc.Client, _rheo_v1_RaftTransportClient> & { service: _rheo_v1_RaftTransportDefinition }
      RegisterNodeRequest: MessageTypeDefinition<_rheo_v1_RegisterNodeRequest, _rheo_v1_RegisterNodeRequest__Output>
      RegisterNodeResponse: MessageTypeDefinition<_rheo_v1_RegisterNodeResponse, _rheo_v1_RegisterNodeResponse__Output>
      RemoveNodeRequest: MessageTypeDefinition<_rheo_v1_RemoveNodeRequest, _rheo_v1_RemoveNodeRequest__Output>
      RemoveNodeResponse: MessageTypeDefinition<_rheo_v1_RemoveNodeResponse, _rheo_v1_RemoveNodeResponse__Output>
      ReplicaCommand: MessageTypeDefinition<_rheo_v1_ReplicaCommand, _rheo_v1_ReplicaCommand__Output>
      ReplicaCommandKind: EnumTypeDefinition
      ReplicaRole: EnumTypeDefinition
      ReplicaState: MessageTypeDefinition<_rheo_v1_ReplicaState, _rheo_v1_ReplicaState__Output>
      ScalingType: EnumTypeDefinition
      SequenceNumberRange: MessageTypeDefinition<_rheo_v1_SequenceNumberRange, _rheo_v1_SequenceNumberRange__Output>
      Shard: MessageTypeDefinition<_rheo_v1_Shard, _rheo_v1_Shard__Output>
      ShardFilterType: EnumTypeDefinition
      ShardIteratorType: EnumTypeDefinition
      ShardLevelMetric: EnumTypeDefinition
      ShardRoute: MessageTypeDefinition<_rheo_v1_ShardRoute, _rheo_v1_ShardRoute__Output>
      ShardTraffic: MessageTypeDefinition<_rheo_v1_ShardTraffic, _rheo_v1_ShardTraffic__Output>
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

