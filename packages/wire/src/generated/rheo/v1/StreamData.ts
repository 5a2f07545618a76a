// Original file: proto/rheo/v1/data.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { GetRecordsRequest as _rheo_v1_GetRecordsRequest, GetRecordsRequest__Output as _rheo_v1_GetRecordsRequest__Output } from '../../rheo/v1/GetRecordsRequest.js';
import type { GetRecordsResponse as _rheo_v1_GetRecordsResponse, GetRecordsResponse__Output as _rheo_v1_GetRecordsResponse__Output } from '../../rheo/v1/GetRecordsResponse.js';
import type { GetShardIteratorRequest as _rheo_v1_GetShardIteratorRequest, GetShardIteratorRequest__Output as _rheo_v1_GetShardIteratorRequest__Output } from '../../rheo/v1/GetShardIteratorRequest.js';
import type { GetShardIteratorResponse as _rheo_v1_GetShardIteratorResponse, GetShardIteratorResponse__Output as _rheo_v1_GetShardIteratorResponse__Output } from '../../rheo/v1/GetShardIteratorResponse.js';
import type { ProduceRequest as _rheo_v1_ProduceRequest, ProduceRequest__Output as _rheo_v1_ProduceRequest__Output } from '../../rheo/v1/ProduceRequest.js';
import type { ProduceResponse as _rheo_v1_ProduceResponse, ProduceResponse__Output as _rheo_v1_ProduceResponse__Output } from '../../rheo/v1/ProduceResponse.js';
import type { PutRecordRequest as _rheo_v1_PutRecordRequest, PutRecordRequest__Output as _rheo_v1_PutRecordRequest__Output } from '../../rheo/v1/PutRecordRequest.js';
import type { PutRecordResponse as _rheo_v1_PutRecordResponse, PutRecordResponse__Output as _rheo_v1_PutRecordResponse__Output } from '../../rheo/v1/PutRecordResponse.js';
import type { PutRecordsRequest as _rheo_v1_PutRecordsRequest, PutRecordsRequest__Output as _rheo_v1_PutRecordsRequest__Output } from '../../rheo/v1/PutRecordsRequest.js';
import type { PutRecordsResponse as _rheo_v1_PutRecordsResponse, PutRecordsResponse__Output as _rheo_v1_PutRecordsResponse__Output } from '../../rheo/v1/PutRecordsResponse.js';
import type { SubscribeToShardEvent as _rheo_v1_SubscribeToShardEvent, SubscribeToShardEvent__Output as _rheo_v1_SubscribeToShardEvent__Output } from '../../rheo/v1/SubscribeToShardEvent.js';
import type { SubscribeToShardRequest as _rheo_v1_SubscribeToShardRequest, SubscribeToShardRequest__Output as _rheo_v1_SubscribeToShardRequest__Output } from '../../rheo/v1/SubscribeToShardRequest.js';

/**
 * Producing and consuming records. Errors: see ErrorDetail (common.proto).
 */
