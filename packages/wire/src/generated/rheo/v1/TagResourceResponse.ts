// Original file: proto/rheo/v1/admin.proto


/**
 * TagResource's result: empty.
 */
export interface TagResourceResponse {
}

/**
 * TagResource's result: empty.
 */
export interface TagResourceResponse__Output {
}
