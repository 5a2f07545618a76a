// The stream-named tag actions: AddTagsToStream, RemoveTagsFromStream, ListTagsForStream.
import type { KinesisAction } from '../action.js';
import { tagsShape } from '../kinesis-shapes.js';
import { streamRef, tagKey, tagValue } from '../schema.js';
import { streamOf } from '../stream-ref.js';
import { int, stringMap, strings, text } from './input.js';

export const addTagsToStream: KinesisAction = {
  schema: {
    ...streamRef,
    Tags: { type: 'Map', notNull: true, lengthMin: 1, lengthMax: 200, key: tagKey, value: tagValue },
  },
  check: streamOf,
  async run(cluster, input) {
    await cluster.client.admin.addTagsToStream(streamOf(input), stringMap(input, 'Tags'));
    return {};
  },
};

export const removeTagsFromStream: KinesisAction = {
  schema: {
    ...streamRef,
    TagKeys: { type: 'List', notNull: true, lengthMin: 1, lengthMax: 50, member: tagKey },
  },
  check: streamOf,
  async run(cluster, input) {
    await cluster.client.admin.removeTagsFromStream(streamOf(input), strings(input, 'TagKeys'));
    return {};
  },
};

interface PbTagsPage {
  readonly tags: { key: string; value: string }[];
  readonly hasMoreTags: boolean;
}

export const listTagsForStream: KinesisAction = {
  schema: {
    ...streamRef,
    ExclusiveStartTagKey: tagKey,
    Limit: { type: 'Integer', min: 1, max: 50 },
  },
  check: streamOf,
  async run(cluster, input) {
    const page = await cluster.adminCall<PbTagsPage>('ListTagsForStream', 'ListTagsForStream', {
      streamName: streamOf(input),
      exclusiveStartTagKey: text(input, 'ExclusiveStartTagKey') ?? '',
      limit: int(input, 'Limit') ?? 0,
    });
    return { Tags: tagsShape(page.tags), HasMoreTags: page.hasMoreTags };
  },
};
