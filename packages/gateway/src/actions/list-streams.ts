// ListStreams: a page of stream names and summaries (Limit, ExclusiveStartStreamName, NextToken).
import type { KinesisAction } from '../action.js';
import { invalidArgument } from '../kinesis-error.js';
import { streamSummaryShape } from '../kinesis-shapes.js';
import { nextToken, streamName } from '../schema.js';
import { int, text } from './input.js';

export const listStreams: KinesisAction = {
  schema: {
    Limit: { type: 'Integer', min: 1, max: 10000 },
    ExclusiveStartStreamName: streamName,
    NextToken: nextToken,
  },
  check(input) {
    if (text(input, 'NextToken') !== undefined && text(input, 'ExclusiveStartStreamName') !== undefined) {
      throw invalidArgument('NextToken and ExclusiveStartStreamName cannot be provided together.');
    }
  },
  async run(cluster, input) {
    const page = await cluster.client.admin.listStreamsPage({
      limit: int(input, 'Limit'),
      exclusiveStartStreamName: text(input, 'ExclusiveStartStreamName'),
      nextToken: text(input, 'NextToken'),
    });
    return {
      StreamNames: page.streams.map((s) => s.streamName),
      HasMoreStreams: page.hasMoreStreams,
      NextToken: page.nextToken,
      StreamSummaries: page.streams.map(streamSummaryShape),
    };
  },
};
