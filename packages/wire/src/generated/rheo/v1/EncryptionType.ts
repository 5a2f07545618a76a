// Original file: proto/rheo/v1/common.proto

/**
 * Encryption at rest of a stream's data.
 */
export const EncryptionType = {
  /**
   * Not set in a request (StartStreamEncryption requires KMS).
   */
  ENCRYPTION_TYPE_UNSPECIFIED: 'ENCRYPTION_TYPE_UNSPECIFIED',
  /**
   * Stored unencrypted.
   */
  ENCRYPTION_TYPE_NONE: 'ENCRYPTION_TYPE_NONE',
  /**
   * Encrypted with a managed key named by key_id.
   */
  ENCRYPTION_TYPE_KMS: 'ENCRYPTION_TYPE_KMS',
} as const;

/**
 * Encryption at rest of a stream's data.
 */
export type EncryptionType =
  /**
   * Not set in a request (StartStreamEncryption requires KMS).
   */
  | 'ENCRYPTION_TYPE_UNSPECIFIED'
  | 0
  /**
   * Stored unencrypted.
   */
  | 'ENCRYPTION_TYPE_NONE'
  | 1
  /**
   * Encrypted with a managed key named by key_id.
   */
  | 'ENCRYPTION_TYPE_KMS'
  | 2

/**
 * Encryption at rest of a stream's data.
 */
export type EncryptionType__Output = typeof EncryptionType[keyof typeof EncryptionType]
