// Original file: proto/rheo/v1/groups.proto

import type { LeaseRef as _rheo_v1_LeaseRef, LeaseRef__Output as _rheo_v1_LeaseRef__Output } from '../../rheo/v1/LeaseRef.js';

/**
 * ReleaseLeases' input.
 */
export interface ReleaseLeasesRequest {
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
   * The leases to release; ones no longer held are ignored.
   */
  'leases'?: (_rheo_v1_LeaseRef)[];
}

/**
 * ReleaseLeases' input.
 */
export interface ReleaseLeasesRequest__Output {
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
   * The leases to release; ones no longer held are ignored.
   */
  'leases': (_rheo_v1_LeaseRef__Output)[];
}
