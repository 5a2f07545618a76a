// Original file: proto/rheo/v1/common.proto

import type { HashKeyRange as _rheo_v1_HashKeyRange, HashKeyRange__Output as _rheo_v1_HashKeyRange__Output } from '../../rheo/v1/HashKeyRange.js';
import type { SequenceNumberRange as _rheo_v1_SequenceNumberRange, SequenceNumberRange__Output as _rheo_v1_SequenceNumberRange__Output } from '../../rheo/v1/SequenceNumberRange.js';

/**
 * A shard as ListShards and DescribeStream describe it, lineage included.
 */
export interface Shard {
  /**
   * Kinesis-style id, `shardId-` and twelve digits, unique within the stream.
   */
  'shardId'?: (string);
  /**
   * The shard this one was split from, or the first of the two it was merged from; empty for an original shard.
   */
  'parentShardId'?: (string);
  /**
   * The second parent of a merge; empty otherwise.
   */
  'adjacentParentShardId'?: (string);
  /**
   * The hash keys the shard takes.
   */
  'hashKeyRange'?: (_rheo_v1_HashKeyRange | null);
  /**
   * The shard's sequence numbers; an ending number means the shard is closed.
   */
  'sequenceNumberRange'?: (_rheo_v1_SequenceNumberRange | null);
}

/**
 * A shard as ListShards and DescribeStream describe it, lineage included.
 */
export interface Shard__Output {
  /**
   * Kinesis-style id, `shardId-` and twelve digits, unique within the stream.
   */
  'shardId': (string);
  /**
   * The shard this one was split from, or the first of the two it was merged from; empty for an original shard.
   */
  'parentShardId': (string);
  /**
   * The second parent of a merge; empty otherwise.
   */
  'adjacentParentShardId': (string);
  /**
   * The hash keys the shard takes.
   */
  'hashKeyRange': (_rheo_v1_HashKeyRange__Output | null);
  /**
   * The shard's sequence numbers; an ending number means the shard is closed.
   */
  'sequenceNumberRange': (_rheo_v1_SequenceNumberRange__Output | null);
}
