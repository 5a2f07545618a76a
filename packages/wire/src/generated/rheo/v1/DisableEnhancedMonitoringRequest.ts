// Original file: proto/rheo/v1/admin.proto

import type { ShardLevelMetric as _rheo_v1_ShardLevelMetric, ShardLevelMetric__Output as _rheo_v1_ShardLevelMetric__Output } from '../../rheo/v1/ShardLevelMetric.js';

/**
 * DisableEnhancedMonitoring's input.
 */
export interface DisableEnhancedMonitoringRequest {
  /**
   * The stream's name (or use stream_arn).
   */
  'streamName'?: (string);
  /**
   * The stream's ARN (or use stream_name).
   */
  'streamArn'?: (string);
  /**
   * Metrics to switch off (ALL for every one).
   */
  'shardLevelMetrics'?: (_rheo_v1_ShardLevelMetric)[];
}

/**
 * DisableEnhancedMonitoring's input.
 */
export interface DisableEnhancedMonitoringRequest__Output {
  /**
   * The stream's name (or use stream_arn).
   */
  'streamName': (string);
  /**
   * The stream's ARN (or use stream_name).
   */
  'streamArn': (string);
  /**
   * Metrics to switch off (ALL for every one).
   */
  'shardLevelMetrics': (_rheo_v1_ShardLevelMetric__Output)[];
}
