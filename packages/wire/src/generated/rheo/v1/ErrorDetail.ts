// Original file: proto/rheo/v1/common.proto


/**
 * The machine-readable part of every error. A server that fails a call sets
 * the gRPC status code and puts this message, protobuf-encoded, in the
 * binary trailing-metadata entry `rheo-error-bin`; the status details text
 * repeats `message` for tools that read only the status. On a stream
 * (Produce) an error about one batch travels inside its answer instead, and
 * the stream stays open.
 */
export interface ErrorDetail {
  /**
   * The reason's stable name, one of @rheo/wire's reason table (errors.ts,
   * docs/errors.md), which gives each its gRPC status and the Kinesis
   * exception name it maps to one-to-one: the Kinesis ones
   * (ResourceNotFound, ResourceInUse, InvalidArgument,
   * ProvisionedThroughputExceeded, ExpiredIterator, ExpiredNextToken,
   * LimitExceeded, AccessDenied, Validation, KMS...) and Rheo's own
   * (NotLeader, ShardClosed, LeaseLost, Corrupt, OutcomeUnknown,
   * Backpressure, Unavailable, Internal). A client that meets an unknown
   * name goes by the status code.
   */
  'reason'?: (string);
  /**
   * A precise human-readable message; never a stack trace.
   */
  'message'?: (string);
  /**
   * The request field at fault (proto field path, e.g. `shard_filter.shard_id`); empty when no one field is.
   */
  'field'?: (string);
  /**
   * NotLeader: the node believed to lead the shard or group; 0 when unknown.
   */
  'leaderNodeId'?: (number);
  /**
   * NotLeader: that node's client address (host:port); empty when unknown.
   */
  'leaderAddress'?: (string);
  /**
   * True when the same call may succeed if retried unchanged (after a backoff, or at leader_address).
   */
  'retryable'?: (boolean);
  /**
   * A server's hint for the least backoff before a retry (throttling, overload); 0 for none.
   */
  'retryAfterMs'?: (number);
}

/**
 * The machine-readable part of every error. A server that fails a call sets
 * the gRPC status code and puts this message, protobuf-encoded, in the
 * binary trailing-metadata entry `rheo-error-bin`; the status details text
 * repeats `message` for tools that read only the status. On a stream
 * (Produce) an error about one batch travels inside its answer instead, and
 * the stream stays open.
 */
export interface ErrorDetail__Output {
  /**
   * The reason's stable name, one of @rheo/wire's reason table (errors.ts,
   * docs/errors.md), which gives each its gRPC status and the Kinesis
   * exception name it maps to one-to-one: the Kinesis ones
   * (ResourceNotFound, ResourceInUse, InvalidArgument,
   * ProvisionedThroughputExceeded, ExpiredIterator, ExpiredNextToken,
   * LimitExceeded, AccessDenied, Validation, KMS...) and Rheo's own
   * (NotLeader, ShardClosed, LeaseLost, Corrupt, OutcomeUnknown,
   * Backpressure, Unavailable, Internal). A client that meets an unknown
   * name goes by the status code.
   */
  'reason': (string);
  /**
   * A precise human-readable message; never a stack trace.
   */
  'message': (string);
  /**
   * The request field at fault (proto field path, e.g. `shard_filter.shard_id`); empty when no one field is.
   */
  'field': (string);
  /**
   * NotLeader: the node believed to lead the shard or group; 0 when unknown.
   */
  'leaderNodeId': (number);
  /**
   * NotLeader: that node's client address (host:port); empty when unknown.
   */
  'leaderAddress': (string);
  /**
   * True when the same call may succeed if retried unchanged (after a backoff, or at leader_address).
   */
  'retryable': (boolean);
  /**
   * A server's hint for the least backoff before a retry (throttling, overload); 0 for none.
   */
  'retryAfterMs': (number);
}
