// Original file: proto/rheo/v1/admin.proto


/**
 * UpdateStreamMode's result: empty.
 */
export interface UpdateStreamModeResponse {
}

/**
 * UpdateStreamMode's result: empty.
 */
export interface UpdateStreamModeResponse__Output {
}
