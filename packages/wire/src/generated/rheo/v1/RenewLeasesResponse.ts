// Original file: proto/rheo/v1/groups.proto

import type { Lease as _rheo_v1_Lease, Lease__Output as _rheo_v1_Lease__Output } from '../../rheo/v1/Lease.js';

/**
 * RenewLeases' result.
 */
export interface RenewLeasesResponse {
  /**
   * The leases renewed, with their new expiry.
   */
  'renewed'?: (_rheo_v1_Lease)[];
  /**
   * Shards whose lease the worker no longer holds (taken or expired): stop processing them at once.
   */
  'lostShardIds'?: (string)[];
}

/**
 * RenewLeases' result.
 */
export interface RenewLeasesResponse__Output {
  /**
   * The leases renewed, with their new expiry.
   */
  'renewed': (_rheo_v1_Lease__Output)[];
  /**
   * Shards whose lease the worker no longer holds (taken or expired): stop processing them at once.
   */
  'lostShardIds': (string)[];
}
