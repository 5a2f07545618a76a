// Original file: proto/rheo/v1/groups.proto


/**
 * CreateConsumerGroup's result.
 */
export interface CreateConsumerGroupResponse {
  /**
   * True when the call created the group, false when it already existed with these settings.
   */
  'created'?: (boolean);
}

/**
 * CreateConsumerGroup's result.
 */
export interface CreateConsumerGroupResponse__Output {
  /**
   * True when the call created the group, false when it already existed with these settings.
   */
  'created': (boolean);
}
