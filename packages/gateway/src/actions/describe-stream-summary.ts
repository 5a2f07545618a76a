// DescribeStreamSummary: the stream without its shards.
import type { KinesisAction } from '../action.js';
import { type PbStreamCommon, pbStreamCommonShape } from '../kinesis-shapes.js';
import { streamRef } from '../schema.js';
import { streamOf } from '../stream-ref.js';

interface PbSummary extends PbStreamCommon {
  readonly openShardCount: number;
  readonly consumerCount: number;
}

export const describeStreamSummary: KinesisAction = {
  schema: streamRef,
  check: streamOf,
  async run(cluster, input) {
    const { streamDescriptionSummary: s } = await cluster.adminCall<{ streamDescriptionSummary: PbSummary }>(
      'DescribeStreamSummary',
      'DescribeStreamSummary',
      { streamName: streamOf(input) },
    );
    return {
      StreamDescriptionSummary: {
        ...pbStreamCommonShape(s),
        OpenShardCount: s.openShardCount,
        ConsumerCount: s.consumerCount,
      },
    };
  },
};
