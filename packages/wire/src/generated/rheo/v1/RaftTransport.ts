// Original file: proto/rheo/v1/internal.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { RaftBatch as _rheo_v1_RaftBatch, RaftBatch__Output as _rheo_v1_RaftBatch__Output } from '../../rheo/v1/RaftBatch.js';

/**
 * Raft messages of every group between two nodes. There is one stream per
 * node pair: the node with the lower id opens it, and both send on it. The
 * first message each way carries `hello`; a mismatch (cluster, node ids)
 * ends the stream with an ErrorDetail (InvalidArgument, field hello.*). Raft
 * tolerates loss, so a broken stream drops messages and is reopened; the
 * sender reports the peer unreachable to its groups meanwhile.
 */
export interface RaftTransportClient extends grpc.Client {
  /**
   * The node pair's stream; each message is a batch.
   */
  Exchange(metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientDuplexStream<_rheo_v1_RaftBatch, _rheo_v1_RaftBatch__Output>;
  Exchange(options?: grpc.CallOptions): grpc.ClientDuplexStream<_rheo_v1_RaftBatch, _rheo_v1_RaftBatch__Output>;
  /**
   * The node pair's stream; each message is a batch.
   */
  exchange(metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientDuplexStream<_rheo_v1_RaftBatch, _rheo_v1_RaftBatch__Output>;
  exchange(options?: grpc.CallOptions): grpc.ClientDuplexStream<_rheo_v1_RaftBatch, _rheo_v1_RaftBatch__Output>;
  
}

/**
 * Raft messages of every group between two nodes. There is one stream per
 * node pair: the node with the lower id opens it, and both send on it. The
 * first message each way carries `hello`; a mismatch (cluster, node ids)
 * ends the stream with an ErrorDetail (InvalidArgument, field hello.*). Raft
 * tolerates loss, so a broken stream drops messages and is reopened; the
 * sender reports the peer unreachable to its groups meanwhile.
 */
export interface RaftTransportHandlers extends grpc.UntypedServiceImplementation {
  /**
   * The node pair's stream; each message is a batch.
   */
  Exchange: grpc.handleBidiStreamingCall<_rheo_v1_RaftBatch__Output, _rheo_v1_RaftBatch>;
  
}

export interface RaftTransportDefinition extends grpc.ServiceDefinition {
  Exchange: MethodDefinition<_rheo_v1_RaftBatch, _rheo_v1_RaftBatch, _rheo_v1_RaftBatch__Output, _rheo_v1_RaftBatch__Output>
}
