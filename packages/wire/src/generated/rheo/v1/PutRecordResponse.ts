// Original file: proto/rheo/v1/data.proto

import type { EncryptionType as _rheo_v1_EncryptionType, EncryptionType__Output as _rheo_v1_EncryptionType__Output } from '../../rheo/v1/EncryptionType.js';

/**
 * PutRecord's result.
 */
export interface PutRecordResponse {
  /**
   * The shard that took the record.
   */
  'shardId'?: (string);
  /**
   * The record's sequence number.
   */
  'sequenceNumber'?: (string);
  /**
   * Encryption at rest applied to the record.
   */
  'encryptionType'?: (_rheo_v1_EncryptionType);
}

/**
 * PutRecord's result.
 */
export interface PutRecordResponse__Output {
  /**
   * The shard that took the record.
   */
  'shardId': (string);
  /**
   * The record's sequence number.
   */
  'sequenceNumber': (string);
  /**
   * Encryption at rest applied to the record.
   */
  'encryptionType': (_rheo_v1_EncryptionType__Output);
}
