// Original file: proto/rheo/v1/data.proto

import type { StartingPosition as _rheo_v1_StartingPosition, StartingPosition__Output as _rheo_v1_StartingPosition__Output } from '../../rheo/v1/StartingPosition.js';

/**
 * SubscribeToShard's input.
 */
export interface SubscribeToShardRequest {
  /**
   * The registered consumer's ARN (from RegisterStreamConsumer).
   */
  'consumerArn'?: (string);
  /**
   * The shard to follow.
   */
  'shardId'?: (string);
  /**
   * Where to start; to resume, AFTER_SEQUENCE_NUMBER with the last continuation_sequence_number.
   */
  'startingPosition'?: (_rheo_v1_StartingPosition | null);
}

/**
 * SubscribeToShard's input.
 */
export interface SubscribeToShardRequest__Output {
  /**
   * The registered consumer's ARN (from RegisterStreamConsumer).
   */
  'consumerArn': (string);
  /**
   * The shard to follow.
   */
  'shardId': (string);
  /**
   * Where to start; to resume, AFTER_SEQUENCE_NUMBER with the last continuation_sequence_number.
   */
  'startingPosition': (_rheo_v1_StartingPosition__Output | null);
}
