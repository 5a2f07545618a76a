// Original file: proto/rheo/v1/admin.proto


/**
 * AddTagsToStream's result: empty.
 */
export interface AddTagsToStreamResponse {
}

/**
 * AddTagsToStream's result: empty.
 */
export interface AddTagsToStreamResponse__Output {
}
