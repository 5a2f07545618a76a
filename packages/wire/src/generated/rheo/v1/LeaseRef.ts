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
  /**
   * RenewLeases only: the worker's current lag on the shard (from its last read), shown by group
   * status; ignored by the other calls.
   */
  'millisBehindLatest'?: (number | string | Long);
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
  /**
   * RenewLeases only: the worker's current lag on the shard (from its last read), shown by group
   * status; ignored by the other calls.
   */
  'millisBehindLatest': (number);
}
