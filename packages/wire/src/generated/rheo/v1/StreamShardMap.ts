// Original file: proto/rheo/v1/cluster.proto

import type { StreamStatus as _rheo_v1_StreamStatus, StreamStatus__Output as _rheo_v1_StreamStatus__Output } from '../../rheo/v1/StreamStatus.js';
import type { ShardRoute as _rheo_v1_ShardRoute, ShardRoute__Output as _rheo_v1_ShardRoute__Output } from '../../rheo/v1/ShardRoute.js';

/**
 * One stream's shards in the map.
 */
export interface StreamShardMap {
  /**
   * The stream's name.
   */
  'streamName'?: (string);
  /**
   * The stream's ARN-like id.
   */
  'streamArn'?: (string);
  /**
   * Lifecycle status.
   */
  'streamStatus'?: (_rheo_v1_StreamStatus);
  /**
   * Its retained shards, open and closed, sorted by starting hash key then shard id.
   */
  'shards'?: (_rheo_v1_ShardRoute)[];
}

/**
 * One stream's shards in the map.
 */
export interface StreamShardMap__Output {
  /**
   * The stream's name.
   */
  'streamName': (string);
  /**
   * The stream's ARN-like id.
   */
  'streamArn': (string);
  /**
   * Lifecycle status.
   */
  'streamStatus': (_rheo_v1_StreamStatus__Output);
  /**
   * Its retained shards, open and closed, sorted by starting hash key then shard id.
   */
  'shards': (_rheo_v1_ShardRoute__Output)[];
}
