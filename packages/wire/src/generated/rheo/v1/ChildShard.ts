// Original file: proto/rheo/v1/common.proto

import type { HashKeyRange as _rheo_v1_HashKeyRange, HashKeyRange__Output as _rheo_v1_HashKeyRange__Output } from '../../rheo/v1/HashKeyRange.js';

/**
 * A shard that replaced a closed one, reported to readers at the closed shard's end.
 */
export interface ChildShard {
  /**
   * The child's id.
   */
  'shardId'?: (string);
  /**
   * The closed shards it descends from (one for a split child, two for a merge).
   */
  'parentShards'?: (string)[];
  /**
   * The hash keys the child takes.
   */
  'hashKeyRange'?: (_rheo_v1_HashKeyRange | null);
}

/**
 * A shard that replaced a closed one, reported to readers at the closed shard's end.
 */
export interface ChildShard__Output {
  /**
   * The child's id.
   */
  'shardId': (string);
  /**
   * The closed shards it descends from (one for a split child, two for a merge).
   */
  'parentShards': (string)[];
  /**
   * The hash keys the child takes.
   */
  'hashKeyRange': (_rheo_v1_HashKeyRange__Output | null);
}
