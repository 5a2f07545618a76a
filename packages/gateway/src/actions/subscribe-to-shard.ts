// SubscribeToShard: records pushed to a registered consumer, as AWS
// event-stream messages on one long response (HTTP/2 in Kinesis; any
// version here). The gateway proxies one SubscribeToShard server stream of
// the shard's leader: an initial-response, then one SubscribeToShardEvent
// per pushed event, until the server ends it (its lifetime, 5 minutes) or
// the shard ends; the caller subscribes again from the last
// ContinuationSequenceNumber, as with Kinesis. A failure before the first
// event is an ordinary error answer; one after is an exception message.
import { forEachStoredRecord } from '@rheo/client';
import { formatSequenceNumber } from '@rheo/wire';
import type { KinesisAction } from '../action.js';
import { Timestamp } from '../body-codec.js';
import type { ClusterAccess } from '../cluster-access.js';
import { EventStreamOutput, type StreamMessage } from '../event-stream.js';
import { fromClusterError, invalidArgument } from '../kinesis-error.js';
import { sequenceNumber, shardId } from '../schema.js';
import { streamNameOfArn } from '../stream-ref.js';
import { type Input, struct, text } from './input.js';

interface PbEvent {
  readonly storedBatches: Buffer[];
  readonly firstBatchSkipRecords: number;
  readonly recordCount: number;
  readonly continuationSequenceNumber: string;
  readonly millisBehindLatest: number;
  readonly childShards: {
    shardId: string;
    parentShards: string[];
    hashKeyRange: { startingHashKey: string; endingHashKey: string } | null;
  }[];
}

const positionTypes = [
  'AT_SEQUENCE_NUMBER',
  'AFTER_SEQUENCE_NUMBER',
  'TRIM_HORIZON',
  'LATEST',
  'AT_TIMESTAMP',
] as const;

function eventShape(e: PbEvent): Record<string, unknown> {
  const records: Record<string, unknown>[] = [];
  forEachStoredRecord(e, (cursor, sequence, arrivalMs) => {
    records.push({
      SequenceNumber: formatSequenceNumber(sequence),
      ApproximateArrivalTimestamp: new Timestamp(arrivalMs),
      Data: Buffer.from(cursor.data()),
      PartitionKey: cursor.partitionKey(),
    });
  });
  return {
    Records: records,
    ContinuationSequenceNumber: e.continuationSequenceNumber,
    MillisBehindLatest: e.millisBehindLatest,
    ...(e.childShards.length === 0
      ? {}
      : {
          ChildShards: e.childShards.map((c) => ({
            ShardId: c.shardId,
            ParentShards: c.parentShards,
            HashKeyRange: {
              StartingHashKey: c.hashKeyRange?.startingHashKey ?? '0',
              EndingHashKey: c.hashKeyRange?.endingHashKey ?? '0',
            },
          })),
        }),
  };
}

function startingPosition(input: Input): Record<string, unknown> {
  const p = struct(input, 'StartingPosition')!;
  const type = text(p, 'Type')!;
  const sequence = text(p, 'SequenceNumber');
  const timestampMs = p.Timestamp as number | null | undefined;
  if ((type === 'AT_SEQUENCE_NUMBER' || type === 'AFTER_SEQUENCE_NUMBER') && sequence === undefined) {
    throw invalidArgument(`StartingPosition.SequenceNumber is required for type ${type}.`);
  }
  if (type === 'AT_TIMESTAMP' && timestampMs == null) {
    throw invalidArgument('StartingPosition.Timestamp is required for type AT_TIMESTAMP.');
  }
  return {
    type: `SHARD_ITERATOR_TYPE_${type}`,
    sequenceNumber: sequence ?? '',
    timestampMs: Math.max(0, Math.round(timestampMs ?? 0)),
  };
}

function streamOfConsumer(input: Input): string {
  const arn = text(input, 'ConsumerARN')!;
  const stream = streamNameOfArn(arn);
  if (stream === undefined || !arn.includes('/consumer/'))
    throw invalidArgument(`${arn} is not a consumer ARN`);
  return stream;
}

async function* messages(
  cluster: ClusterAccess,
  first: IteratorResult<unknown>,
  rest: AsyncIterator<unknown>,
): AsyncGenerator<StreamMessage> {
  yield { kind: 'event', type: 'initial-response', body: {} };
  let next = first;
  try {
    while (next.done !== true) {
      yield { kind: 'event', type: 'SubscribeToShardEvent', body: eventShape(next.value as PbEvent) };
      next = await rest.next();
    }
  } catch (err) {
    const e = fromClusterError(cluster.streamFailure('SubscribeToShard', err));
    yield { kind: 'exception', type: e.type, body: { message: e.message } };
  }
}

export const subscribeToShard: KinesisAction = {
  schema: {
    ConsumerARN: { type: 'String', notNull: true, lengthMin: 1, lengthMax: 2048 },
    ShardId: { ...shardId, notNull: true },
    StartingPosition: {
      type: 'Structure',
      notNull: true,
      members: {
        Type: { type: 'String', notNull: true, enum: positionTypes },
        SequenceNumber: sequenceNumber,
        Timestamp: { type: 'Timestamp' },
      },
    },
  },
  check(input) {
    streamOfConsumer(input);
    startingPosition(input);
  },
  async run(cluster, input) {
    const shard = text(input, 'ShardId')!;
    const call = await cluster.subscribeToShard(streamOfConsumer(input), shard, {
      consumerArn: text(input, 'ConsumerARN'),
      shardId: shard,
      startingPosition: startingPosition(input),
    });
    const iterator = (call as AsyncIterable<unknown>)[Symbol.asyncIterator]();
    let first: IteratorResult<unknown>;
    try {
      // The first event comes at once; waiting for it turns a refusal into an ordinary error answer.
      first = await iterator.next();
    } catch (err) {
      throw cluster.streamFailure('SubscribeToShard', err);
    }
    return new EventStreamOutput(messages(cluster, first, iterator), () => call.cancel());
  },
};
