// DescribeStream: the stream and one page of its shards (Limit, ExclusiveStartShardId).
import type { KinesisAction } from '../action.js';
import { Timestamp } from '../body-codec.js';
import { shardShape } from '../kinesis-shapes.js';
import { shardId, streamRef } from '../schema.js';
import { streamOf } from '../stream-ref.js';
import { int, text } from './input.js';

export const describeStream: KinesisAction = {
  schema: {
    ...streamRef,
    Limit: { type: 'Integer', min: 1, max: 10000 },
    ExclusiveStartShardId: shardId,
  },
  check: streamOf,
  async run(cluster, input) {
    const d = await cluster.client.admin.describeStreamPage(streamOf(input), {
      limit: int(input, 'Limit'),
      exclusiveStartShardId: text(input, 'ExclusiveStartShardId'),
    });
    return {
      StreamDescription: {
        StreamName: d.streamName,
        StreamARN: d.streamArn,
        StreamStatus: d.streamStatus,
        StreamModeDetails: { StreamMode: d.streamMode },
        Shards: d.shards.map(shardShape),
        HasMoreShards: d.hasMoreShards,
        RetentionPeriodHours: d.retentionPeriodHours,
        StreamCreationTimestamp: new Timestamp(d.streamCreationTimestampMs),
        EnhancedMonitoring: [{ ShardLevelMetrics: [] }],
        EncryptionType: 'NONE',
      },
    };
  },
};
