// Original file: proto/rheo/v1/common.proto


/**
 * The sequence numbers a shard has used or will use.
 */
export interface SequenceNumberRange {
  /**
   * The first sequence number of the shard (above every number of its parents).
   */
  'startingSequenceNumber'?: (string);
  /**
   * The last sequence number of a closed shard; empty while the shard is open.
   */
  'endingSequenceNumber'?: (string);
}

/**
 * The sequence numbers a shard has used or will use.
 */
export interface SequenceNumberRange__Output {
  /**
   * The first sequence number of the shard (above every number of its parents).
   */
  'startingSequenceNumber': (string);
  /**
   * The last sequence number of a closed shard; empty while the shard is open.
   */
  'endingSequenceNumber': (string);
}
