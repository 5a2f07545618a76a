// Original file: proto/rheo/v1/common.proto

import type { StreamMode as _rheo_v1_StreamMode, StreamMode__Output as _rheo_v1_StreamMode__Output } from '../../rheo/v1/StreamMode.js';

/**
 * The stream's capacity mode, wrapped as Kinesis wraps it so fields can be added.
 */
export interface StreamModeDetails {
  /**
   * PROVISIONED or ON_DEMAND.
   */
  'streamMode'?: (_rheo_v1_StreamMode);
}

/**
 * The stream's capacity mode, wrapped as Kinesis wraps it so fields can be added.
 */
export interface StreamModeDetails__Output {
  /**
   * PROVISIONED or ON_DEMAND.
   */
  'streamMode': (_rheo_v1_StreamMode__Output);
}
