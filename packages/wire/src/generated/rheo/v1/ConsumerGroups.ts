// Original file: proto/rheo/v1/groups.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { AcquireLeasesRequest as _rheo_v1_AcquireLeasesRequest, AcquireLeasesRequest__Output as _rheo_v1_AcquireLeasesRequest__Output } from '../../rheo/v1/AcquireLeasesRequest.js';
import type { AcquireLeasesResponse as _rheo_v1_AcquireLeasesResponse, AcquireLeasesResponse__Output as _rheo_v1_AcquireLeasesResponse__Output } from '../../rheo/v1/AcquireLeasesResponse.js';
import type { CheckpointRequest as _rheo_v1_CheckpointRequest, CheckpointRequest__Output as _rheo_v1_CheckpointRequest__Output } from '../../rheo/v1/CheckpointRequest.js';
import type { CheckpointResponse as _rheo_v1_CheckpointResponse, CheckpointResponse__Output as _rheo_v1_CheckpointResponse__Output } from '../../rheo/v1/CheckpointResponse.js';
import type { CreateConsumerGroupRequest as _rheo_v1_CreateConsumerGroupRequest, CreateConsumerGroupRequest__Output as _rheo_v1_CreateConsumerGroupRequest__Output } from '../../rheo/v1/CreateConsumerGroupRequest.js';
import type { CreateConsumerGroupResponse as _rheo_v1_CreateConsumerGroupResponse, CreateConsumerGroupResponse__Output as _rheo_v1_CreateConsumerGroupResponse__Output } from '../../rheo/v1/CreateConsumerGroupResponse.js';
import type { DeleteConsumerGroupRequest as _rheo_v1_DeleteConsumerGroupRequest, DeleteConsumerGroupRequest__Output as _rheo_v1_DeleteConsumerGroupRequest__Output } from '../../rheo/v1/DeleteConsumerGroupRequest.js';
import type { DeleteConsumerGroupResponse as _rheo_v1_DeleteConsumerGroupResponse, DeleteConsumerGroupResponse__Output as _rheo_v1_DeleteConsumerGroupResponse__Output } from '../../rheo/v1/DeleteConsumerGroupResponse.js';
import type { DescribeConsumerGroupRequest as _rheo_v1_DescribeConsumerGroupRequest, DescribeConsumerGroupRequest__Output as _rheo_v1_DescribeConsumerGroupRequest__Output } from '../../rheo/v1/DescribeConsumerGroupRequest.js';
import type { DescribeConsumerGroupResponse as _rheo_v1_DescribeConsumerGroupResponse, DescribeConsumerGroupResponse__Output as _rheo_v1_DescribeConsumerGroupResponse__Output } from '../../rheo/v1/DescribeConsumerGroupResponse.js';
import type { ListConsumerGroupsRequest as _rheo_v1_ListConsumerGroupsRequest, ListConsumerGroupsRequest__Output as _rheo_v1_ListConsumerGroupsRequest__Output } from '../../rheo/v1/ListConsumerGroupsRequest.js';
import type { ListConsumerGroupsResponse as _rheo_v1_ListConsumerGroupsResponse, ListConsumerGroupsResponse__Output as _rheo_v1_ListConsumerGroupsResponse__Output } from '../../rheo/v1/ListConsumerGroupsResponse.js';
import type { ReleaseLeasesRequest as _rheo_v1_ReleaseLeasesRequest, ReleaseLeasesRequest__Output as _rheo_v1_ReleaseLeasesRequest__Output } from '../../rheo/v1/ReleaseLeasesRequest.js';
import type { ReleaseLeasesResponse as _rheo_v1_ReleaseLeasesResponse, ReleaseLeasesResponse__Output as _rheo_v1_ReleaseLeasesResponse__Output } from '../../rheo/v1/ReleaseLeasesResponse.js';
import type { RenewLeasesRequest as _rheo_v1_RenewLeasesRequest, RenewLeasesRequest__Output as _rheo_v1_RenewLeasesRequest__Output } from '../../rheo/v1/RenewLeasesRequest.js';
import type { RenewLeasesResponse as _rheo_v1_RenewLeasesResponse, RenewLeasesResponse__Output as _rheo_v1_RenewLeasesResponse__Output } from '../../rheo/v1/RenewLeasesResponse.js';

