// Original file: proto/rheo/v1/admin.proto


/**
 * RemoveTagsFromStream's result: empty.
 */
export interface RemoveTagsFromStreamResponse {
}

/**
 * RemoveTagsFromStream's result: empty.
 */
export interface RemoveTagsFromStreamResponse__Output {
}
