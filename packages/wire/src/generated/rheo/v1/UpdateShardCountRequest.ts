// Original file: proto/rheo/v1/admin.proto

import type { ScalingType as _rheo_v1_ScalingType, ScalingType__Output as _rheo_v1_ScalingType__Output } from '../../rheo/v1/ScalingType.js';

/**
 * UpdateShardCount's input.
 */
export interface UpdateShardCountRequest {
  /**
   * The stream's name (or use stream_arn).
   */
  'streamName'?: (string);
  /**
   * The stream's ARN (or use stream_name).
   */
  'streamArn'?: (string);
  /**
   * The number of open shards wanted (Kinesis bounds: half to double the current count).
   */
  'targetShardCount'?: (number);
  /**
   * How to get there; UNIFORM_SCALING is the only kind.
   */
  'scalingType'?: (_rheo_v1_ScalingType);
}

/**
 * UpdateShardCount's input.
 */
export interface UpdateShardCountRequest__Output {
  /**
   * The stream's name (or use stream_arn).
   */
  'streamName': (string);
  /**
   * The stream's ARN (or use stream_name).
   */
  'streamArn': (string);
  /**
   * The number of open shards wanted (Kinesis bounds: half to double the current count).
   */
  'targetShardCount': (number);
  /**
   * How to get there; UNIFORM_SCALING is the only kind.
   */
  'scalingType': (_rheo_v1_ScalingType__Output);
}
