// Original file: proto/rheo/v1/common.proto

import type { ShardIteratorType as _rheo_v1_ShardIteratorType, ShardIteratorType__Output as _rheo_v1_ShardIteratorType__Output } from '../../rheo/v1/ShardIteratorType.js';
import type { Long } from '@grpc/proto-loader';

/**
 * Where to start reading: used by SubscribeToShard and consumer groups.
 */
export interface StartingPosition {
  /**
   * TRIM_HORIZON, LATEST, AT/AFTER_SEQUENCE_NUMBER or AT_TIMESTAMP.
   */
  'type'?: (_rheo_v1_ShardIteratorType);
  /**
   * For AT_SEQUENCE_NUMBER and AFTER_SEQUENCE_NUMBER; empty otherwise.
   */
  'sequenceNumber'?: (string);
  /**
   * For AT_TIMESTAMP: arrival time in ms since the epoch; 0 otherwise.
   */
  'timestampMs'?: (number | string | Long);
}

/**
 * Where to start reading: used by SubscribeToShard and consumer groups.
 */
export interface StartingPosition__Output {
  /**
   * TRIM_HORIZON, LATEST, AT/AFTER_SEQUENCE_NUMBER or AT_TIMESTAMP.
   */
  'type': (_rheo_v1_ShardIteratorType__Output);
  /**
   * For AT_SEQUENCE_NUMBER and AFTER_SEQUENCE_NUMBER; empty otherwise.
   */
  'sequenceNumber': (string);
  /**
   * For AT_TIMESTAMP: arrival time in ms since the epoch; 0 otherwise.
   */
  'timestampMs': (number);
}
