// Original file: proto/rheo/v1/admin.proto


/**
 * StopStreamEncryption's result: empty.
 */
export interface StopStreamEncryptionResponse {
}

/**
 * StopStreamEncryption's result: empty.
 */
export interface StopStreamEncryptionResponse__Output {
}
