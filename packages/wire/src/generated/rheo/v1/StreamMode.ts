// Original file: proto/rheo/v1/common.proto

/**
 * Whether the operator sets the shard count or the cluster sizes it.
 */
export const StreamMode = {
  /**
   * Not set; CreateStream treats it as PROVISIONED, as Kinesis does.
   */
  STREAM_MODE_UNSPECIFIED: 'STREAM_MODE_UNSPECIFIED',
  /**
   * Shard count set by the operator (CreateStream, UpdateShardCount, split, merge).
   */
  STREAM_MODE_PROVISIONED: 'STREAM_MODE_PROVISIONED',
  /**
   * The controller sizes the stream to its traffic (DESIGN.md §1, on-demand).
   */
  STREAM_MODE_ON_DEMAND: 'STREAM_MODE_ON_DEMAND',
} as const;

/**
 * Whether the operator sets the shard count or the cluster sizes it.
 */
export type StreamMode =
  /**
   * Not set; CreateStream treats it as PROVISIONED, as Kinesis does.
   */
  | 'STREAM_MODE_UNSPECIFIED'
  | 0
  /**
   * Shard count set by the operator (CreateStream, UpdateShardCount, split, merge).
   */
  | 'STREAM_MODE_PROVISIONED'
  | 1
  /**
   * The controller sizes the stream to its traffic (DESIGN.md §1, on-demand).
   */
  | 'STREAM_MODE_ON_DEMAND'
  | 2

/**
 * Whether the operator sets the shard count or the cluster sizes it.
 */
export type StreamMode__Output = typeof StreamMode[keyof typeof StreamMode]
