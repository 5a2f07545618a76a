// Original file: proto/rheo/v1/common.proto

/**
 * An enhanced fan-out consumer's lifecycle, as Kinesis reports it.
 */
export const ConsumerStatus = {
  /**
   * Never sent by a server; present because proto3 needs a zero value.
   */
  CONSUMER_STATUS_UNSPECIFIED: 'CONSUMER_STATUS_UNSPECIFIED',
  /**
   * Registered but not yet able to subscribe.
   */
  CONSUMER_STATUS_CREATING: 'CONSUMER_STATUS_CREATING',
  /**
   * Being deregistered; subscriptions are closed.
   */
  CONSUMER_STATUS_DELETING: 'CONSUMER_STATUS_DELETING',
  /**
   * May subscribe to the stream's shards.
   */
  CONSUMER_STATUS_ACTIVE: 'CONSUMER_STATUS_ACTIVE',
} as const;

/**
 * An enhanced fan-out consumer's lifecycle, as Kinesis reports it.
 */
export type ConsumerStatus =
  /**
   * Never sent by a server; present because proto3 needs a zero value.
   */
  | 'CONSUMER_STATUS_UNSPECIFIED'
  | 0
  /**
   * Registered but not yet able to subscribe.
   */
  | 'CONSUMER_STATUS_CREATING'
  | 1
  /**
   * Being deregistered; subscriptions are closed.
   */
  | 'CONSUMER_STATUS_DELETING'
  | 2
  /**
   * May subscribe to the stream's shards.
   */
  | 'CONSUMER_STATUS_ACTIVE'
  | 3

/**
 * An enhanced fan-out consumer's lifecycle, as Kinesis reports it.
 */
export type ConsumerStatus__Output = typeof ConsumerStatus[keyof typeof ConsumerStatus]
