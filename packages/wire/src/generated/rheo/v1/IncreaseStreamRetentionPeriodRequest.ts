// Original file: proto/rheo/v1/admin.proto


/**
 * IncreaseStreamRetentionPeriod's input.
 */
export interface IncreaseStreamRetentionPeriodRequest {
  /**
   * The stream's name (or use stream_arn).
   */
  'streamName'?: (string);
  /**
   * The stream's ARN (or use stream_name).
   */
  'streamArn'?: (string);
  /**
   * The new period in hours; must exceed the current one, at most 8760.
   */
  'retentionPeriodHours'?: (number);
}

/**
 * IncreaseStreamRetentionPeriod's input.
 */
export interface IncreaseStreamRetentionPeriodRequest__Output {
  /**
   * The stream's name (or use stream_arn).
   */
  'streamName': (string);
  /**
   * The stream's ARN (or use stream_name).
   */
  'streamArn': (string);
  /**
   * The new period in hours; must exceed the current one, at most 8760.
   */
  'retentionPeriodHours': (number);
}
