// Original file: proto/rheo/v1/data.proto


/**
 * GetRecords' input.
 */
export interface GetRecordsRequest {
  /**
   * An iterator from GetShardIterator or from the previous GetRecords.
   */
  'shardIterator'?: (string);
  /**
   * Most records to return (1..10000); 0 means 10000.
   */
  'limit'?: (number);
  /**
   * The stream's ARN, optional, checked against the iterator when set.
   */
  'streamArn'?: (string);
  /**
   * Rheo extension: allow a follower replica to answer, with records up to its commit index
   * (spreads read load; may lag the leader slightly).
   */
  'allowFollowerRead'?: (boolean);
  /**
   * Rheo extension: most bytes of records to return; 0 means 10 MiB (also the upper bound).
   */
  'maxBytes'?: (number);
}

/**
 * GetRecords' input.
 */
export interface GetRecordsRequest__Output {
  /**
   * An iterator from GetShardIterator or from the previous GetRecords.
   */
  'shardIterator': (string);
  /**
   * Most records to return (1..10000); 0 means 10000.
   */
  'limit': (number);
  /**
   * The stream's ARN, optional, checked against the iterator when set.
   */
  'streamArn': (string);
  /**
   * Rheo extension: allow a follower replica to answer, with records up to its commit index
   * (spreads read load; may lag the leader slightly).
   */
  'allowFollowerRead': (boolean);
  /**
   * Rheo extension: most bytes of records to return; 0 means 10 MiB (also the upper bound).
   */
  'maxBytes': (number);
}
