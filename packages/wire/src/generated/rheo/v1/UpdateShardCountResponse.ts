// Original file: proto/rheo/v1/admin.proto


/**
 * UpdateShardCount's result.
 */
export interface UpdateShardCountResponse {
  /**
   * The stream's name.
   */
  'streamName'?: (string);
  /**
   * Open shards before the update.
   */
  'currentShardCount'?: (number);
  /**
   * Open shards once the update finishes.
   */
  'targetShardCount'?: (number);
  /**
   * The stream's ARN-like id.
   */
  'streamArn'?: (string);
}

/**
 * UpdateShardCount's result.
 */
export interface UpdateShardCountResponse__Output {
  /**
   * The stream's name.
   */
  'streamName': (string);
  /**
   * Open shards before the update.
   */
  'currentShardCount': (number);
  /**
   * Open shards once the update finishes.
   */
  'targetShardCount': (number);
  /**
   * The stream's ARN-like id.
   */
  'streamArn': (string);
}
