// Original file: proto/rheo/v1/cluster.proto

import type { StreamShardMap as _rheo_v1_StreamShardMap, StreamShardMap__Output as _rheo_v1_StreamShardMap__Output } from '../../rheo/v1/StreamShardMap.js';
import type { NodeInfo as _rheo_v1_NodeInfo, NodeInfo__Output as _rheo_v1_NodeInfo__Output } from '../../rheo/v1/NodeInfo.js';
import type { Long } from '@grpc/proto-loader';

/**
 * GetShardMap's result.
 */
export interface GetShardMapResponse {
  /**
   * Version of the map: rises with every change it shows, leader changes included.
   * Clients cache by it and refresh on a NotLeader answer.
   */
  'epoch'?: (number | string | Long);
  /**
   * True when known_epoch is current: every other field is empty.
   */
  'unchanged'?: (boolean);
  /**
   * The streams asked for.
   */
  'streams'?: (_rheo_v1_StreamShardMap)[];
  /**
   * Every node named by a route, for addresses (kept apart so no address repeats per shard).
   */
  'nodes'?: (_rheo_v1_NodeInfo)[];
}

/**
 * GetShardMap's result.
 */
export interface GetShardMapResponse__Output {
  /**
   * Version of the map: rises with every change it shows, leader changes included.
   * Clients cache by it and refresh on a NotLeader answer.
   */
  'epoch': (number);
  /**
   * True when known_epoch is current: every other field is empty.
   */
  'unchanged': (boolean);
  /**
   * The streams asked for.
   */
  'streams': (_rheo_v1_StreamShardMap__Output)[];
  /**
   * Every node named by a route, for addresses (kept apart so no address repeats per shard).
   */
  'nodes': (_rheo_v1_NodeInfo__Output)[];
}
