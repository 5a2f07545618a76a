// Original file: proto/rheo/v1/cluster.proto


/**
 * UndrainNode's result: empty.
 */
export interface UndrainNodeResponse {
}

/**
 * UndrainNode's result: empty.
 */
export interface UndrainNodeResponse__Output {
}
