// Original file: proto/rheo/v1/groups.proto


/**
 * DeleteConsumerGroup's result: empty.
 */
export interface DeleteConsumerGroupResponse {
}

/**
 * DeleteConsumerGroup's result: empty.
 */
export interface DeleteConsumerGroupResponse__Output {
}
