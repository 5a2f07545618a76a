// DescribeStream: the stream and one page of its shards (Limit, ExclusiveStartShardId).
import type { KinesisAction } from '../action.js';
import { type PbShard, type PbStreamCommon, pbShardShape, pbStreamCommonShape } from '../kinesis-shapes.js';
import { shardId, streamRef } from '../schema.js';
import { streamOf } from '../stream-ref.js';
import { int, text } from './input.js';

interface PbDescription extends PbStreamCommon {
  readonly shards: PbShard[];
  readonly hasMoreShards: boolean;
}

export const describeStream: KinesisAction = {
  schema: {
    ...streamRef,
    Limit: { type: 'Integer', min: 1, max: 10000 },
    ExclusiveStartShardId: shardId,
  },
  check: streamOf,
  async run(cluster, input) {
    const { streamDescription: d } = await cluster.adminCall<{ streamDescription: PbDescription }>(
      'DescribeStream',
      'DescribeStream',
      {
        streamName: streamOf(input),
        limit: int(input, 'Limit') ?? 0,
        exclusiveStartShardId: text(input, 'ExclusiveStartShardId') ?? '',
      },
    );
    return {
      StreamDescription: {
        ...pbStreamCommonShape(d),
        Shards: d.shards.map(pbShardShape),
        HasMoreShards: d.hasMoreShards,
      },
    };
  },
};
