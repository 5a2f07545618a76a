// Original file: proto/rheo/v1/admin.proto


/**
 * UntagResource's result: empty.
 */
export interface UntagResourceResponse {
}

/**
 * UntagResource's result: empty.
 */
export interface UntagResourceResponse__Output {
}
