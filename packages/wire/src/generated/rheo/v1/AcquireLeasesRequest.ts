// Original file: proto/rheo/v1/groups.proto


/**
 * AcquireLeases' input.
 */
export interface AcquireLeasesRequest {
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
   * The calling worker's id, unique in the group (e.g. host and process id).
   */
  'workerId'?: (string);
  /**
   * Specific shards to take. Empty: the controller picks free and expired leases first, then,
   * for balance, takes from the busiest worker (never more than leaves it at the fair share).
   */
  'shardIds'?: (string)[];
  /**
   * Most leases this worker wants in total; 0 for no limit (the fair share).
   */
  'maxLeases'?: (number);
}

/**
 * AcquireLeases' input.
 */
export interface AcquireLeasesRequest__Output {
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
   * The calling worker's id, unique in the group (e.g. host and process id).
   */
  'workerId': (string);
  /**
   * Specific shards to take. Empty: the controller picks free and expired leases first, then,
   * for balance, takes from the busiest worker (never more than leaves it at the fair share).
   */
  'shardIds': (string)[];
  /**
   * Most leases this worker wants in total; 0 for no limit (the fair share).
   */
  'maxLeases': (number);
}
