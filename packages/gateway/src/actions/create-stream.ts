// CreateStream: a PROVISIONED stream of ShardCount shards, or ON_DEMAND.
import type { KinesisAction } from '../action.js';
import { validationError } from '../kinesis-error.js';
import { streamName, tagKey, tagValue } from '../schema.js';
import { int, stringMap, struct, text } from './input.js';

export const createStream: KinesisAction = {
  schema: {
    StreamName: { ...streamName, notNull: true },
    ShardCount: { type: 'Integer', min: 1, max: 100000 },
    StreamModeDetails: {
      type: 'Structure',
      members: { StreamMode: { type: 'String', notNull: true, enum: ['PROVISIONED', 'ON_DEMAND'] } },
    },
    Tags: { type: 'Map', lengthMin: 1, lengthMax: 50, key: tagKey, value: tagValue },
  },
  check(input) {
    const mode = text(struct(input, 'StreamModeDetails') ?? {}, 'StreamMode') ?? 'PROVISIONED';
    if (mode === 'PROVISIONED' && int(input, 'ShardCount') === undefined) {
      throw validationError('ShardCount is required for a stream in PROVISIONED mode.');
    }
  },
  async run(cluster, input) {
    const mode =
      text(struct(input, 'StreamModeDetails') ?? {}, 'StreamMode') === 'ON_DEMAND'
        ? 'ON_DEMAND'
        : 'PROVISIONED';
    await cluster.client.admin.createStream(text(input, 'StreamName')!, {
      ...(mode === 'PROVISIONED' ? { shardCount: int(input, 'ShardCount') } : {}),
      mode,
      tags: stringMap(input, 'Tags'),
    });
    return {};
  },
};
