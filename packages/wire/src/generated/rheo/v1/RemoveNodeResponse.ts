// Original file: proto/rheo/v1/cluster.proto


/**
 * RemoveNode's result: empty.
 */
export interface RemoveNodeResponse {
}

/**
 * RemoveNode's result: empty.
 */
export interface RemoveNodeResponse__Output {
}
