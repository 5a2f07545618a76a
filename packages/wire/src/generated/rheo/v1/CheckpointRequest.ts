// Original file: proto/rheo/v1/groups.proto

import type { LeaseRef as _rheo_v1_LeaseRef, LeaseRef__Output as _rheo_v1_LeaseRef__Output } from '../../rheo/v1/LeaseRef.js';

/**
 * Checkpoint's input.
 */
export interface CheckpointRequest {
  /**
   * The stream's name (or use stream_arn).
   */
  'streamName'?: (string);
  /**
   * The stream's ARN (or use stream_name).
   */
  'streamArn'?: (string);
  /**
   * The group.
   */
  'groupName'?: (string);
  /**
   * The calling worker's id; must be the lease's owner.
   */
  'workerId'?: (string);
  /**
   * The lease, with the counter the worker holds it under; a different counter is LeaseLost.
   */
  'lease'?: (_rheo_v1_LeaseRef | null);
  /**
   * The last processed record's sequence number (of this shard; not below the current checkpoint).
   */
  'sequenceNumber'?: (string);
  /**
   * Instead of a sequence number: the closed shard is processed to its end (SHARD_END).
   */
  'atShardEnd'?: (boolean);
}

/**
 * Checkpoint's input.
 */
export interface CheckpointRequest__Output {
  /**
   * The stream's name (or use stream_arn).
   */
  'streamName': (string);
  /**
   * The stream's ARN (or use stream_name).
   */
  'streamArn': (string);
  /**
   * The group.
   */
  'groupName': (string);
  /**
   * The calling worker's id; must be the lease's owner.
   */
  'workerId': (string);
  /**
   * The lease, with the counter the worker holds it under; a different counter is LeaseLost.
   */
  'lease': (_rheo_v1_LeaseRef__Output | null);
  /**
   * The last processed record's sequence number (of this shard; not below the current checkpoint).
   */
  'sequenceNumber': (string);
  /**
   * Instead of a sequence number: the closed shard is processed to its end (SHARD_END).
   */
  'atShardEnd': (boolean);
}
