// Original file: proto/rheo/v1/admin.proto

import type { ConsumerStatus as _rheo_v1_ConsumerStatus, ConsumerStatus__Output as _rheo_v1_ConsumerStatus__Output } from '../../rheo/v1/ConsumerStatus.js';
import type { Long } from '@grpc/proto-loader';

/**
 * An enhanced fan-out consumer as Kinesis describes it.
 */
export interface Consumer {
  /**
   * 1..128 characters of [a-zA-Z0-9_.-], unique within the stream.
   */
  'consumerName'?: (string);
  /**
   * The consumer's ARN-like id (`<stream_arn>/consumer/<name>:<creation ms>`); what SubscribeToShard takes.
   */
  'consumerArn'?: (string);
  /**
   * Lifecycle status.
   */
  'consumerStatus'?: (_rheo_v1_ConsumerStatus);
  /**
   * Registration time, ms since the epoch.
   */
  'consumerCreationTimestampMs'?: (number | string | Long);
  /**
   * The stream's ARN (set by DescribeStreamConsumer; empty in lists, as in Kinesis).
   */
  'streamArn'?: (string);
}

/**
 * An enhanced fan-out consumer as Kinesis describes it.
 */
export interface Consumer__Output {
  /**
   * 1..128 characters of [a-zA-Z0-9_.-], unique within the stream.
   */
  'consumerName': (string);
  /**
   * The consumer's ARN-like id (`<stream_arn>/consumer/<name>:<creation ms>`); what SubscribeToShard takes.
   */
  'consumerArn': (string);
  /**
   * Lifecycle status.
   */
  'consumerStatus': (_rheo_v1_ConsumerStatus__Output);
  /**
   * Registration time, ms since the epoch.
   */
  'consumerCreationTimestampMs': (number);
  /**
   * The stream's ARN (set by DescribeStreamConsumer; empty in lists, as in Kinesis).
   */
  'streamArn': (string);
}
