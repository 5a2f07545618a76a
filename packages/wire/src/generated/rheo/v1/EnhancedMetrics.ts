// Original file: proto/rheo/v1/common.proto

import type { ShardLevelMetric as _rheo_v1_ShardLevelMetric, ShardLevelMetric__Output as _rheo_v1_ShardLevelMetric__Output } from '../../rheo/v1/ShardLevelMetric.js';

/**
 * The shard-level metrics switched on for a stream.
 */
export interface EnhancedMetrics {
  /**
   * The metrics currently emitted.
   */
  'shardLevelMetrics'?: (_rheo_v1_ShardLevelMetric)[];
}

/**
 * The shard-level metrics switched on for a stream.
 */
export interface EnhancedMetrics__Output {
  /**
   * The metrics currently emitted.
   */
  'shardLevelMetrics': (_rheo_v1_ShardLevelMetric__Output)[];
}
