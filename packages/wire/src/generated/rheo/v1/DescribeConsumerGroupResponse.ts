// Original file: proto/rheo/v1/groups.proto

import type { ConsumerGroupSettings as _rheo_v1_ConsumerGroupSettings, ConsumerGroupSettings__Output as _rheo_v1_ConsumerGroupSettings__Output } from '../../rheo/v1/ConsumerGroupSettings.js';
import type { Lease as _rheo_v1_Lease, Lease__Output as _rheo_v1_Lease__Output } from '../../rheo/v1/Lease.js';

/**
 * DescribeConsumerGroup's result.
 */
export interface DescribeConsumerGroupResponse {
  /**
   * The group's settings.
   */
  'settings'?: (_rheo_v1_ConsumerGroupSettings | null);
  /**
   * One lease per retained shard of the stream, sorted by shard id.
   */
  'leases'?: (_rheo_v1_Lease)[];
  /**
   * Workers seen renewing within the lease duration.
   */
  'activeWorkers'?: (string)[];
}

/**
 * DescribeConsumerGroup's result.
 */
export interface DescribeConsumerGroupResponse__Output {
  /**
   * The group's settings.
   */
  'settings': (_rheo_v1_ConsumerGroupSettings__Output | null);
  /**
   * One lease per retained shard of the stream, sorted by shard id.
   */
  'leases': (_rheo_v1_Lease__Output)[];
  /**
   * Workers seen renewing within the lease duration.
   */
  'activeWorkers': (string)[];
}
