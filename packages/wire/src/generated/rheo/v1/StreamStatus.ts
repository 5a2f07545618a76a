// Original file: proto/rheo/v1/common.proto

/**
 * A stream's lifecycle, as Kinesis reports it.
 */
export const StreamStatus = {
  /**
   * Never sent by a server; present because proto3 needs a zero value.
   */
  STREAM_STATUS_UNSPECIFIED: 'STREAM_STATUS_UNSPECIFIED',
  /**
   * Shards are being placed; writes are refused until ACTIVE.
   */
  STREAM_STATUS_CREATING: 'STREAM_STATUS_CREATING',
  /**
   * Being deleted on every node; most calls answer ResourceNotFound or ResourceInUse.
   */
  STREAM_STATUS_DELETING: 'STREAM_STATUS_DELETING',
  /**
   * Serving reads and writes.
   */
  STREAM_STATUS_ACTIVE: 'STREAM_STATUS_ACTIVE',
  /**
   * Resharding, a mode change or a retention change is under way; reads and writes continue.
   */
  STREAM_STATUS_UPDATING: 'STREAM_STATUS_UPDATING',
} as const;

/**
 * A stream's lifecycle, as Kinesis reports it.
 */
export type StreamStatus =
  /**
   * Never sent by a server; present because proto3 needs a zero value.
   */
  | 'STREAM_STATUS_UNSPECIFIED'
  | 0
  /**
   * Shards are being placed; writes are refused until ACTIVE.
   */
  | 'STREAM_STATUS_CREATING'
  | 1
  /**
   * Being deleted on every node; most calls answer ResourceNotFound or ResourceInUse.
   */
  | 'STREAM_STATUS_DELETING'
  | 2
  /**
   * Serving reads and writes.
   */
  | 'STREAM_STATUS_ACTIVE'
  | 3
  /**
   * Resharding, a mode change or a retention change is under way; reads and writes continue.
   */
  | 'STREAM_STATUS_UPDATING'
  | 4

/**
 * A stream's lifecycle, as Kinesis reports it.
 */
export type StreamStatus__Output = typeof StreamStatus[keyof typeof StreamStatus]
