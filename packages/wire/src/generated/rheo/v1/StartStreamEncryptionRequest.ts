// Original file: proto/rheo/v1/admin.proto

import type { EncryptionType as _rheo_v1_EncryptionType, EncryptionType__Output as _rheo_v1_EncryptionType__Output } from '../../rheo/v1/EncryptionType.js';

/**
 * StartStreamEncryption's input.
 */
export interface StartStreamEncryptionRequest {
  /**
   * The stream's name (or use stream_arn).
   */
  'streamName'?: (string);
  /**
   * The stream's ARN (or use stream_name).
   */
  'streamArn'?: (string);
  /**
   * Must be KMS.
   */
  'encryptionType'?: (_rheo_v1_EncryptionType);
  /**
   * The managed key's id or alias.
   */
  'keyId'?: (string);
}

/**
 * StartStreamEncryption's input.
 */
export interface StartStreamEncryptionRequest__Output {
  /**
   * The stream's name (or use stream_arn).
   */
  'streamName': (string);
  /**
   * The stream's ARN (or use stream_name).
   */
  'streamArn': (string);
  /**
   * Must be KMS.
   */
  'encryptionType': (_rheo_v1_EncryptionType__Output);
  /**
   * The managed key's id or alias.
   */
  'keyId': (string);
}
