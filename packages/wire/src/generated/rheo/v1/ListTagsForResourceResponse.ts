// Original file: proto/rheo/v1/admin.proto

import type { Tag as _rheo_v1_Tag, Tag__Output as _rheo_v1_Tag__Output } from '../../rheo/v1/Tag.js';

/**
 * ListTagsForResource's result.
 */
export interface ListTagsForResourceResponse {
  /**
   * Every tag of the resource, sorted by key.
   */
  'tags'?: (_rheo_v1_Tag)[];
}

/**
 * ListTagsForResource's result.
 */
export interface ListTagsForResourceResponse__Output {
  /**
   * Every tag of the resource, sorted by key.
   */
  'tags': (_rheo_v1_Tag__Output)[];
}
