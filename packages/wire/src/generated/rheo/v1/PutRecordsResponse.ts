// Original file: proto/rheo/v1/data.proto

import type { EncryptionType as _rheo_v1_EncryptionType, EncryptionType__Output as _rheo_v1_EncryptionType__Output } from '../../rheo/v1/EncryptionType.js';
import type { Long } from '@grpc/proto-loader';

/**
 * The result of one batch. Per-record results are packed: the records of a
 * batch land together in one Raft entry at consecutive positions, so record
 * i's sequence number is the first one's plus i (@rheo/wire's
 * sequenceNumberAfter), never listed one by one.
 */
export interface PutRecordsResponse {
  /**
   * The shard that took the batch.
   */
  'shardId'?: (string);
  /**
   * The sequence number of the batch's first record.
   */
  'firstSequenceNumber'?: (string);
  /**
   * Number of records written (all of the batch's).
   */
  'recordCount'?: (number);
  /**
   * Encryption at rest applied to the records.
   */
  'encryptionType'?: (_rheo_v1_EncryptionType);
  /**
   * True when this answer came from the idempotent-producer table: the batch had been written before.
   */
  'duplicate'?: (boolean);
  /**
   * Arrival time the leader stamped on every record of the batch, ms since the epoch.
   */
  'arrivalTimestampMs'?: (number | string | Long);
}

/**
 * The result of one batch. Per-record results are packed: the records of a
 * batch land together in one Raft entry at consecutive positions, so record
 * i's sequence number is the first one's plus i (@rheo/wire's
 * sequenceNumberAfter), never listed one by one.
 */
export interface PutRecordsResponse__Output {
  /**
   * The shard that took the batch.
   */
  'shardId': (string);
  /**
   * The sequence number of the batch's first record.
   */
  'firstSequenceNumber': (string);
  /**
   * Number of records written (all of the batch's).
   */
  'recordCount': (number);
  /**
   * Encryption at rest applied to the records.
   */
  'encryptionType': (_rheo_v1_EncryptionType__Output);
  /**
   * True when this answer came from the idempotent-producer table: the batch had been written before.
   */
  'duplicate': (boolean);
  /**
   * Arrival time the leader stamped on every record of the batch, ms since the epoch.
   */
  'arrivalTimestampMs': (number);
}
