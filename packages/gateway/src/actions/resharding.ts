// The resharding actions: SplitShard, MergeShards, UpdateShardCount, UpdateStreamMode.
import type { KinesisAction } from '../action.js';
import { hashKey, shardId, streamArn, streamRef } from '../schema.js';
import { streamOf } from '../stream-ref.js';
import { int, struct, text } from './input.js';

export const splitShard: KinesisAction = {
  schema: {
    ...streamRef,
    ShardToSplit: { ...shardId, notNull: true },
    NewStartingHashKey: { ...hashKey, notNull: true },
  },
  check: streamOf,
  async run(cluster, input) {
    await cluster.adminCall(
      'SplitShard',
      'SplitShard',
      {
        streamName: streamOf(input),
        shardToSplit: text(input, 'ShardToSplit'),
        newStartingHashKey: text(input, 'NewStartingHashKey'),
      },
      false,
    );
    return {};
  },
};

export const mergeShards: KinesisAction = {
  schema: {
    ...streamRef,
    ShardToMerge: { ...shardId, notNull: true },
    AdjacentShardToMerge: { ...shardId, notNull: true },
  },
  check: streamOf,
  async run(cluster, input) {
    await cluster.adminCall(
      'MergeShards',
      'MergeShards',
      {
        streamName: streamOf(input),
        shardToMerge: text(input, 'ShardToMerge'),
        adjacentShardToMerge: text(input, 'AdjacentShardToMerge'),
      },
      false,
    );
    return {};
  },
};

interface PbShardCount {
  readonly streamName: string;
  readonly currentShardCount: number;
  readonly targetShardCount: number;
  readonly streamArn: string;
}

export const updateShardCount: KinesisAction = {
  schema: {
    ...streamRef,
    TargetShardCount: { type: 'Integer', notNull: true, min: 1, max: 100000 },
    ScalingType: { type: 'String', notNull: true, enum: ['UNIFORM_SCALING'] },
  },
  check: streamOf,
  async run(cluster, input) {
    const a = await cluster.adminCall<PbShardCount>(
      'UpdateShardCount',
      'UpdateShardCount',
      {
        streamName: streamOf(input),
        targetShardCount: int(input, 'TargetShardCount'),
        scalingType: 'SCALING_TYPE_UNIFORM_SCALING',
      },
      false,
    );
    return {
      StreamName: a.streamName,
      CurrentShardCount: a.currentShardCount,
      TargetShardCount: a.targetShardCount,
      StreamARN: a.streamArn,
    };
  },
};

export const updateStreamMode: KinesisAction = {
  schema: {
    StreamARN: { ...streamArn, notNull: true },
    StreamModeDetails: {
      type: 'Structure',
      notNull: true,
      members: { StreamMode: { type: 'String', notNull: true, enum: ['PROVISIONED', 'ON_DEMAND'] } },
    },
  },
  check: streamOf,
  async run(cluster, input) {
    const mode = text(struct(input, 'StreamModeDetails')!, 'StreamMode');
    await cluster.adminCall('UpdateStreamMode', 'UpdateStreamMode', {
      streamName: streamOf(input),
      streamModeDetails: { streamMode: `STREAM_MODE_${mode}` },
    });
    return {};
  },
};
