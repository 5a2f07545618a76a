// The ARN-named tag actions: TagResource, UntagResource, ListTagsForResource.
import type { KinesisAction } from '../action.js';
import { tagsShape } from '../kinesis-shapes.js';
import { tagKey, tagValue } from '../schema.js';
import { stringMap, strings, text } from './input.js';

const resourceArn = { type: 'String', notNull: true, lengthMin: 1, lengthMax: 2048 } as const;

export const tagResource: KinesisAction = {
  schema: {
    ResourceARN: resourceArn,
    Tags: { type: 'Map', notNull: true, lengthMin: 1, lengthMax: 50, key: tagKey, value: tagValue },
  },
  async run(cluster, input) {
    await cluster.adminCall('TagResource', 'TagResource', {
      resourceArn: text(input, 'ResourceARN'),
      tags: stringMap(input, 'Tags'),
    });
    return {};
  },
};

export const untagResource: KinesisAction = {
  schema: {
    ResourceARN: resourceArn,
    TagKeys: { type: 'List', notNull: true, lengthMin: 1, lengthMax: 50, member: tagKey },
  },
  async run(cluster, input) {
    await cluster.adminCall('UntagResource', 'UntagResource', {
      resourceArn: text(input, 'ResourceARN'),
      tagKeys: strings(input, 'TagKeys'),
    });
    return {};
  },
};

export const listTagsForResource: KinesisAction = {
  schema: { ResourceARN: resourceArn },
  async run(cluster, input) {
    const answer = await cluster.adminCall<{ tags: { key: string; value: string }[] }>(
      'ListTagsForResource',
      'ListTagsForResource',
      { resourceArn: text(input, 'ResourceARN') },
    );
    return { Tags: tagsShape(answer.tags) };
  },
};
