// Original file: proto/rheo/v1/data.proto

import type { Long } from '@grpc/proto-loader';

/**
 * One batch for one shard, the unit of writing. The leader checks the
 * batch's CRC and limits and that every record's hash key is inside the
 * shard's range, then proposes the bytes as one Raft entry.
 */
export interface PutRecordsRequest {
  /**
   * The stream's name (or use stream_arn).
   */
  'streamName'?: (string);
  /**
   * The stream's ARN (or use stream_name).
   */
  'streamArn'?: (string);
  /**
   * The shard every record of the batch routes to (by the client's shard map). Empty: the node
   * routes by the records' hash keys, and every record must then map to one shard.
   */
  'shardId'?: (string);
  /**
   * A client record batch (@rheo/wire): 1..500 records, at most 5 MiB, each record at most 1 MiB with its key.
   */
  'recordBatch'?: (Buffer | Uint8Array | string);
  /**
   * Idempotent producer: a client-chosen id (1..64 characters, e.g. a UUID), stable across
   * retries; empty turns deduplication off for this batch.
   */
  'producerId'?: (string);
  /**
   * Idempotent producer: raised by a producer that restarts with the same id; batches of a
   * lower epoch are refused (a zombie producer is fenced).
   */
  'producerEpoch'?: (number);
  /**
   * Idempotent producer: this producer's batch number for this shard, starting at 1 and rising
   * by one per new batch. A retry reuses the number; the leader answers a number it has written
   * with the original result, and refuses a gap (InvalidArgument, field batch_sequence) rather than reorder.
   */
  'batchSequence'?: (number | string | Long);
}

/**
 * One batch for one shard, the unit of writing. The leader checks the
 * batch's CRC and limits and that every record's hash key is inside the
 * shard's range, then proposes the bytes as one Raft entry.
 */
export interface PutRecordsRequest__Output {
  /**
   * The stream's name (or use stream_arn).
   */
  'streamName': (string);
  /**
   * The stream's ARN (or use stream_name).
   */
  'streamArn': (string);
  /**
   * The shard every record of the batch routes to (by the client's shard map). Empty: the node
   * routes by the records' hash keys, and every record must then map to one shard.
   */
  'shardId': (string);
  /**
   * A client record batch (@rheo/wire): 1..500 records, at most 5 MiB, each record at most 1 MiB with its key.
   */
  'recordBatch': (Buffer);
  /**
   * Idempotent producer: a client-chosen id (1..64 characters, e.g. a UUID), stable across
   * retries; empty turns deduplication off for this batch.
   */
  'producerId': (string);
  /**
   * Idempotent producer: raised by a producer that restarts with the same id; batches of a
   * lower epoch are refused (a zombie producer is fenced).
   */
  'producerEpoch': (number);
  /**
   * Idempotent producer: this producer's batch number for this shard, starting at 1 and rising
   * by one per new batch. A retry reuses the number; the leader answers a number it has written
   * with the original result, and refuses a gap (InvalidArgument, field batch_sequence) rather than reorder.
   */
  'batchSequence': (number);
}
