// Original file: proto/rheo/v1/groups.proto

import type { GroupCheckpoint as _rheo_v1_GroupCheckpoint, GroupCheckpoint__Output as _rheo_v1_GroupCheckpoint__Output } from '../../rheo/v1/GroupCheckpoint.js';
import type { Long } from '@grpc/proto-loader';

/**
 * A shard's lease in a group.
 */
export interface Lease {
  /**
   * The shard the lease covers.
   */
  'shardId'?: (string);
  /**
   * The worker holding it; empty when free.
   */
  'owner'?: (string);
  /**
   * Fencing token: rises on every change of owner (see the file comment).
   */
  'leaseCounter'?: (number | string | Long);
  /**
   * How far the group has processed the shard.
   */
  'checkpoint'?: (_rheo_v1_GroupCheckpoint | null);
  /**
   * The shard's parents (lineage); the lease is not granted for processing until each parent's
   * checkpoint is at SHARD_END, so order holds across resharding.
   */
  'parentShardIds'?: (string)[];
  /**
   * When the lease expires unless renewed, ms since the epoch (by the controller's clock).
   */
  'expiresAtMs'?: (number | string | Long);
  /**
   * The owner's lag on the shard as it last reported it in RenewLeases, for group status; 0 if never.
   */
  'millisBehindLatest'?: (number | string | Long);
}

/**
 * A shard's lease in a group.
 */
export interface Lease__Output {
  /**
   * The shard the lease covers.
   */
  'shardId': (string);
  /**
   * The worker holding it; empty when free.
   */
  'owner': (string);
  /**
   * Fencing token: rises on every change of owner (see the file comment).
   */
  'leaseCounter': (number);
  /**
   * How far the group has processed the shard.
   */
  'checkpoint': (_rheo_v1_GroupCheckpoint__Output | null);
  /**
   * The shard's parents (lineage); the lease is not granted for processing until each parent's
   * checkpoint is at SHARD_END, so order holds across resharding.
   */
  'parentShardIds': (string)[];
  /**
   * When the lease expires unless renewed, ms since the epoch (by the controller's clock).
   */
  'expiresAtMs': (number);
  /**
   * The owner's lag on the shard as it last reported it in RenewLeases, for group status; 0 if never.
   */
  'millisBehindLatest': (number);
}
