// Original file: proto/rheo/v1/admin.proto

import type { StreamStatus as _rheo_v1_StreamStatus, StreamStatus__Output as _rheo_v1_StreamStatus__Output } from '../../rheo/v1/StreamStatus.js';
import type { StreamModeDetails as _rheo_v1_StreamModeDetails, StreamModeDetails__Output as _rheo_v1_StreamModeDetails__Output } from '../../rheo/v1/StreamModeDetails.js';
import type { Shard as _rheo_v1_Shard, Shard__Output as _rheo_v1_Shard__Output } from '../../rheo/v1/Shard.js';
import type { EnhancedMetrics as _rheo_v1_EnhancedMetrics, EnhancedMetrics__Output as _rheo_v1_EnhancedMetrics__Output } from '../../rheo/v1/EnhancedMetrics.js';
import type { EncryptionType as _rheo_v1_EncryptionType, EncryptionType__Output as _rheo_v1_EncryptionType__Output } from '../../rheo/v1/EncryptionType.js';
import type { Long } from '@grpc/proto-loader';

/**
 * A stream with one page of its shards.
 */
export interface StreamDescription {
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
   * One page of shards, sorted by id.
   */
  'shards'?: (_rheo_v1_Shard)[];
  /**
   * True when more shards follow the last one returned.
   */
  'hasMoreShards'?: (boolean);
  /**
   * Retention in hours.
   */
  'retentionPeriodHours'?: (number);
  /**
   * Creation time, ms since the epoch.
   */
  'streamCreationTimestampMs'?: (number | string | Long);
  /**
   * Shard-level metrics switched on (one element, as Kinesis returns it).
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
}

/**
 * A stream with one page of its shards.
 */
export interface StreamDescription__Output {
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
   * One page of shards, sorted by id.
   */
  'shards': (_rheo_v1_Shard__Output)[];
  /**
   * True when more shards follow the last one returned.
   */
  'hasMoreShards': (boolean);
  /**
   * Retention in hours.
   */
  'retentionPeriodHours': (number);
  /**
   * Creation time, ms since the epoch.
   */
  'streamCreationTimestampMs': (number);
  /**
   * Shard-level metrics switched on (one element, as Kinesis returns it).
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
}