export interface StreamDataClient extends grpc.Client {
  /**
   * Reads the committed records at an iterator, and the iterator for the next call.
   */
  GetRecords(argument: _rheo_v1_GetRecordsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_GetRecordsResponse__Output>): grpc.ClientUnaryCall;
  GetRecords(argument: _rheo_v1_GetRecordsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_GetRecordsResponse__Output>): grpc.ClientUnaryCall;
  GetRecords(argument: _rheo_v1_GetRecordsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_GetRecordsResponse__Output>): grpc.ClientUnaryCall;
  GetRecords(argument: _rheo_v1_GetRecordsRequest, callback: grpc.requestCallback<_rheo_v1_GetRecordsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Reads the committed records at an iterator, and the iterator for the next call.
   */
  getRecords(argument: _rheo_v1_GetRecordsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_GetRecordsResponse__Output>): grpc.ClientUnaryCall;
  getRecords(argument: _rheo_v1_GetRecordsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_GetRecordsResponse__Output>): grpc.ClientUnaryCall;
  getRecords(argument: _rheo_v1_GetRecordsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_GetRecordsResponse__Output>): grpc.ClientUnaryCall;
  getRecords(argument: _rheo_v1_GetRecordsRequest, callback: grpc.requestCallback<_rheo_v1_GetRecordsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Returns a signed, opaque iterator for pull reads from a position in a shard.
   */
  GetShardIterator(argument: _rheo_v1_GetShardIteratorRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_GetShardIteratorResponse__Output>): grpc.ClientUnaryCall;
  GetShardIterator(argument: _rheo_v1_GetShardIteratorRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_GetShardIteratorResponse__Output>): grpc.ClientUnaryCall;
  GetShardIterator(argument: _rheo_v1_GetShardIteratorRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_GetShardIteratorResponse__Output>): grpc.ClientUnaryCall;
  GetShardIterator(argument: _rheo_v1_GetShardIteratorRequest, callback: grpc.requestCallback<_rheo_v1_GetShardIteratorResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Returns a signed, opaque iterator for pull reads from a position in a shard.
   */
  getShardIterator(argument: _rheo_v1_GetShardIteratorRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_GetShardIteratorResponse__Output>): grpc.ClientUnaryCall;
  getShardIterator(argument: _rheo_v1_GetShardIteratorRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_GetShardIteratorResponse__Output>): grpc.ClientUnaryCall;
  getShardIterator(argument: _rheo_v1_GetShardIteratorRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_GetShardIteratorResponse__Output>): grpc.ClientUnaryCall;
  getShardIterator(argument: _rheo_v1_GetShardIteratorRequest, callback: grpc.requestCallback<_rheo_v1_GetShardIteratorResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * The high-rate path: many batches in flight on one stream, answered by request id,
   * possibly out of order across shards (in order within a shard).
   */
  Produce(metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientDuplexStream<_rheo_v1_ProduceRequest, _rheo_v1_ProduceResponse__Output>;
  Produce(options?: grpc.CallOptions): grpc.ClientDuplexStream<_rheo_v1_ProduceRequest, _rheo_v1_ProduceResponse__Output>;
  /**
   * The high-rate path: many batches in flight on one stream, answered by request id,
   * possibly out of order across shards (in order within a shard).
   */
  produce(metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientDuplexStream<_rheo_v1_ProduceRequest, _rheo_v1_ProduceResponse__Output>;
  produce(options?: grpc.CallOptions): grpc.ClientDuplexStream<_rheo_v1_ProduceRequest, _rheo_v1_ProduceResponse__Output>;
  
  /**
   * Writes one record (Kinesis's PutRecord).
   */
  PutRecord(argument: _rheo_v1_PutRecordRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_PutRecordResponse__Output>): grpc.ClientUnaryCall;
  PutRecord(argument: _rheo_v1_PutRecordRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_PutRecordResponse__Output>): grpc.ClientUnaryCall;
  PutRecord(argument: _rheo_v1_PutRecordRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_PutRecordResponse__Output>): grpc.ClientUnaryCall;
  PutRecord(argument: _rheo_v1_PutRecordRequest, callback: grpc.requestCallback<_rheo_v1_PutRecordResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Writes one record (Kinesis's PutRecord).
   */
  putRecord(argument: _rheo_v1_PutRecordRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_PutRecordResponse__Output>): grpc.ClientUnaryCall;
  putRecord(argument: _rheo_v1_PutRecordRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_PutRecordResponse__Output>): grpc.ClientUnaryCall;
  putRecord(argument: _rheo_v1_PutRecordRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_PutRecordResponse__Output>): grpc.ClientUnaryCall;
  putRecord(argument: _rheo_v1_PutRecordRequest, callback: grpc.requestCallback<_rheo_v1_PutRecordResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Writes one batch of records to one shard, atomically: all are written, in order, or none.
   */
  PutRecords(argument: _rheo_v1_PutRecordsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_PutRecordsResponse__Output>): grpc.ClientUnaryCall;
  PutRecords(argument: _rheo_v1_PutRecordsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_PutRecordsResponse__Output>): grpc.ClientUnaryCall;
  PutRecords(argument: _rheo_v1_PutRecordsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_PutRecordsResponse__Output>): grpc.ClientUnaryCall;
  PutRecords(argument: _rheo_v1_PutRecordsRequest, callback: grpc.requestCallback<_rheo_v1_PutRecordsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Writes one batch of records to one shard, atomically: all are written, in order, or none.
   */
  putRecords(argument: _rheo_v1_PutRecordsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_PutRecordsResponse__Output>): grpc.ClientUnaryCall;
  putRecords(argument: _rheo_v1_PutRecordsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_rheo_v1_PutRecordsResponse__Output>): grpc.ClientUnaryCall;
  putRecords(argument: _rheo_v1_PutRecordsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_rheo_v1_PutRecordsResponse__Output>): grpc.ClientUnaryCall;
  putRecords(argument: _rheo_v1_PutRecordsRequest, callback: grpc.requestCallback<_rheo_v1_PutRecordsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Enhanced fan-out: pushes a shard's records to a registered consumer as they commit,
   * for a bounded time (5 minutes by default); resubscribe from the last continuation.
   */
  SubscribeToShard(argument: _rheo_v1_SubscribeToShardRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_rheo_v1_SubscribeToShardEvent__Output>;
  SubscribeToShard(argument: _rheo_v1_SubscribeToShardRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_rheo_v1_SubscribeToShardEvent__Output>;
  /**
   * Enhanced fan-out: pushes a shard's records to a registered consumer as they commit,
   * for a bounded time (5 minutes by default); resubscribe from the last continuation.
   */
  subscribeToShard(argument: _rheo_v1_SubscribeToShardRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_rheo_v1_SubscribeToShardEvent__Output>;
  subscribeToShard(argument: _rheo_v1_SubscribeToShardRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_rheo_v1_SubscribeToShardEvent__Output>;
  
}

/**
 * Producing and consuming records. Errors: see ErrorDetail (common.proto).
 */
export interface StreamDataHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Reads the committed records at an iterator, and the iterator for the next call.
   */
  GetRecords: grpc.handleUnaryCall<_rheo_v1_GetRecordsRequest__Output, _rheo_v1_GetRecordsResponse>;
  
  /**
   * Returns a signed, opaque iterator for pull reads from a position in a shard.
   */
  GetShardIterator: grpc.handleUnaryCall<_rheo_v1_GetShardIteratorRequest__Output, _rheo_v1_GetShardIteratorResponse>;
  
  /**
   * The high-rate path: many batches in flight on one stream, answered by request id,
   * possibly out of order across shards (in order within a shard).
   */
  Produce: grpc.handleBidiStreamingCall<_rheo_v1_ProduceRequest__Output, _rheo_v1_ProduceResponse>;
  
  /**
   * Writes one record (Kinesis's PutRecord).
   */
  PutRecord: grpc.handleUnaryCall<_rheo_v1_PutRecordRequest__Output, _rheo_v1_PutRecordResponse>;
  
  /**
   * Writes one batch of records to one shard, atomically: all are written, in order, or none.
   */
  PutRecords: grpc.handleUnaryCall<_rheo_v1_PutRecordsRequest__Output, _rheo_v1_PutRecordsResponse>;
  
  /**
   * Enhanced fan-out: pushes a shard's records to a registered consumer as they commit,
   * for a bounded time (5 minutes by default); resubscribe from the last continuation.
   */
  SubscribeToShard: grpc.handleServerStreamingCall<_rheo_v1_SubscribeToShardRequest__Output, _rheo_v1_SubscribeToShardEvent>;
  
}

export interface StreamDataDefinition extends grpc.ServiceDefinition {
  GetRecords: MethodDefinition<_rheo_v1_GetRecordsRequest, _rheo_v1_GetRecordsResponse, _rheo_v1_GetRecordsRequest__Output, _rheo_v1_GetRecordsResponse__Output>
  GetShardIterator: MethodDefinition<_rheo_v1_GetShardIteratorRequest, _rheo_v1_GetShardIteratorResponse, _rheo_v1_GetShardIteratorRequest__Output, _rheo_v1_GetShardIteratorResponse__Output>
  Produce: MethodDefinition<_rheo_v1_ProduceRequest, _rheo_v1_ProduceResponse, _rheo_v1_ProduceRequest__Output, _rheo_v1_ProduceResponse__Output>
  PutRecord: MethodDefinition<_rheo_v1_PutRecordRequest, _rheo_v1_PutRecordResponse, _rheo_v1_PutRecordRequest__Output, _rheo_v1_PutRecordResponse__Output>
  PutRecords: MethodDefinition<_rheo_v1_PutRecordsRequest, _rheo_v1_PutRecordsResponse, _rheo_v1_PutRecordsRequest__Output, _rheo_v1_PutRecordsResponse__Output>
  SubscribeToShard: MethodDefinition<_rheo_v1_SubscribeToShardRequest, _rheo_v1_SubscribeToShardEvent, _rheo_v1_SubscribeToShardRequest__Output, _rheo_v1_SubscribeToShardEvent__Output>
}
