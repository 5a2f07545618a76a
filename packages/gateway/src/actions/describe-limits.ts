// DescribeLimits: the cluster's shard and on-demand stream limits and usage.
import type { KinesisAction } from '../action.js';

interface PbLimits {
  readonly shardLimit: number;
  readonly openShardCount: number;
  readonly onDemandStreamCount: number;
  readonly onDemandStreamCountLimit: number;
}

export const describeLimits: KinesisAction = {
  schema: {},
  async run(cluster) {
    const l = await cluster.adminCall<PbLimits>('DescribeLimits', 'DescribeLimits', {});
    return {
      ShardLimit: l.shardLimit,
      OpenShardCount: l.openShardCount,
      OnDemandStreamCount: l.onDemandStreamCount,
      OnDemandStreamCountLimit: l.onDemandStreamCountLimit,
    };
  },
};
