// Original file: proto/rheo/v1/admin.proto

import type { StreamStatus as _rheo_v1_StreamStatus, StreamStatus__Output as _rheo_v1_StreamStatus__Output } from '../../rheo/v1/StreamStatus.js';
import type { StreamModeDetails as _rheo_v1_StreamModeDetails, StreamModeDetails__Output as _rheo_v1_StreamModeDetails__Output } from '../../rheo/v1/StreamModeDetails.js';
import type { EnhancedMetrics as _rheo_v1_EnhancedMetrics, EnhancedMetrics__Output as _rheo_v1_EnhancedMetrics__Output } from '../../rheo/v1/EnhancedMetrics.js';
import type { EncryptionType as _rheo_v1_EncryptionType, EncryptionType__Output as _rheo_v1_EncryptionType__Output } from '../../rheo/v1/EncryptionType.js';
import type { ShardThroughputLimits as _rheo_v1_ShardThroughputLimits, ShardThroughputLimits__Output as _rheo_v1_ShardThroughputLimits__Output } from '../../rheo/v1/ShardThroughputLimits.js';
import type { Long } from '@grpc/proto-loader';

/**
 * A stream without its shards.
 */
export interface StreamDescriptionSummary {
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
   * Capacity mode.
   */
  'streamModeDetails'?: (_rheo_v1_StreamModeDetails | null);
  /**
   * Retention in hours.
   */
  'retentionPeriodHours'?: (number);
  /**
   * Creation time, ms since the epoch.
   */
  'streamCreationTimestampMs'?: (number | string | Long);
  /**
   * Shard-level metrics switched on.
   */
  'enhancedMonitoring'?: (_rheo_v1_EnhancedMetrics)[];
  /**
   * Encryption at rest.
   */
  'encryptionType'?: (_rheo_v1_EncryptionType);
  /**
   * The managed key's id when encryption_type is KMS.
   */
  'keyId'?: (string);
  /**
   * Number of open shards.
   */
  'openShardCount'?: (number);
  /**
   * Number of registered enhanced fan-out consumers.
   */
  'consumerCount'?: (number);
  /**
   * Rheo extension: replicas per shard.
   */
  'replicationFactor'?: (number);
  /**
   * Rheo extension: the per-shard throughput limits in force (the stream's overrides on the cluster's).
   */
  'shardLimits'?: (_rheo_v1_ShardThroughputLimits | null);
}

/**
 * A stream without its shards.
 */
export interface StreamDescriptionSummary__Output {
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
   * Capacity mode.
   */
  'streamModeDetails': (_rheo_v1_StreamModeDetails__Output | null);
  /**
   * Retention in hours.
   */
  'retentionPeriodHours': (number);
  /**
   * Creation time, ms since the epoch.
   */
  'streamCreationTimestampMs': (number);
  /**
   * Shard-level metrics switched on.
   */
  'enhancedMonitoring': (_rheo_v1_EnhancedMetrics__Output)[];
  /**
   * Encryption at rest.
   */
  'encryptionType': (_rheo_v1_EncryptionType__Output);
  /**
   * The managed key's id when encryption_type is KMS.
   */
  'keyId': (string);
  /**
   * Number of open shards.
   */
  'openShardCount': (number);
  /**
   * Number of registered enhanced fan-out consumers.
   */
  'consumerCount': (number);
  /**
   * Rheo extension: replicas per shard.
   */
  'replicationFactor': (number);
  /**
   * Rheo extension: the per-shard throughput limits in force (the stream's overrides on the cluster's).
   */
  'shardLimits': (_rheo_v1_ShardThroughputLimits__Output | null);
}
