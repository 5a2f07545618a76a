// Original file: proto/rheo/v1/admin.proto


/**
 * DeregisterStreamConsumer's result: empty; the consumer moves to DELETING.
 */
export interface DeregisterStreamConsumerResponse {
}

/**
 * DeregisterStreamConsumer's result: empty; the consumer moves to DELETING.
 */
export interface DeregisterStreamConsumerResponse__Output {
}
