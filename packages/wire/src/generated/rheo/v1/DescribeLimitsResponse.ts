// Original file: proto/rheo/v1/admin.proto


/**
 * DescribeLimits' result: the cluster's limits and current usage.
 */
export interface DescribeLimitsResponse {
  /**
   * Most open shards the cluster allows across PROVISIONED streams.
   */
  'shardLimit'?: (number);
  /**
   * Open shards now, across all streams.
   */
  'openShardCount'?: (number);
  /**
   * ON_DEMAND streams now.
   */
  'onDemandStreamCount'?: (number);
  /**
   * Most ON_DEMAND streams allowed.
   */
  'onDemandStreamCountLimit'?: (number);
}

/**
 * DescribeLimits' result: the cluster's limits and current usage.
 */
export interface DescribeLimitsResponse__Output {
  /**
   * Most open shards the cluster allows across PROVISIONED streams.
   */
  'shardLimit': (number);
  /**
   * Open shards now, across all streams.
   */
  'openShardCount': (number);
  /**
   * ON_DEMAND streams now.
   */
  'onDemandStreamCount': (number);
  /**
   * Most ON_DEMAND streams allowed.
   */
  'onDemandStreamCountLimit': (number);
}
