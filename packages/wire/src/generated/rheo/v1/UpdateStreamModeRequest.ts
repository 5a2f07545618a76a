// Original file: proto/rheo/v1/admin.proto

import type { StreamModeDetails as _rheo_v1_StreamModeDetails, StreamModeDetails__Output as _rheo_v1_StreamModeDetails__Output } from '../../rheo/v1/StreamModeDetails.js';

/**
 * UpdateStreamMode's input (Kinesis names the stream by ARN only here; Rheo accepts either).
 */
export interface UpdateStreamModeRequest {
  /**
   * The stream's ARN (or use stream_name).
   */
  'streamArn'?: (string);
  /**
   * The new mode.
   */
  'streamModeDetails'?: (_rheo_v1_StreamModeDetails | null);
  /**
   * The stream's name (or use stream_arn).
   */
  'streamName'?: (string);
}

/**
 * UpdateStreamMode's input (Kinesis names the stream by ARN only here; Rheo accepts either).
 */
export interface UpdateStreamModeRequest__Output {
  /**
   * The stream's ARN (or use stream_name).
   */
  'streamArn': (string);
  /**
   * The new mode.
   */
  'streamModeDetails': (_rheo_v1_StreamModeDetails__Output | null);
  /**
   * The stream's name (or use stream_arn).
   */
  'streamName': (string);
}
