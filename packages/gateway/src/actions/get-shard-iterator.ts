// GetShardIterator: a signed iterator at a position of one shard.
import type { IteratorStart } from '@rheo/client';
import type { KinesisAction } from '../action.js';
import { invalidArgument } from '../kinesis-error.js';
import { sequenceNumber, shardId, streamRef } from '../schema.js';
import { streamOf } from '../stream-ref.js';
import { type Input, text } from './input.js';

const iteratorTypes = [
  'AT_SEQUENCE_NUMBER',
  'AFTER_SEQUENCE_NUMBER',
  'TRIM_HORIZON',
  'LATEST',
  'AT_TIMESTAMP',
] as const;

function startOf(input: Input): IteratorStart {
  const type = text(input, 'ShardIteratorType') as (typeof iteratorTypes)[number];
  const sequence = text(input, 'StartingSequenceNumber');
  const timestampMs = input.Timestamp as number | null | undefined;
  if (type === 'AT_SEQUENCE_NUMBER' || type === 'AFTER_SEQUENCE_NUMBER') {
    if (sequence === undefined) {
      throw invalidArgument(`Must specify StartingSequenceNumber for ShardIteratorType ${type}.`);
    }
    return { type, sequenceNumber: sequence };
  }
  if (sequence !== undefined) {
    throw invalidArgument(
      `Request should not contain a starting sequence number for ShardIteratorType ${type}.`,
    );
  }
  if (type === 'AT_TIMESTAMP') {
    if (timestampMs == null)
      throw invalidArgument('Must specify timestampInMillis parameter for iterator of type AT_TIMESTAMP.');
    return { type, timestampMs: Math.max(0, Math.round(timestampMs)) };
  }
  if (timestampMs != null) {
    throw invalidArgument(`Request should not contain a timestamp for ShardIteratorType ${type}.`);
  }
  return { type };
}

export const getShardIterator: KinesisAction = {
  schema: {
    ...streamRef,
    ShardId: { ...shardId, notNull: true },
    ShardIteratorType: { type: 'String', notNull: true, enum: iteratorTypes },
    StartingSequenceNumber: sequenceNumber,
    Timestamp: { type: 'Timestamp' },
  },
  check(input) {
    streamOf(input);
    startOf(input);
  },
  async run(cluster, input) {
    const iterator = await cluster.client.getShardIterator(
      streamOf(input),
      text(input, 'ShardId')!,
      startOf(input),
    );
    return { ShardIterator: iterator };
  },
};
