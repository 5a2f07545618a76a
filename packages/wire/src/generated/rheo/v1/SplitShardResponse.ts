// Original file: proto/rheo/v1/admin.proto


/**
 * SplitShard's result: empty; the stream is UPDATING until both children are open.
 */
export interface SplitShardResponse {
}

/**
 * SplitShard's result: empty; the stream is UPDATING until both children are open.
 */
export interface SplitShardResponse__Output {
}
