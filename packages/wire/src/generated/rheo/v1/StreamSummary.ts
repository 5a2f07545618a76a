// Original file: proto/rheo/v1/admin.proto

import type { StreamStatus as _rheo_v1_StreamStatus, StreamStatus__Output as _rheo_v1_StreamStatus__Output } from '../../rheo/v1/StreamStatus.js';
import type { StreamModeDetails as _rheo_v1_StreamModeDetails, StreamModeDetails__Output as _rheo_v1_StreamModeDetails__Output } from '../../rheo/v1/StreamModeDetails.js';
import type { Long } from '@grpc/proto-loader';

/**
 * A stream in a ListStreams page.
 */
export interface StreamSummary {
  /**
   * The stream's name.
   */
  'streamName'?: (string);
  /**
   * The stream's ARN-like id.
   */
  'streamArn'?: (string);
  /**
   * Lifecycle status.
   */
  'streamStatus'?: (_rheo_v1_StreamStatus);
  /**
   * Capacity mode.
   */
  'streamModeDetails'?: (_rheo_v1_StreamModeDetails | null);
  /**
   * Creation time, ms since the epoch.
   */
  'streamCreationTimestampMs'?: (number | string | Long);
}

/**
 * A stream in a ListStreams page.
 */
export interface StreamSummary__Output {
  /**
   * The stream's name.
   */
  'streamName': (string);
  /**
   * The stream's ARN-like id.
   */
  'streamArn': (string);
  /**
   * Lifecycle status.
   */
  'streamStatus': (_rheo_v1_StreamStatus__Output);
  /**
   * Capacity mode.
   */
  'streamModeDetails': (_rheo_v1_StreamModeDetails__Output | null);
  /**
   * Creation time, ms since the epoch.
   */
  'streamCreationTimestampMs': (number);
}
