// Original file: proto/rheo/v1/internal.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { FetchMetadataRequest as _rheo_v1_FetchMetadataRequest, FetchMetadataRequest__Output as _rheo_v1_FetchMetadataRequest__Output } from '../../rheo/v1/FetchMetadataRequest.js';
import type { FetchMetadataResponse as _rheo_v1_FetchMetadataResponse, FetchMetadataResponse__Output as _rheo_v1_FetchMetadataResponse__Output } from '../../rheo/v1/FetchMetadataResponse.js';
import type { HeartbeatResponse as _rheo_v1_HeartbeatResponse, HeartbeatResponse__Output as _rheo_v1_HeartbeatResponse__Output } from '../../rheo/v1/HeartbeatResponse.js';
import type { NodeHeartbeat as _rheo_v1_NodeHeartbeat, NodeHeartbeat__Output as _rheo_v1_NodeHeartbeat__Output } from '../../rheo/v1/NodeHeartbeat.js';
import type { RegisterNodeRequest as _rheo_v1_RegisterNodeRequest, RegisterNodeRequest__Output as _rheo_v1_RegisterNodeRequest__Output } from '../../rheo/v1/RegisterNodeRequest.js';
import type { RegisterNodeResponse as _rheo_v1_RegisterNodeResponse, RegisterNodeResponse__Output as _rheo_v1_RegisterNodeResponse__Output } from '../../rheo/v1/RegisterNodeResponse.js';

/**
 * Brokers report to the active controller, which answers with work. Sent
 * to any controller node; a follower answers NotLeader with the leader.
 */
export interface ControllerHeartbeatClient extends grpc.Client {
  /**
   * The metadata as of the active controller's applied state (a broker-only node's mirror).
   */
  FetchMetadata(argument: _rheo_v1_FetchMetadataRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_FetchMetadataResponse__Output>): grpc.ClientUnaryCall;
  FetchMetadata(argument: _rheo_v1_FetchMetadataRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_FetchMetadataResponse__Output>): grpc.ClientUnaryCall;
  FetchMetadata(argument: _rheo_v1_FetchMetadataRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_FetchMetadataResponse__Output>): grpc.ClientUnaryCall;
  FetchMetadata(argument: _rheo_v1_FetchMetadataRequest, callback: grpc.requestCallback<_rheo_v1_FetchMetadataResponse__Output>): grpc.ClientUnaryCall;
  /**
   * The metadata as of the active controller's applied state (a broker-only node's mirror).
   */
  fetchMetadata(argument: _rheo_v1_FetchMetadataRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_FetchMetadataResponse__Output>): grpc.ClientUnaryCall;
  fetchMetadata(argument: _rheo_v1_FetchMetadataRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_FetchMetadataResponse__Output>): grpc.ClientUnaryCall;
  fetchMetadata(argument: _rheo_v1_FetchMetadataRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_FetchMetadataResponse__Output>): grpc.ClientUnaryCall;
  fetchMetadata(argument: _rheo_v1_FetchMetadataRequest, callback: grpc.requestCallback<_rheo_v1_FetchMetadataResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Periodic report of the node's replicas and traffic; the answer carries commands for it.
   */
  Heartbeat(argument: _rheo_v1_NodeHeartbeat, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_HeartbeatResponse__Output>): grpc.ClientUnaryCall;
  Heartbeat(argument: _rheo_v1_NodeHeartbeat, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_HeartbeatResponse__Output>): grpc.ClientUnaryCall;
  Heartbeat(argument: _rheo_v1_NodeHeartbeat, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_HeartbeatResponse__Output>): grpc.ClientUnaryCall;
  Heartbeat(argument: _rheo_v1_NodeHeartbeat, callback: grpc.requestCallback<_rheo_v1_HeartbeatResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Periodic report of the node's replicas and traffic; the answer carries commands for it.
   */
  heartbeat(argument: _rheo_v1_NodeHeartbeat, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_HeartbeatResponse__Output>): grpc.ClientUnaryCall;
  heartbeat(argument: _rheo_v1_NodeHeartbeat, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_HeartbeatResponse__Output>): grpc.ClientUnaryCall;
  heartbeat(argument: _rheo_v1_NodeHeartbeat, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_HeartbeatResponse__Output>): grpc.ClientUnaryCall;
  heartbeat(argument: _rheo_v1_NodeHeartbeat, callback: grpc.requestCallback<_rheo_v1_HeartbeatResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Announces a node process at start-up; refused (ResourceInUse) while another live incarnation holds the id.
   */
  RegisterNode(argument: _rheo_v1_RegisterNodeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_RegisterNodeResponse__Output>): grpc.ClientUnaryCall;
  RegisterNode(argument: _rheo_v1_RegisterNodeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_RegisterNodeResponse__Output>): grpc.ClientUnaryCall;
  RegisterNode(argument: _rheo_v1_RegisterNodeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_RegisterNodeResponse__Output>): grpc.ClientUnaryCall;
  RegisterNode(argument: _rheo_v1_RegisterNodeRequest, callback: grpc.requestCallback<_rheo_v1_RegisterNodeResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Announces a node process at start-up; refused (ResourceInUse) while another live incarnation holds the id.
   */
  registerNode(argument: _rheo_v1_RegisterNodeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_RegisterNodeResponse__Output>): grpc.ClientUnaryCall;
  registerNode(argument: _rheo_v1_RegisterNodeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_RegisterNodeResponse__Output>): grpc.ClientUnaryCall;
  registerNode(argument: _rheo_v1_RegisterNodeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_RegisterNodeResponse__Output>): grpc.ClientUnaryCall;
  registerNode(argument: _rheo_v1_RegisterNodeRequest, callback: grpc.requestCallback<_rheo_v1_RegisterNodeResponse__Output>): grpc.ClientUnaryCall;
  
}

/**
 * Brokers report to the active controller, which answers with work. Sent
 * to any controller node; a follower answers NotLeader with the leader.
 */
export interface ControllerHeartbeatHandlers extends grpc.UntypedServiceImplementation {
  /**
   * The metadata as of the active controller's applied state (a broker-only node's mirror).
   */
  FetchMetadata: grpc.handleUnaryCall<_rheo_v1_FetchMetadataRequest__Output, _rheo_v1_FetchMetadataResponse>;
  
  /**
   * Periodic report of the node's replicas and traffic; the answer carries commands for it.
   */
  Heartbeat: grpc.handleUnaryCall<_rheo_v1_NodeHeartbeat__Output, _rheo_v1_HeartbeatResponse>;
  
  /**
   * Announces a node process at start-up; refused (ResourceInUse) while another live incarnation holds the id.
   */
  RegisterNode: grpc.handleUnaryCall<_rheo_v1_RegisterNodeRequest__Output, _rheo_v1_RegisterNodeResponse>;
  
}

export interface ControllerHeartbeatDefinition extends grpc.ServiceDefinition {
  FetchMetadata: MethodDefinition<_rheo_v1_FetchMetadataRequest, _rheo_v1_FetchMetadataResponse, _rheo_v1_FetchMetadataRequest__Output, _rheo_v1_FetchMetadataResponse__Output>
  Heartbeat: MethodDefinition<_rheo_v1_NodeHeartbeat, _rheo_v1_HeartbeatResponse, _rheo_v1_NodeHeartbeat__Output, _rheo_v1_HeartbeatResponse__Output>
  RegisterNode: MethodDefinition<_rheo_v1_RegisterNodeRequest, _rheo_v1_RegisterNodeResponse, _rheo_v1_RegisterNodeRequest__Output, _rheo_v1_RegisterNodeResponse__Output>
}
