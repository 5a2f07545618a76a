// Original file: proto/rheo/v1/admin.proto


/**
 * ListStreams' input. Page with next_token, or (older form) exclusive_start_stream_name.
 */
export interface ListStreamsRequest {
  /**
   * Most streams to return (1..10000); 0 means 100.
   */
  'limit'?: (number);
  /**
   * Return streams whose name sorts after this one.
   */
  'exclusiveStartStreamName'?: (string);
  /**
   * The previous page's next_token; when set, the other paging fields must be empty.
   */
  'nextToken'?: (string);
}

/**
 * ListStreams' input. Page with next_token, or (older form) exclusive_start_stream_name.
 */
export interface ListStreamsRequest__Output {
  /**
   * Most streams to return (1..10000); 0 means 100.
   */
  'limit': (number);
  /**
   * Return streams whose name sorts after this one.
   */
  'exclusiveStartStreamName': (string);
  /**
   * The previous page's next_token; when set, the other paging fields must be empty.
   */
  'nextToken': (string);
}