/**
 * Consumer-group leases and checkpoints. Errors: see ErrorDetail (common.proto).
 */
export interface ConsumerGroupsClient extends grpc.Client {
  /**
   * Takes leases for a worker: named shards, or as many as balance allows.
   */
  AcquireLeases(argument: _rheo_v1_AcquireLeasesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_AcquireLeasesResponse__Output>): grpc.ClientUnaryCall;
  AcquireLeases(argument: _rheo_v1_AcquireLeasesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_AcquireLeasesResponse__Output>): grpc.ClientUnaryCall;
  AcquireLeases(argument: _rheo_v1_AcquireLeasesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_AcquireLeasesResponse__Output>): grpc.ClientUnaryCall;
  AcquireLeases(argument: _rheo_v1_AcquireLeasesRequest, callback: grpc.requestCallback<_rheo_v1_AcquireLeasesResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Takes leases for a worker: named shards, or as many as balance allows.
   */
  acquireLeases(argument: _rheo_v1_AcquireLeasesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_AcquireLeasesResponse__Output>): grpc.ClientUnaryCall;
  acquireLeases(argument: _rheo_v1_AcquireLeasesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_AcquireLeasesResponse__Output>): grpc.ClientUnaryCall;
  acquireLeases(argument: _rheo_v1_AcquireLeasesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_AcquireLeasesResponse__Output>): grpc.ClientUnaryCall;
  acquireLeases(argument: _rheo_v1_AcquireLeasesRequest, callback: grpc.requestCallback<_rheo_v1_AcquireLeasesResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Records how far a worker has processed a shard; refused unless it holds the lease.
   */
  Checkpoint(argument: _rheo_v1_CheckpointRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_CheckpointResponse__Output>): grpc.ClientUnaryCall;
  Checkpoint(argument: _rheo_v1_CheckpointRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_CheckpointResponse__Output>): grpc.ClientUnaryCall;
  Checkpoint(argument: _rheo_v1_CheckpointRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_CheckpointResponse__Output>): grpc.ClientUnaryCall;
  Checkpoint(argument: _rheo_v1_CheckpointRequest, callback: grpc.requestCallback<_rheo_v1_CheckpointResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Records how far a worker has processed a shard; refused unless it holds the lease.
   */
  checkpoint(argument: _rheo_v1_CheckpointRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_CheckpointResponse__Output>): grpc.ClientUnaryCall;
  checkpoint(argument: _rheo_v1_CheckpointRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_CheckpointResponse__Output>): grpc.ClientUnaryCall;
  checkpoint(argument: _rheo_v1_CheckpointRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_CheckpointResponse__Output>): grpc.ClientUnaryCall;
  checkpoint(argument: _rheo_v1_CheckpointRequest, callback: grpc.requestCallback<_rheo_v1_CheckpointResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Creates a group on a stream; idempotent when the settings match, ResourceInUse when they differ.
   */
  CreateConsumerGroup(argument: _rheo_v1_CreateConsumerGroupRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_CreateConsumerGroupResponse__Output>): grpc.ClientUnaryCall;
  CreateConsumerGroup(argument: _rheo_v1_CreateConsumerGroupRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_CreateConsumerGroupResponse__Output>): grpc.ClientUnaryCall;
  CreateConsumerGroup(argument: _rheo_v1_CreateConsumerGroupRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_CreateConsumerGroupResponse__Output>): grpc.ClientUnaryCall;
  CreateConsumerGroup(argument: _rheo_v1_CreateConsumerGroupRequest, callback: grpc.requestCallback<_rheo_v1_CreateConsumerGroupResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Creates a group on a stream; idempotent when the settings match, ResourceInUse when they differ.
   */
  createConsumerGroup(argument: _rheo_v1_CreateConsumerGroupRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_CreateConsumerGroupResponse__Output>): grpc.ClientUnaryCall;
  createConsumerGroup(argument: _rheo_v1_CreateConsumerGroupRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_CreateConsumerGroupResponse__Output>): grpc.ClientUnaryCall;
  createConsumerGroup(argument: _rheo_v1_CreateConsumerGroupRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_CreateConsumerGroupResponse__Output>): grpc.ClientUnaryCall;
  createConsumerGroup(argument: _rheo_v1_CreateConsumerGroupRequest, callback: grpc.requestCallback<_rheo_v1_CreateConsumerGroupResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Deletes a group with its leases and checkpoints.
   */
  DeleteConsumerGroup(argument: _rheo_v1_DeleteConsumerGroupRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_DeleteConsumerGroupResponse__Output>): grpc.ClientUnaryCall;
  DeleteConsumerGroup(argument: _rheo_v1_DeleteConsumerGroupRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_DeleteConsumerGroupResponse__Output>): grpc.ClientUnaryCall;
  DeleteConsumerGroup(argument: _rheo_v1_DeleteConsumerGroupRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_DeleteConsumerGroupResponse__Output>): grpc.ClientUnaryCall;
  DeleteConsumerGroup(argument: _rheo_v1_DeleteConsumerGroupRequest, callback: grpc.requestCallback<_rheo_v1_DeleteConsumerGroupResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Deletes a group with its leases and checkpoints.
   */
  deleteConsumerGroup(argument: _rheo_v1_DeleteConsumerGroupRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_DeleteConsumerGroupResponse__Output>): grpc.ClientUnaryCall;
  deleteConsumerGroup(argument: _rheo_v1_DeleteConsumerGroupRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_DeleteConsumerGroupResponse__Output>): grpc.ClientUnaryCall;
  deleteConsumerGroup(argument: _rheo_v1_DeleteConsumerGroupRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_DeleteConsumerGroupResponse__Output>): grpc.ClientUnaryCall;
  deleteConsumerGroup(argument: _rheo_v1_DeleteConsumerGroupRequest, callback: grpc.requestCallback<_rheo_v1_DeleteConsumerGroupResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Describes a group: settings, every lease with owner, counter, checkpoint and lineage.
   */
  DescribeConsumerGroup(argument: _rheo_v1_DescribeConsumerGroupRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_DescribeConsumerGroupResponse__Output>): grpc.ClientUnaryCall;
  DescribeConsumerGroup(argument: _rheo_v1_DescribeConsumerGroupRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_DescribeConsumerGroupResponse__Output>): grpc.ClientUnaryCall;
  DescribeConsumerGroup(argument: _rheo_v1_DescribeConsumerGroupRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_DescribeConsumerGroupResponse__Output>): grpc.ClientUnaryCall;
  DescribeConsumerGroup(argument: _rheo_v1_DescribeConsumerGroupRequest, callback: grpc.requestCallback<_rheo_v1_DescribeConsumerGroupResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Describes a group: settings, every lease with owner, counter, checkpoint and lineage.
   */
  describeConsumerGroup(argument: _rheo_v1_DescribeConsumerGroupRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_DescribeConsumerGroupResponse__Output>): grpc.ClientUnaryCall;
  describeConsumerGroup(argument: _rheo_v1_DescribeConsumerGroupRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_DescribeConsumerGroupResponse__Output>): grpc.ClientUnaryCall;
  describeConsumerGroup(argument: _rheo_v1_DescribeConsumerGroupRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_DescribeConsumerGroupResponse__Output>): grpc.ClientUnaryCall;
  describeConsumerGroup(argument: _rheo_v1_DescribeConsumerGroupRequest, callback: grpc.requestCallback<_rheo_v1_DescribeConsumerGroupResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Lists a stream's groups.
   */
  ListConsumerGroups(argument: _rheo_v1_ListConsumerGroupsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_ListConsumerGroupsResponse__Output>): grpc.ClientUnaryCall;
  ListConsumerGroups(argument: _rheo_v1_ListConsumerGroupsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_ListConsumerGroupsResponse__Output>): grpc.ClientUnaryCall;
  ListConsumerGroups(argument: _rheo_v1_ListConsumerGroupsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_ListConsumerGroupsResponse__Output>): grpc.ClientUnaryCall;
  ListConsumerGroups(argument: _rheo_v1_ListConsumerGroupsRequest, callback: grpc.requestCallback<_rheo_v1_ListConsumerGroupsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Lists a stream's groups.
   */
  listConsumerGroups(argument: _rheo_v1_ListConsumerGroupsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_ListConsumerGroupsResponse__Output>): grpc.ClientUnaryCall;
  listConsumerGroups(argument: _rheo_v1_ListConsumerGroupsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_ListConsumerGroupsResponse__Output>): grpc.ClientUnaryCall;
  listConsumerGroups(argument: _rheo_v1_ListConsumerGroupsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_ListConsumerGroupsResponse__Output>): grpc.ClientUnaryCall;
  listConsumerGroups(argument: _rheo_v1_ListConsumerGroupsRequest, callback: grpc.requestCallback<_rheo_v1_ListConsumerGroupsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Gives leases back (graceful shutdown, rebalancing), after a final checkpoint.
   */
  ReleaseLeases(argument: _rheo_v1_ReleaseLeasesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_ReleaseLeasesResponse__Output>): grpc.ClientUnaryCall;
  ReleaseLeases(argument: _rheo_v1_ReleaseLeasesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_ReleaseLeasesResponse__Output>): grpc.ClientUnaryCall;
  ReleaseLeases(argument: _rheo_v1_ReleaseLeasesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_ReleaseLeasesResponse__Output>): grpc.ClientUnaryCall;
  ReleaseLeases(argument: _rheo_v1_ReleaseLeasesRequest, callback: grpc.requestCallback<_rheo_v1_ReleaseLeasesResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Gives leases back (graceful shutdown, rebalancing), after a final checkpoint.
   */
  releaseLeases(argument: _rheo_v1_ReleaseLeasesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_ReleaseLeasesResponse__Output>): grpc.ClientUnaryCall;
  releaseLeases(argument: _rheo_v1_ReleaseLeasesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_ReleaseLeasesResponse__Output>): grpc.ClientUnaryCall;
  releaseLeases(argument: _rheo_v1_ReleaseLeasesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_ReleaseLeasesResponse__Output>): grpc.ClientUnaryCall;
  releaseLeases(argument: _rheo_v1_ReleaseLeasesRequest, callback: grpc.requestCallback<_rheo_v1_ReleaseLeasesResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Extends a worker's leases in one call; reports the ones it has lost.
   */
  RenewLeases(argument: _rheo_v1_RenewLeasesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_RenewLeasesResponse__Output>): grpc.ClientUnaryCall;
  RenewLeases(argument: _rheo_v1_RenewLeasesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_RenewLeasesResponse__Output>): grpc.ClientUnaryCall;
  RenewLeases(argument: _rheo_v1_RenewLeasesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_RenewLeasesResponse__Output>): grpc.ClientUnaryCall;
  RenewLeases(argument: _rheo_v1_RenewLeasesRequest, callback: grpc.requestCallback<_rheo_v1_RenewLeasesResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Extends a worker's leases in one call; reports the ones it has lost.
   */
  renewLeases(argument: _rheo_v1_RenewLeasesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_RenewLeasesResponse__Output>): grpc.ClientUnaryCall;
  renewLeases(argument: _rheo_v1_RenewLeasesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_RenewLeasesResponse__Output>): grpc.ClientUnaryCall;
  renewLeases(argument: _rheo_v1_RenewLeasesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_RenewLeasesResponse__Output>): grpc.ClientUnaryCall;
  renewLeases(argument: _rheo_v1_RenewLeasesRequest, callback: grpc.requestCallback<_rheo_v1_RenewLeasesResponse__Output>): grpc.ClientUnaryCall;
  
}

/**
 * Consumer-group leases and checkpoints. Errors: see ErrorDetail (common.proto).
 */
export interface ConsumerGroupsHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Takes leases for a worker: named shards, or as many as balance allows.
   */
  AcquireLeases: grpc.handleUnaryCall<_rheo_v1_AcquireLeasesRequest__Output, _rheo_v1_AcquireLeasesResponse>;
  
  /**
   * Records how far a worker has processed a shard; refused unless it holds the lease.
   */
  Checkpoint: grpc.handleUnaryCall<_rheo_v1_CheckpointRequest__Output, _rheo_v1_CheckpointResponse>;
  
  /**
   * Creates a group on a stream; idempotent when the settings match, ResourceInUse when they differ.
   */
  CreateConsumerGroup: grpc.handleUnaryCall<_rheo_v1_CreateConsumerGroupRequest__Output, _rheo_v1_CreateConsumerGroupResponse>;
  
  /**
   * Deletes a group with its leases and checkpoints.
   */
  DeleteConsumerGroup: grpc.handleUnaryCall<_rheo_v1_DeleteConsumerGroupRequest__Output, _rheo_v1_DeleteConsumerGroupResponse>;
  
  /**
   * Describes a group: settings, every lease with owner, counter, checkpoint and lineage.
   */
  DescribeConsumerGroup: grpc.handleUnaryCall<_rheo_v1_DescribeConsumerGroupRequest__Output, _rheo_v1_DescribeConsumerGroupResponse>;
  
  /**
   * Lists a stream's groups.
   */
  ListConsumerGroups: grpc.handleUnaryCall<_rheo_v1_ListConsumerGroupsRequest__Output, _rheo_v1_ListConsumerGroupsResponse>;
  
  /**
   * Gives leases back (graceful shutdown, rebalancing), after a final checkpoint.
   */
  ReleaseLeases: grpc.handleUnaryCall<_rheo_v1_ReleaseLeasesRequest__Output, _rheo_v1_ReleaseLeasesResponse>;
  
  /**
   * Extends a worker's leases in one call; reports the ones it has lost.
   */
  RenewLeases: grpc.handleUnaryCall<_rheo_v1_RenewLeasesRequest__Output, _rheo_v1_RenewLeasesResponse>;
  
}

export interface ConsumerGroupsDefinition extends grpc.ServiceDefinition {
  AcquireLeases: MethodDefinition<_rheo_v1_AcquireLeasesRequest, _rheo_v1_AcquireLeasesResponse, _rheo_v1_AcquireLeasesRequest__Output, _rheo_v1_AcquireLeasesResponse__Output>
  Checkpoint: MethodDefinition<_rheo_v1_CheckpointRequest, _rheo_v1_CheckpointResponse, _rheo_v1_CheckpointRequest__Output, _rheo_v1_CheckpointResponse__Output>
  CreateConsumerGroup: MethodDefinition<_rheo_v1_CreateConsumerGroupRequest, _rheo_v1_CreateConsumerGroupResponse, _rheo_v1_CreateConsumerGroupRequest__Output, _rheo_v1_CreateConsumerGroupResponse__Output>
  DeleteConsumerGroup: MethodDefinition<_rheo_v1_DeleteConsumerGroupRequest, _rheo_v1_DeleteConsumerGroupResponse, _rheo_v1_DeleteConsumerGroupRequest__Output, _rheo_v1_DeleteConsumerGroupResponse__Output>
  DescribeConsumerGroup: MethodDefinition<_rheo_v1_DescribeConsumerGroupRequest, _rheo_v1_DescribeConsumerGroupResponse, _rheo_v1_DescribeConsumerGroupRequest__Output, _rheo_v1_DescribeConsumerGroupResponse__Output>
  ListConsumerGroups: MethodDefinition<_rheo_v1_ListConsumerGroupsRequest, _rheo_v1_ListConsumerGroupsResponse, _rheo_v1_ListConsumerGroupsRequest__Output, _rheo_v1_ListConsumerGroupsResponse__Output>
  ReleaseLeases: MethodDefinition<_rheo_v1_ReleaseLeasesRequest, _rheo_v1_ReleaseLeasesResponse, _rheo_v1_ReleaseLeasesRequest__Output, _rheo_v1_ReleaseLeasesResponse__Output>
  RenewLeases: MethodDefinition<_rheo_v1_RenewLeasesRequest, _rheo_v1_RenewLeasesResponse, _rheo_v1_RenewLeasesRequest__Output, _rheo_v1_RenewLeasesResponse__Output>
}
