// ListShards: a page of shards with lineage; with NextToken nothing else names the stream (Kinesis's rule).
import type { ShardFilterType } from '@rheo/client';
import type { KinesisAction } from '../action.js';
import { invalidArgument } from '../kinesis-error.js';
import { shardShape } from '../kinesis-shapes.js';
import { nextToken, shardId, streamRef } from '../schema.js';
import { streamOf } from '../stream-ref.js';
import { int, struct, text, time } from './input.js';

const filterTypes = [
  'AFTER_SHARD_ID',
  'AT_TRIM_HORIZON',
  'FROM_TRIM_HORIZON',
  'AT_LATEST',
  'AT_TIMESTAMP',
  'FROM_TIMESTAMP',
] as const;

export const listShards: KinesisAction = {
  schema: {
    ...streamRef,
    NextToken: nextToken,
    ExclusiveStartShardId: shardId,
    MaxResults: { type: 'Integer', min: 1, max: 10000 },
    StreamCreationTimestamp: { type: 'Timestamp' },
    ShardFilter: {
      type: 'Structure',
      members: {
        Type: { type: 'String', notNull: true, enum: filterTypes },
        ShardId: shardId,
        Timestamp: { type: 'Timestamp' },
      },
    },
  },
  check(input) {
    const token = text(input, 'NextToken');
    const named = text(input, 'StreamName') !== undefined || text(input, 'StreamARN') !== undefined;
    if (token !== undefined && named) {
      throw invalidArgument('NextToken and StreamName cannot be provided together.');
    }
    if (token === undefined && !named)
      throw invalidArgument('Either NextToken or StreamName should be provided.');
    const filter = struct(input, 'ShardFilter');
    const type = filter === undefined ? undefined : text(filter, 'Type');
    if (type === 'AFTER_SHARD_ID' && text(filter!, 'ShardId') === undefined) {
      throw invalidArgument('Must specify ShardId in ShardFilter when type is AFTER_SHARD_ID.');
    }
    if ((type === 'AT_TIMESTAMP' || type === 'FROM_TIMESTAMP') && filter!.Timestamp == null) {
      throw invalidArgument(`Must specify Timestamp in ShardFilter when type is ${type}.`);
    }
  },
  async run(cluster, input) {
    const token = text(input, 'NextToken');
    const filter = struct(input, 'ShardFilter');
    const page = await cluster.client.admin.listShardsPage(token === undefined ? streamOf(input) : '', {
      nextToken: token,
      maxResults: int(input, 'MaxResults'),
      exclusiveStartShardId: text(input, 'ExclusiveStartShardId'),
      streamCreationTimestampMs: time(input, 'StreamCreationTimestamp'),
      ...(filter === undefined
        ? {}
        : {
            shardFilter: {
              type: text(filter, 'Type') as ShardFilterType,
              shardId: text(filter, 'ShardId'),
              timestampMs: time(filter, 'Timestamp'),
            },
          }),
    });
    return { Shards: page.shards.map(shardShape), NextToken: page.nextToken };
  },
};
