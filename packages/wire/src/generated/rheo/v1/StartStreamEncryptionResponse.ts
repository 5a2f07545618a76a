// Original file: proto/rheo/v1/admin.proto


/**
 * StartStreamEncryption's result: empty; the stream is UPDATING briefly.
 */
export interface StartStreamEncryptionResponse {
}

/**
 * StartStreamEncryption's result: empty; the stream is UPDATING briefly.
 */
export interface StartStreamEncryptionResponse__Output {
}
