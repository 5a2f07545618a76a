// The enhanced fan-out consumer actions: Register, Deregister, Describe, ListStreamConsumers.
import type { KinesisAction } from '../action.js';
import { invalidArgument } from '../kinesis-error.js';
import { consumerShape, optional, type PbConsumer } from '../kinesis-shapes.js';
import { nextToken, streamArn } from '../schema.js';
import { streamNameOfArn } from '../stream-ref.js';
import { type Input, int, text } from './input.js';

const consumerName = { type: 'String', lengthMin: 1, lengthMax: 128, pattern: '[a-zA-Z0-9_.-]+' } as const;
const consumerArn = { type: 'String', lengthMin: 1, lengthMax: 2048 } as const;

/** Consumer calls name it by ConsumerARN alone, or by StreamARN and ConsumerName. */
function consumerRef(input: Input): Record<string, string> {
  const arn = text(input, 'ConsumerARN');
  const stream = text(input, 'StreamARN');
  const name = text(input, 'ConsumerName');
  if (arn !== undefined) {
    if (stream !== undefined || name !== undefined) {
      throw invalidArgument('ConsumerARN cannot be provided with StreamARN or ConsumerName.');
    }
    return { consumerArn: arn };
  }
  if (stream === undefined || name === undefined) {
    throw invalidArgument('Either ConsumerARN or both StreamARN and ConsumerName must be provided.');
  }
  return { streamArn: stream, streamName: streamNameOfArn(stream) ?? '', consumerName: name };
}

const refSchema = { StreamARN: streamArn, ConsumerName: consumerName, ConsumerARN: consumerArn } as const;

export const registerStreamConsumer: KinesisAction = {
  schema: { StreamARN: { ...streamArn, notNull: true }, ConsumerName: { ...consumerName, notNull: true } },
  async run(cluster, input) {
    const stream = text(input, 'StreamARN')!;
    const a = await cluster.adminCall<{ consumer: PbConsumer }>(
      'RegisterStreamConsumer',
      'RegisterStreamConsumer',
      {
        streamArn: stream,
        streamName: streamNameOfArn(stream) ?? '',
        consumerName: text(input, 'ConsumerName'),
      },
      false,
    );
    return { Consumer: consumerShape(a.consumer, false) };
  },
};

export const deregisterStreamConsumer: KinesisAction = {
  schema: refSchema,
  check: consumerRef,
  async run(cluster, input) {
    await cluster.adminCall(
      'DeregisterStreamConsumer',
      'DeregisterStreamConsumer',
      consumerRef(input),
      false,
    );
    return {};
  },
};

export const describeStreamConsumer: KinesisAction = {
  schema: refSchema,
  check: consumerRef,
  async run(cluster, input) {
    const a = await cluster.adminCall<{ consumerDescription: PbConsumer }>(
      'DescribeStreamConsumer',
      'DescribeStreamConsumer',
      consumerRef(input),
    );
    return { ConsumerDescription: consumerShape(a.consumerDescription, true) };
  },
};

export const listStreamConsumers: KinesisAction = {
  schema: {
    StreamARN: { ...streamArn, notNull: true },
    NextToken: nextToken,
    MaxResults: { type: 'Integer', min: 1, max: 10000 },
    StreamCreationTimestamp: { type: 'Timestamp' },
  },
  async run(cluster, input) {
    const stream = text(input, 'StreamARN')!;
    const a = await cluster.adminCall<{ consumers: PbConsumer[]; nextToken: string }>(
      'ListStreamConsumers',
      'ListStreamConsumers',
      {
        streamArn: stream,
        streamName: streamNameOfArn(stream) ?? '',
        nextToken: text(input, 'NextToken') ?? '',
        maxResults: int(input, 'MaxResults') ?? 0,
        streamCreationTimestampMs: Math.round((input.StreamCreationTimestamp as number | null) ?? 0),
      },
    );
    return { Consumers: a.consumers.map((c) => consumerShape(c, false)), NextToken: optional(a.nextToken) };
  },
};
