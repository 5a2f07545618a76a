// Original file: proto/rheo/v1/common.proto

/**
 * How UpdateShardCount reaches its target.
 */
export const ScalingType = {
  /**
   * Invalid in requests; present because proto3 needs a zero value.
   */
  SCALING_TYPE_UNSPECIFIED: 'SCALING_TYPE_UNSPECIFIED',
  /**
   * Split or merge so that every open shard covers an equal hash-key range (the only Kinesis type).
   */
  SCALING_TYPE_UNIFORM_SCALING: 'SCALING_TYPE_UNIFORM_SCALING',
} as const;

/**
 * How UpdateShardCount reaches its target.
 */
export type ScalingType =
  /**
   * Invalid in requests; present because proto3 needs a zero value.
   */
  | 'SCALING_TYPE_UNSPECIFIED'
  | 0
  /**
   * Split or merge so that every open shard covers an equal hash-key range (the only Kinesis type).
   */
  | 'SCALING_TYPE_UNIFORM_SCALING'
  | 1

/**
 * How UpdateShardCount reaches its target.
 */
export type ScalingType__Output = typeof ScalingType[keyof typeof ScalingType]
