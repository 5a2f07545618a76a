// Original file: proto/rheo/v1/admin.proto

import type { Shard as _rheo_v1_Shard, Shard__Output as _rheo_v1_Shard__Output } from '../../rheo/v1/Shard.js';

/**
 * ListShards' result.
 */
export interface ListShardsResponse {
  /**
   * One page of shards, sorted by id, with lineage.
   */
  'shards'?: (_rheo_v1_Shard)[];
  /**
   * Opaque token for the next page; empty on the last. Expires after 5 minutes.
   */
  'nextToken'?: (string);
}

/**
 * ListShards' result.
 */
export interface ListShardsResponse__Output {
  /**
   * One page of shards, sorted by id, with lineage.
   */
  'shards': (_rheo_v1_Shard__Output)[];
  /**
   * Opaque token for the next page; empty on the last. Expires after 5 minutes.
   */
  'nextToken': (string);
}
