// GetRecords: records at an iterator, from the shard's leader. The iterator
// names its stream and shard, which route the call; the leader verifies its
// signature. At the end of a closed shard there is no NextShardIterator and
// ChildShards names the shards that replaced it.
import { forEachStoredRecord } from '@rheo/client';
import { formatSequenceNumber, peekIteratorRoute } from '@rheo/wire';
import type { KinesisAction } from '../action.js';
import { Timestamp } from '../body-codec.js';
import { invalidArgument } from '../kinesis-error.js';
import { optional } from '../kinesis-shapes.js';
import { streamArn } from '../schema.js';
import { int, text } from './input.js';

interface PbGetRecords {
  readonly storedBatches: Buffer[];
  readonly firstBatchSkipRecords: number;
  readonly recordCount: number;
  readonly nextShardIterator: string;
  readonly millisBehindLatest: number;
  readonly childShards: {
    shardId: string;
    parentShards: string[];
    hashKeyRange: { startingHashKey: string; endingHashKey: string } | null;
  }[];
}

function routeOf(iterator: string): { streamName: string; shardId: string } {
  const route = peekIteratorRoute(iterator);
  if (route === undefined) throw invalidArgument(`Invalid ShardIterator.`);
  return route;
}

export const getRecords: KinesisAction = {
  schema: {
    ShardIterator: { type: 'String', notNull: true, lengthMin: 1, lengthMax: 512 },
    Limit: { type: 'Integer', min: 1, max: 10000 },
    StreamARN: streamArn,
  },
  check(input) {
    routeOf(text(input, 'ShardIterator')!);
  },
  async run(cluster, input) {
    const iterator = text(input, 'ShardIterator')!;
    const { streamName, shardId } = routeOf(iterator);
    const answer = await cluster.dataCall<PbGetRecords>('GetRecords', streamName, shardId, 'GetRecords', {
      shardIterator: iterator,
      limit: int(input, 'Limit') ?? 0,
    });
    const records: Record<string, unknown>[] = [];
    forEachStoredRecord(answer, (cursor, sequence, arrivalMs) => {
      records.push({
        SequenceNumber: formatSequenceNumber(sequence),
        ApproximateArrivalTimestamp: new Timestamp(arrivalMs),
        // A copy: the cursor's view dies with the next batch.
        Data: Buffer.from(cursor.data()),
        PartitionKey: cursor.partitionKey(),
      });
    });
    const children = answer.childShards.map((c) => ({
      ShardId: c.shardId,
      ParentShards: c.parentShards,
      HashKeyRange: {
        StartingHashKey: c.hashKeyRange?.startingHashKey ?? '0',
        EndingHashKey: c.hashKeyRange?.endingHashKey ?? '0',
      },
    }));
    return {
      Records: records,
      NextShardIterator: optional(answer.nextShardIterator),
      MillisBehindLatest: answer.millisBehindLatest,
      ...(children.length > 0 ? { ChildShards: children } : {}),
    };
  },
};
