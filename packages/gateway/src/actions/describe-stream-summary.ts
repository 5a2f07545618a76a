// DescribeStreamSummary: the stream without its shards.
import type { KinesisAction } from '../action.js';
import { descriptionSummaryShape } from '../kinesis-shapes.js';
import { streamRef } from '../schema.js';
import { streamOf } from '../stream-ref.js';

export const describeStreamSummary: KinesisAction = {
  schema: streamRef,
  check: streamOf,
  async run(cluster, input) {
    const summary = await cluster.client.admin.describeStreamSummary(streamOf(input));
    return { StreamDescriptionSummary: descriptionSummaryShape(summary) };
  },
};
