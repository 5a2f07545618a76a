// Original file: proto/rheo/v1/admin.proto

import type { ShardLevelMetric as _rheo_v1_ShardLevelMetric, ShardLevelMetric__Output as _rheo_v1_ShardLevelMetric__Output } from '../../rheo/v1/ShardLevelMetric.js';

/**
 * The result of Enable/DisableEnhancedMonitoring (one shape in Kinesis).
 */
export interface EnhancedMonitoringResponse {
  /**
   * The stream's name.
   */
  'streamName'?: (string);
  /**
   * Metrics on before the call.
   */
  'currentShardLevelMetrics'?: (_rheo_v1_ShardLevelMetric)[];
  /**
   * Metrics on after the call.
   */
  'desiredShardLevelMetrics'?: (_rheo_v1_ShardLevelMetric)[];
  /**
   * The stream's ARN-like id.
   */
  'streamArn'?: (string);
}

/**
 * The result of Enable/DisableEnhancedMonitoring (one shape in Kinesis).
 */
export interface EnhancedMonitoringResponse__Output {
  /**
   * The stream's name.
   */
  'streamName': (string);
  /**
   * Metrics on before the call.
   */
  'currentShardLevelMetrics': (_rheo_v1_ShardLevelMetric__Output)[];
  /**
   * Metrics on after the call.
   */
  'desiredShardLevelMetrics': (_rheo_v1_ShardLevelMetric__Output)[];
  /**
   * The stream's ARN-like id.
   */
  'streamArn': (string);
}
