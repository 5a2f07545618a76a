// Original file: proto/rheo/v1/groups.proto

import type { Long } from '@grpc/proto-loader';

/**
 * A lease as its holder names it.
 */
export interface LeaseRef {
  /**
   * The shard.
   */
  'shardId'?: (string);
  /**
   * The counter the worker acquired the lease with.
   */
  'leaseCounter'?: (number | string | Long);
}

/**
 * A lease as its holder names it.
 */
export interface LeaseRef__Output {
  /**
   * The shard.
   */
  'shardId': (string);
  /**
   * The counter the worker acquired the lease with.
   */
  'leaseCounter': (number);
}
