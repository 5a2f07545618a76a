// Original file: proto/rheo/v1/admin.proto

import type { ShardLevelMetric as _rheo_v1_ShardLevelMetric, ShardLevelMetric__Output as _rheo_v1_ShardLevelMetric__Output } from '../../rheo/v1/ShardLevelMetric.js';

/**
 * EnableEnhancedMonitoring's input.
 */
export interface EnableEnhancedMonitoringRequest {
  /**
   * The stream's name (or use stream_arn).
   */
  'streamName'?: (string);
  /**
   * The stream's ARN (or use stream_name).
   */
  'streamArn'?: (string);
  /**
   * Metrics to switch on (ALL for every one).
   */
  'shardLevelMetrics'?: (_rheo_v1_ShardLevelMetric)[];
}

/**
 * EnableEnhancedMonitoring's input.
 */
export interface EnableEnhancedMonitoringRequest__Output {
  /**
   * The stream's name (or use stream_arn).
   */
  'streamName': (string);
  /**
   * The stream's ARN (or use stream_name).
   */
  'streamArn': (string);
  /**
   * Metrics to switch on (ALL for every one).
   */
  'shardLevelMetrics': (_rheo_v1_ShardLevelMetric__Output)[];
}
