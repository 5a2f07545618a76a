// Original file: proto/rheo/v1/groups.proto


/**
 * ListConsumerGroups' result.
 */
export interface ListConsumerGroupsResponse {
  /**
   * The stream's group names, sorted.
   */
  'groupNames'?: (string)[];
}

/**
 * ListConsumerGroups' result.
 */
export interface ListConsumerGroupsResponse__Output {
  /**
   * The stream's group names, sorted.
   */
  'groupNames': (string)[];
}
