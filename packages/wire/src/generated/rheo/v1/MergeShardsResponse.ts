// Original file: proto/rheo/v1/admin.proto


/**
 * MergeShards' result: empty; the stream is UPDATING until the child is open.
 */
export interface MergeShardsResponse {
}

/**
 * MergeShards' result: empty; the stream is UPDATING until the child is open.
 */
export interface MergeShardsResponse__Output {
}
