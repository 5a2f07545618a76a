// Original file: proto/rheo/v1/data.proto


/**
 * PutRecord's input. The record is a record batch of exactly one record,
 * so that a single write and a batch take the same validated path.
 */
export interface PutRecordRequest {
  /**
   * The stream's name (or use stream_arn).
   */
  'streamName'?: (string);
  /**
   * The stream's ARN (or use stream_name).
   */
  'streamArn'?: (string);
  /**
   * A client record batch holding exactly one record (partition key, optional explicit hash key, data).
   */
  'recordBatch'?: (Buffer | Uint8Array | string);
  /**
   * The shard the client routed the record to; empty to let the receiving node route it by hash key.
   */
  'shardId'?: (string);
  /**
   * Kinesis's ordering guard: the record's sequence number must exceed this one (same partition key); empty for none.
   */
  'sequenceNumberForOrdering'?: (string);
}

/**
 * PutRecord's input. The record is a record batch of exactly one record,
 * so that a single write and a batch take the same validated path.
 */
export interface PutRecordRequest__Output {
  /**
   * The stream's name (or use stream_arn).
   */
  'streamName': (string);
  /**
   * The stream's ARN (or use stream_name).
   */
  'streamArn': (string);
  /**
   * A client record batch holding exactly one record (partition key, optional explicit hash key, data).
   */
  'recordBatch': (Buffer);
  /**
   * The shard the client routed the record to; empty to let the receiving node route it by hash key.
   */
  'shardId': (string);
  /**
   * Kinesis's ordering guard: the record's sequence number must exceed this one (same partition key); empty for none.
   */
  'sequenceNumberForOrdering': (string);
}
