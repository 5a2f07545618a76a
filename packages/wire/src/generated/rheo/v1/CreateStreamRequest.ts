// Original file: proto/rheo/v1/admin.proto

import type { StreamModeDetails as _rheo_v1_StreamModeDetails, StreamModeDetails__Output as _rheo_v1_StreamModeDetails__Output } from '../../rheo/v1/StreamModeDetails.js';
import type { ShardThroughputLimits as _rheo_v1_ShardThroughputLimits, ShardThroughputLimits__Output as _rheo_v1_ShardThroughputLimits__Output } from '../../rheo/v1/ShardThroughputLimits.js';

/**
 * CreateStream's input.
 */
export interface CreateStreamRequest {
  /**
   * 1..128 characters of [a-zA-Z0-9_.-], unique in the cluster.
   */
  'streamName'?: (string);
  /**
   * Number of shards for PROVISIONED (1..the cluster's shard limit); 0 for ON_DEMAND (the cluster picks, 4 to start).
   */
  'shardCount'?: (number);
  /**
   * Capacity mode; PROVISIONED when unset.
   */
  'streamModeDetails'?: (_rheo_v1_StreamModeDetails | null);
  /**
   * Tags to set at creation (at most 50).
   */
  'tags'?: ({[key: string]: string});
  /**
   * Rheo extension: retention in hours (24..8760); 0 means the default, 24.
   */
  'retentionPeriodHours'?: (number);
  /**
   * Rheo extension: replicas per shard (1..the number of brokers); 0 means the cluster default (3).
   */
  'replicationFactor'?: (number);
  /**
   * Rheo extension: this stream's per-shard throughput limits (docs/limits.md); unset, or 0 in a
   * field, takes the cluster's (node config, Kinesis's figures by default).
   */
  'shardLimits'?: (_rheo_v1_ShardThroughputLimits | null);
}

/**
 * CreateStream's input.
 */
export interface CreateStreamRequest__Output {
  /**
   * 1..128 characters of [a-zA-Z0-9_.-], unique in the cluster.
   */
  'streamName': (string);
  /**
   * Number of shards for PROVISIONED (1..the cluster's shard limit); 0 for ON_DEMAND (the cluster picks, 4 to start).
   */
  'shardCount': (number);
  /**
   * Capacity mode; PROVISIONED when unset.
   */
  'streamModeDetails': (_rheo_v1_StreamModeDetails__Output | null);
  /**
   * Tags to set at creation (at most 50).
   */
  'tags': ({[key: string]: string});
  /**
   * Rheo extension: retention in hours (24..8760); 0 means the default, 24.
   */
  'retentionPeriodHours': (number);
  /**
   * Rheo extension: replicas per shard (1..the number of brokers); 0 means the cluster default (3).
   */
  'replicationFactor': (number);
  /**
   * Rheo extension: this stream's per-shard throughput limits (docs/limits.md); unset, or 0 in a
   * field, takes the cluster's (node config, Kinesis's figures by default).
   */
  'shardLimits': (_rheo_v1_ShardThroughputLimits__Output | null);
}
