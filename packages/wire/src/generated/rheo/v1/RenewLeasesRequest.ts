// Original file: proto/rheo/v1/groups.proto

import type { LeaseRef as _rheo_v1_LeaseRef, LeaseRef__Output as _rheo_v1_LeaseRef__Output } from '../../rheo/v1/LeaseRef.js';

/**
 * RenewLeases' input.
 */
export interface RenewLeasesRequest {
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
   * The calling worker's id.
   */
  'workerId'?: (string);
  /**
   * The leases to renew, each with the counter the worker holds it under.
   */
  'leases'?: (_rheo_v1_LeaseRef)[];
}

/**
 * RenewLeases' input.
 */
export interface RenewLeasesRequest__Output {
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
   * The calling worker's id.
   */
  'workerId': (string);
  /**
   * The leases to renew, each with the counter the worker holds it under.
   */
  'leases': (_rheo_v1_LeaseRef__Output)[];
}
