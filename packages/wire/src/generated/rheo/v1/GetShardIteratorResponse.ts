// Original file: proto/rheo/v1/data.proto


/**
 * GetShardIterator's result.
 */
export interface GetShardIteratorResponse {
  /**
   * Opaque, HMAC-signed token (stream, shard, position, issue time), valid for 5 minutes.
   */
  'shardIterator'?: (string);
}

/**
 * GetShardIterator's result.
 */
export interface GetShardIteratorResponse__Output {
  /**
   * Opaque, HMAC-signed token (stream, shard, position, issue time), valid for 5 minutes.
   */
  'shardIterator': (string);
}
