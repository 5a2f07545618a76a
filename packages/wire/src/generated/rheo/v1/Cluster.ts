// Original file: proto/rheo/v1/cluster.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { DescribeClusterRequest as _rheo_v1_DescribeClusterRequest, DescribeClusterRequest__Output as _rheo_v1_DescribeClusterRequest__Output } from '../../rheo/v1/DescribeClusterRequest.js';
import type { DescribeClusterResponse as _rheo_v1_DescribeClusterResponse, DescribeClusterResponse__Output as _rheo_v1_DescribeClusterResponse__Output } from '../../rheo/v1/DescribeClusterResponse.js';
import type { DrainNodeRequest as _rheo_v1_DrainNodeRequest, DrainNodeRequest__Output as _rheo_v1_DrainNodeRequest__Output } from '../../rheo/v1/DrainNodeRequest.js';
import type { DrainNodeResponse as _rheo_v1_DrainNodeResponse, DrainNodeResponse__Output as _rheo_v1_DrainNodeResponse__Output } from '../../rheo/v1/DrainNodeResponse.js';
import type { GetShardMapRequest as _rheo_v1_GetShardMapRequest, GetShardMapRequest__Output as _rheo_v1_GetShardMapRequest__Output } from '../../rheo/v1/GetShardMapRequest.js';
import type { GetShardMapResponse as _rheo_v1_GetShardMapResponse, GetShardMapResponse__Output as _rheo_v1_GetShardMapResponse__Output } from '../../rheo/v1/GetShardMapResponse.js';
import type { RemoveNodeRequest as _rheo_v1_RemoveNodeRequest, RemoveNodeRequest__Output as _rheo_v1_RemoveNodeRequest__Output } from '../../rheo/v1/RemoveNodeRequest.js';
import type { RemoveNodeResponse as _rheo_v1_RemoveNodeResponse, RemoveNodeResponse__Output as _rheo_v1_RemoveNodeResponse__Output } from '../../rheo/v1/RemoveNodeResponse.js';
import type { UndrainNodeRequest as _rheo_v1_UndrainNodeRequest, UndrainNodeRequest__Output as _rheo_v1_UndrainNodeRequest__Output } from '../../rheo/v1/UndrainNodeRequest.js';
import type { UndrainNodeResponse as _rheo_v1_UndrainNodeResponse, UndrainNodeResponse__Output as _rheo_v1_UndrainNodeResponse__Output } from '../../rheo/v1/UndrainNodeResponse.js';

/**
 * Cluster information and node operations. Errors: see ErrorDetail (common.proto).
 */
