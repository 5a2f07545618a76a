// Original file: proto/rheo/v1/admin.proto


/**
 * DeleteStream's result: empty; the stream moves to DELETING.
 */
export interface DeleteStreamResponse {
}

/**
 * DeleteStream's result: empty; the stream moves to DELETING.
 */
export interface DeleteStreamResponse__Output {
}
