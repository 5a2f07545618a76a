// Original file: proto/rheo/v1/internal.proto

import type { Long } from '@grpc/proto-loader';

/**
 * A leader's traffic for one shard over the interval since its previous heartbeat.
 */
export interface ShardTraffic {
  /**
   * The shard's group.
   */
  'groupId'?: (number | string | Long);
  /**
   * Length of the interval the counts cover.
   */
  'intervalMs'?: (number);
  /**
   * Record bytes written.
   */
  'writeBytes'?: (number | string | Long);
  /**
   * Records written.
   */
  'writeRecords'?: (number | string | Long);
  /**
   * Record bytes read by pull consumers.
   */
  'readBytes'?: (number | string | Long);
  /**
   * GetRecords calls served.
   */
  'readCalls'?: (number);
  /**
   * Record bytes pushed to fan-out subscribers.
   */
  'fanoutBytes'?: (number | string | Long);
  /**
   * Write calls refused by the shard's write limits.
   */
  'writeThrottled'?: (number);
  /**
   * Read calls refused by the shard's read limits.
   */
  'readThrottled'?: (number);
  /**
   * Highest iterator age seen by reads in the interval, ms.
   */
  'iteratorAgeMsMax'?: (number | string | Long);
  /**
   * The hash key (decimal) that halves the interval's sampled written bytes: the autoscaler splits a
   * hot shard there; empty when nothing was sampled.
   */
  'writeSplitHashKey'?: (string);
}

/**
 * A leader's traffic for one shard over the interval since its previous heartbeat.
 */
export interface ShardTraffic__Output {
  /**
   * The shard's group.
   */
  'groupId': (number);
  /**
   * Length of the interval the counts cover.
   */
  'intervalMs': (number);
  /**
   * Record bytes written.
   */
  'writeBytes': (number);
  /**
   * Records written.
   */
  'writeRecords': (number);
  /**
   * Record bytes read by pull consumers.
   */
  'readBytes': (number);
  /**
   * GetRecords calls served.
   */
  'readCalls': (number);
  /**
   * Record bytes pushed to fan-out subscribers.
   */
  'fanoutBytes': (number);
  /**
   * Write calls refused by the shard's write limits.
   */
  'writeThrottled': (number);
  /**
   * Read calls refused by the shard's read limits.
   */
  'readThrottled': (number);
  /**
   * Highest iterator age seen by reads in the interval, ms.
   */
  'iteratorAgeMsMax': (number);
  /**
   * The hash key (decimal) that halves the interval's sampled written bytes: the autoscaler splits a
   * hot shard there; empty when nothing was sampled.
   */
  'writeSplitHashKey': (string);
}
