import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { AcquireLeasesRequest as _rheo_v1_AcquireLeasesRequest, AcquireLeasesRequest__Output as _rheo_v1_AcquireLeasesRequest__Output } from './rheo/v1/AcquireLeasesRequest.js';
import type { AcquireLeasesResponse as _rheo_v1_AcquireLeasesResponse, AcquireLeasesResponse__Output as _rheo_v1_AcquireLeasesResponse__Output } from './rheo/v1/AcquireLeasesResponse.js';
import type { CheckpointRequest as _rheo_v1_CheckpointRequest, CheckpointRequest__Output as _rheo_v1_CheckpointRequest__Output } from './rheo/v1/CheckpointRequest.js';
import type { CheckpointResponse as _rheo_v1_CheckpointResponse, CheckpointResponse__Output as _rheo_v1_CheckpointResponse__Output } from './rheo/v1/CheckpointResponse.js';
import type { ChildShard as _rheo_v1_ChildShard, ChildShard__Output as _rheo_v1_ChildShard__Output } from './rheo/v1/ChildShard.js';
import type { ConsumerGroupSettings as _rheo_v1_ConsumerGroupSettings, ConsumerGroupSettings__Output as _rheo_v1_ConsumerGroupSettings__Output } from './rheo/v1/ConsumerGroupSettings.js';
import type { ConsumerGroupsClient as _rheo_v1_ConsumerGroupsClient, ConsumerGroupsDefinition as _rheo_v1_ConsumerGroupsDefinition } from './rheo/v1/ConsumerGroups.js';
import type { CreateConsumerGroupRequest as _rheo_v1_CreateConsumerGroupRequest, CreateConsumerGroupRequest__Output as _rheo_v1_CreateConsumerGroupRequest__Output } from './rheo/v1/CreateConsumerGroupRequest.js';
import type { CreateConsumerGroupResponse as _rheo_v1_CreateConsumerGroupResponse, CreateConsumerGroupResponse__Output as _rheo_v1_CreateConsumerGroupResponse__Output } from './rheo/v1/CreateConsumerGroupResponse.js';
import type { DeleteConsumerGroupRequest as _rheo_v1_DeleteConsumerGroupRequest, DeleteConsumerGroupRequest__Output as _rheo_v1_DeleteConsumerGroupRequest__Output } from './rheo/v1/DeleteConsumerGroupRequest.js';
import type { DeleteConsumerGroupResponse as _rheo_v1_DeleteConsumerGroupResponse, DeleteConsumerGroupResponse__Output as _rheo_v1_DeleteConsumerGroupResponse__Output } from './rheo/v1/DeleteConsumerGroupResponse.js';
import type { DescribeConsumerGroupRequest as _rheo_v1_DescribeConsumerGroupRequest, DescribeConsumerGroupRequest__Output as _rheo_v1_DescribeConsumerGroupRequest__Output } from './rheo/v1/DescribeConsumerGroupRequest.js';
import type { DescribeConsumerGroupResponse as _rheo_v1_DescribeConsumerGroupResponse, DescribeConsumerGroupResponse__Output as _rheo_v1_DescribeConsumerGroupResponse__Output } from './rheo/v1/DescribeConsumerGroupResponse.js';
import type { EnhancedMetrics as _rheo_v1_EnhancedMetrics, EnhancedMetrics__Output as _rheo_v1_EnhancedMetrics__Output } from './rheo/v1/EnhancedMetrics.js';
import type { ErrorDetail as _rheo_v1_ErrorDetail, ErrorDetail__Output as _rheo_v1_ErrorDetail__Output } from './rheo/v1/ErrorDetail.js';
import type { GroupCheckpoint as _rheo_v1_GroupCheckpoint, GroupCheckpoint__Output as _rheo_v1_GroupCheckpoint__Output } from './rheo/v1/GroupCheckpoint.js';
import type { HashKeyRange as _rheo_v1_HashKeyRange, HashKeyRange__Output as _rheo_v1_HashKeyRange__Output } from './rheo/v1/HashKeyRange.js';
import type { Lease as _rheo_v1_Lease, Lease__Output as _rheo_v1_Lease__Output } from './rheo/v1/Lease.js';
import type { LeaseRef as _rheo_v1_LeaseRef, LeaseRef__Output as _rheo_v1_LeaseRef__Output } from './rheo/v1/LeaseRef.js';
import type { ListConsumerGroupsRequest as _rheo_v1_ListConsumerGroupsRequest, ListConsumerGroupsRequest__Output as _rheo_v1_ListConsumerGroupsRequest__Output } from './rheo/v1/ListConsumerGroupsRequest.js';
import type { ListConsumerGroupsResponse as _rheo_v1_ListConsumerGroupsResponse, ListConsumerGroupsResponse__Output as _rheo_v1_ListConsumerGroupsResponse__Output } from './rheo/v1/ListConsumerGroupsResponse.js';
import type { ReleaseLeasesRequest as _rheo_v1_ReleaseLeasesRequest, ReleaseLeasesRequest__Output as _rheo_v1_ReleaseLeasesRequest__Output } from './rheo/v1/ReleaseLeasesRequest.js';
import type { ReleaseLeasesResponse as _rheo_v1_ReleaseLeasesResponse, ReleaseLeasesResponse__Output as _rheo_v1_ReleaseLeasesResponse__Output } from './rheo/v1/ReleaseLeasesResponse.js';
import type { RenewLeasesRequest as _rheo_v1_RenewLeasesRequest, RenewLeasesRequest__Output as _rheo_v1_RenewLeasesRequest__Output } from './rheo/v1/RenewLeasesRequest.js';
import type { RenewLeasesResponse as _rheo_v1_RenewLeasesResponse, RenewLeasesResponse__Output as _rheo_v1_RenewLeasesResponse__Output } from './rheo/v1/RenewLeasesResponse.js';
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
      AcquireLeasesRequest: MessageTypeDefinition<_rheo_v1_AcquireLeasesRequest, _rheo_v1_AcquireLeasesRequest__Output>
      AcquireLeasesResponse: MessageTypeDefinition<_rheo_v1_AcquireLeasesResponse, _rheo_v1_AcquireLeasesResponse__Output>
      CheckpointRequest: MessageTypeDefinition<_rheo_v1_CheckpointRequest, _rheo_v1_CheckpointRequest__Output>
      CheckpointResponse: MessageTypeDefinition<_rheo_v1_CheckpointResponse, _rheo_v1_CheckpointResponse__Output>
      ChildShard: MessageTypeDefinition<_rheo_v1_ChildShard, _rheo_v1_ChildShard__Output>
      ConsumerGroupSettings: MessageTypeDefinition<_rheo_v1_ConsumerGroupSettings, _rheo_v1_ConsumerGroupSettings__Output>
      /**
       * Consumer-group leases and checkpoints. Errors: see ErrorDetail (common.proto).
       */
      ConsumerGroups: SubtypeConstructor<typeof grpc.Client, _rheo_v1_ConsumerGroupsClient> & { service: _rheo_v1_ConsumerGroupsDefinition }
      ConsumerStatus: EnumTypeDefinition
      CreateConsumerGroupRequest: MessageTypeDefinition<_rheo_v1_CreateConsumerGroupRequest, _rheo_v1_CreateConsumerGroupRequest__Output>
      CreateConsumerGroupResponse: MessageTypeDefinition<_rheo_v1_CreateConsumerGroupResponse, _rheo_v1_CreateConsumerGroupResponse__Output>
      DeleteConsumerGroupRequest: MessageTypeDefinition<_rheo_v1_DeleteConsumerGroupRequest, _rheo_v1_DeleteConsumerGroupRequest__Output>
      DeleteConsumerGroupResponse: MessageTypeDefinition<_rheo_v1_DeleteConsumerGroupResponse, _rheo_v1_DeleteConsumerGroupResponse__Output>
      DescribeConsumerGroupRequest: MessageTypeDefinition<_rheo_v1_DescribeConsumerGroupRequest, _rheo_v1_DescribeConsumerGroupRequest__Output>
      DescribeConsumerGroupResponse: MessageTypeDefinition<_rheo_v1_DescribeConsumerGroupResponse, _rheo_v1_DescribeConsumerGroupResponse__Output>
      EncryptionType: EnumTypeDefinition
      EnhancedMetrics: MessageTypeDefinition<_rheo_v1_EnhancedMetrics, _rheo_v1_EnhancedMetrics__Output>
      ErrorDetail: MessageTypeDefinition<_rheo_v1_ErrorDetail, _rheo_v1_ErrorDetail__Output>
      GroupCheckpoint: MessageTypeDefinition<_rheo_v1_GroupCheckpoint, _rheo_v1_GroupCheckpoint__Output>
      HashKeyRange: MessageTypeDefinition<_rheo_v1_HashKeyRange, _rheo_v1_HashKeyRange__Output>
      Lease: MessageTypeDefinition<_rheo_v1_Lease, _rheo_v1_Lease__Output>
      LeaseRef: MessageTypeDefinition<_rheo_v1_LeaseRef, _rheo_v1_LeaseRef__Output>
      ListConsumerGroupsRequest: MessageTypeDefinition<_rheo_v1_ListConsumerGroupsRequest, _rheo_v1_ListConsumerGroupsRequest__Output>
      ListConsumerGroupsResponse: MessageTypeDefinition<_rheo_v1_ListConsumerGroupsResponse, _rheo_v1_ListConsumerGroupsResponse__Output>
      ReleaseLeasesRequest: MessageTypeDefinition<_rheo_v1_ReleaseLeasesRequest, _rheo_v1_ReleaseLeasesRequest__Output>
      ReleaseLeasesResponse: MessageTypeDefinition<_rheo_v1_ReleaseLeasesResponse, _rheo_v1_ReleaseLeasesResponse__Output>
      RenewLeasesRequest: MessageTypeDefinition<_rheo_v1_RenewLeasesRequest, _rheo_v1_RenewLeasesRequest__Output>
      RenewLeasesResponse: MessageTypeDefinition<_rheo_v1_RenewLeasesResponse, _rheo_v1_RenewLeasesResponse__Output>
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