export interface ClusterClient extends grpc.Client {
  /**
   * The nodes, their roles and health, and the active controller.
   */
  DescribeCluster(argument: _rheo_v1_DescribeClusterRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_DescribeClusterResponse__Output>): grpc.ClientUnaryCall;
  DescribeCluster(argument: _rheo_v1_DescribeClusterRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_DescribeClusterResponse__Output>): grpc.ClientUnaryCall;
  DescribeCluster(argument: _rheo_v1_DescribeClusterRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_DescribeClusterResponse__Output>): grpc.ClientUnaryCall;
  DescribeCluster(argument: _rheo_v1_DescribeClusterRequest, callback: grpc.requestCallback<_rheo_v1_DescribeClusterResponse__Output>): grpc.ClientUnaryCall;
  /**
   * The nodes, their roles and health, and the active controller.
   */
  describeCluster(argument: _rheo_v1_DescribeClusterRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_DescribeClusterResponse__Output>): grpc.ClientUnaryCall;
  describeCluster(argument: _rheo_v1_DescribeClusterRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_DescribeClusterResponse__Output>): grpc.ClientUnaryCall;
  describeCluster(argument: _rheo_v1_DescribeClusterRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_DescribeClusterResponse__Output>): grpc.ClientUnaryCall;
  describeCluster(argument: _rheo_v1_DescribeClusterRequest, callback: grpc.requestCallback<_rheo_v1_DescribeClusterResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Moves a node's leaders, then its replicas, elsewhere, for maintenance.
   */
  DrainNode(argument: _rheo_v1_DrainNodeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_DrainNodeResponse__Output>): grpc.ClientUnaryCall;
  DrainNode(argument: _rheo_v1_DrainNodeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_DrainNodeResponse__Output>): grpc.ClientUnaryCall;
  DrainNode(argument: _rheo_v1_DrainNodeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_DrainNodeResponse__Output>): grpc.ClientUnaryCall;
  DrainNode(argument: _rheo_v1_DrainNodeRequest, callback: grpc.requestCallback<_rheo_v1_DrainNodeResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Moves a node's leaders, then its replicas, elsewhere, for maintenance.
   */
  drainNode(argument: _rheo_v1_DrainNodeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_DrainNodeResponse__Output>): grpc.ClientUnaryCall;
  drainNode(argument: _rheo_v1_DrainNodeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_DrainNodeResponse__Output>): grpc.ClientUnaryCall;
  drainNode(argument: _rheo_v1_DrainNodeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_DrainNodeResponse__Output>): grpc.ClientUnaryCall;
  drainNode(argument: _rheo_v1_DrainNodeRequest, callback: grpc.requestCallback<_rheo_v1_DrainNodeResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Shards with hash ranges, replicas and current leaders, for routing; cheap when unchanged.
   */
  GetShardMap(argument: _rheo_v1_GetShardMapRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_GetShardMapResponse__Output>): grpc.ClientUnaryCall;
  GetShardMap(argument: _rheo_v1_GetShardMapRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_GetShardMapResponse__Output>): grpc.ClientUnaryCall;
  GetShardMap(argument: _rheo_v1_GetShardMapRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_GetShardMapResponse__Output>): grpc.ClientUnaryCall;
  GetShardMap(argument: _rheo_v1_GetShardMapRequest, callback: grpc.requestCallback<_rheo_v1_GetShardMapResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Shards with hash ranges, replicas and current leaders, for routing; cheap when unchanged.
   */
  getShardMap(argument: _rheo_v1_GetShardMapRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_GetShardMapResponse__Output>): grpc.ClientUnaryCall;
  getShardMap(argument: _rheo_v1_GetShardMapRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_GetShardMapResponse__Output>): grpc.ClientUnaryCall;
  getShardMap(argument: _rheo_v1_GetShardMapRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_GetShardMapResponse__Output>): grpc.ClientUnaryCall;
  getShardMap(argument: _rheo_v1_GetShardMapRequest, callback: grpc.requestCallback<_rheo_v1_GetShardMapResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Forgets a node for good; refused (ResourceInUse) while it still hosts replicas.
   */
  RemoveNode(argument: _rheo_v1_RemoveNodeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_RemoveNodeResponse__Output>): grpc.ClientUnaryCall;
  RemoveNode(argument: _rheo_v1_RemoveNodeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_RemoveNodeResponse__Output>): grpc.ClientUnaryCall;
  RemoveNode(argument: _rheo_v1_RemoveNodeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_RemoveNodeResponse__Output>): grpc.ClientUnaryCall;
  RemoveNode(argument: _rheo_v1_RemoveNodeRequest, callback: grpc.requestCallback<_rheo_v1_RemoveNodeResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Forgets a node for good; refused (ResourceInUse) while it still hosts replicas.
   */
  removeNode(argument: _rheo_v1_RemoveNodeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_RemoveNodeResponse__Output>): grpc.ClientUnaryCall;
  removeNode(argument: _rheo_v1_RemoveNodeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_RemoveNodeResponse__Output>): grpc.ClientUnaryCall;
  removeNode(argument: _rheo_v1_RemoveNodeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_RemoveNodeResponse__Output>): grpc.ClientUnaryCall;
  removeNode(argument: _rheo_v1_RemoveNodeRequest, callback: grpc.requestCallback<_rheo_v1_RemoveNodeResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Lets a drained node take replicas and leaders again.
   */
  UndrainNode(argument: _rheo_v1_UndrainNodeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_UndrainNodeResponse__Output>): grpc.ClientUnaryCall;
  UndrainNode(argument: _rheo_v1_UndrainNodeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_UndrainNodeResponse__Output>): grpc.ClientUnaryCall;
  UndrainNode(argument: _rheo_v1_UndrainNodeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_UndrainNodeResponse__Output>): grpc.ClientUnaryCall;
  UndrainNode(argument: _rheo_v1_UndrainNodeRequest, callback: grpc.requestCallback<_rheo_v1_UndrainNodeResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Lets a drained node take replicas and leaders again.
   */
  undrainNode(argument: _rheo_v1_UndrainNodeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_UndrainNodeResponse__Output>): grpc.ClientUnaryCall;
  undrainNode(argument: _rheo_v1_UndrainNodeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_UndrainNodeResponse__Output>): grpc.ClientUnaryCall;
  undrainNode(argument: _rheo_v1_UndrainNodeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_UndrainNodeResponse__Output>): grpc.ClientUnaryCall;
  undrainNode(argument: _rheo_v1_UndrainNodeRequest, callback: grpc.requestCallback<_rheo_v1_UndrainNodeResponse__Output>): grpc.ClientUnaryCall;
  
}

/**
 * Cluster information and node operations. Errors: see ErrorDetail (common.proto).
 */
export interface ClusterHandlers extends grpc.UntypedServiceImplementation {
  /**
   * The nodes, their roles and health, and the active controller.
   */
  DescribeCluster: grpc.handleUnaryCall<_rheo_v1_DescribeClusterRequest__Output, _rheo_v1_DescribeClusterResponse>;
  
  /**
   * Moves a node's leaders, then its replicas, elsewhere, for maintenance.
   */
  DrainNode: grpc.handleUnaryCall<_rheo_v1_DrainNodeRequest__Output, _rheo_v1_DrainNodeResponse>;
  
  /**
   * Shards with hash ranges, replicas and current leaders, for routing; cheap when unchanged.
   */
  GetShardMap: grpc.handleUnaryCall<_rheo_v1_GetShardMapRequest__Output, _rheo_v1_GetShardMapResponse>;
  
  /**
   * Forgets a node for good; refused (ResourceInUse) while it still hosts replicas.
   */
  RemoveNode: grpc.handleUnaryCall<_rheo_v1_RemoveNodeRequest__Output, _rheo_v1_RemoveNodeResponse>;
  
  /**
   * Lets a drained node take replicas and leaders again.
   */
  UndrainNode: grpc.handleUnaryCall<_rheo_v1_UndrainNodeRequest__Output, _rheo_v1_UndrainNodeResponse>;
  
}

export interface ClusterDefinition extends grpc.ServiceDefinition {
  DescribeCluster: MethodDefinition<_rheo_v1_DescribeClusterRequest, _rheo_v1_DescribeClusterResponse, _rheo_v1_DescribeClusterRequest__Output, _rheo_v1_DescribeClusterResponse__Output>
  DrainNode: MethodDefinition<_rheo_v1_DrainNodeRequest, _rheo_v1_DrainNodeResponse, _rheo_v1_DrainNodeRequest__Output, _rheo_v1_DrainNodeResponse__Output>
  GetShardMap: MethodDefinition<_rheo_v1_GetShardMapRequest, _rheo_v1_GetShardMapResponse, _rheo_v1_GetShardMapRequest__Output, _rheo_v1_GetShardMapResponse__Output>
  RemoveNode: MethodDefinition<_rheo_v1_RemoveNodeRequest, _rheo_v1_RemoveNodeResponse, _rheo_v1_RemoveNodeRequest__Output, _rheo_v1_RemoveNodeResponse__Output>
  UndrainNode: MethodDefinition<_rheo_v1_UndrainNodeRequest, _rheo_v1_UndrainNodeResponse, _rheo_v1_UndrainNodeRequest__Output, _rheo_v1_UndrainNodeResponse__Output>
}
