// Original file: proto/rheo/v1/admin.proto

import type { Tag as _rheo_v1_Tag, Tag__Output as _rheo_v1_Tag__Output } from '../../rheo/v1/Tag.js';

/**
 * ListTagsForStream's result.
 */
export interface ListTagsForStreamResponse {
  /**
   * One page of tags, sorted by key.
   */
  'tags'?: (_rheo_v1_Tag)[];
  /**
   * True when more tags follow.
   */
  'hasMoreTags'?: (boolean);
}

/**
 * ListTagsForStream's result.
 */
export interface ListTagsForStreamResponse__Output {
  /**
   * One page of tags, sorted by key.
   */
  'tags': (_rheo_v1_Tag__Output)[];
  /**
   * True when more tags follow.
   */
  'hasMoreTags': (boolean);
}
