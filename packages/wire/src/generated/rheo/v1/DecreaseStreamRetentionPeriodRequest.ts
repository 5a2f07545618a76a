// Original file: proto/rheo/v1/admin.proto


/**
 * DecreaseStreamRetentionPeriod's input.
 */
export interface DecreaseStreamRetentionPeriodRequest {
  /**
   * The stream's name (or use stream_arn).
   */
  'streamName'?: (string);
  /**
   * The stream's ARN (or use stream_name).
   */
  'streamArn'?: (string);
  /**
   * The new period in hours; must be below the current one, at least 24.
   */
  'retentionPeriodHours'?: (number);
}

/**
 * DecreaseStreamRetentionPeriod's input.
 */
export interface DecreaseStreamRetentionPeriodRequest__Output {
  /**
   * The stream's name (or use stream_arn).
   */
  'streamName': (string);
  /**
   * The stream's ARN (or use stream_name).
   */
  'streamArn': (string);
  /**
   * The new period in hours; must be below the current one, at least 24.
   */
  'retentionPeriodHours': (number);
}
