// Original file: proto/rheo/v1/groups.proto

import type { ConsumerGroupSettings as _rheo_v1_ConsumerGroupSettings, ConsumerGroupSettings__Output as _rheo_v1_ConsumerGroupSettings__Output } from '../../rheo/v1/ConsumerGroupSettings.js';

/**
 * CreateConsumerGroup's input.
 */
export interface CreateConsumerGroupRequest {
  /**
   * The stream's name (or use stream_arn).
   */
  'streamName'?: (string);
  /**
   * The stream's ARN (or use stream_name).
   */
  'streamArn'?: (string);
  /**
   * 1..128 characters of [a-zA-Z0-9_.-], unique within the stream.
   */
  'groupName'?: (string);
  /**
   * The group's settings.
   */
  'settings'?: (_rheo_v1_ConsumerGroupSettings | null);
}

/**
 * CreateConsumerGroup's input.
 */
export interface CreateConsumerGroupRequest__Output {
  /**
   * The stream's name (or use stream_arn).
   */
  'streamName': (string);
  /**
   * The stream's ARN (or use stream_name).
   */
  'streamArn': (string);
  /**
   * 1..128 characters of [a-zA-Z0-9_.-], unique within the stream.
   */
  'groupName': (string);
  /**
   * The group's settings.
   */
  'settings': (_rheo_v1_ConsumerGroupSettings__Output | null);
}
