// Original file: proto/rheo/v1/admin.proto

import type { EncryptionType as _rheo_v1_EncryptionType, EncryptionType__Output as _rheo_v1_EncryptionType__Output } from '../../rheo/v1/EncryptionType.js';

/**
 * StopStreamEncryption's input.
 */
export interface StopStreamEncryptionRequest {
  /**
   * The stream's name (or use stream_arn).
   */
  'streamName'?: (string);
  /**
   * The stream's ARN (or use stream_name).
   */
  'streamArn'?: (string);
  /**
   * Must be KMS (the type being stopped).
   */
  'encryptionType'?: (_rheo_v1_EncryptionType);
  /**
   * The key in use.
   */
  'keyId'?: (string);
}

/**
 * StopStreamEncryption's input.
 */
export interface StopStreamEncryptionRequest__Output {
  /**
   * The stream's name (or use stream_arn).
   */
  'streamName': (string);
  /**
   * The stream's ARN (or use stream_name).
   */
  'streamArn': (string);
  /**
   * Must be KMS (the type being stopped).
   */
  'encryptionType': (_rheo_v1_EncryptionType__Output);
  /**
   * The key in use.
   */
  'keyId': (string);
}
