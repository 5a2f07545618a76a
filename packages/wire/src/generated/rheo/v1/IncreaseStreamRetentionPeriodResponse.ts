// Original file: proto/rheo/v1/admin.proto


/**
 * IncreaseStreamRetentionPeriod's result: empty.
 */
export interface IncreaseStreamRetentionPeriodResponse {
}

/**
 * IncreaseStreamRetentionPeriod's result: empty.
 */
export interface IncreaseStreamRetentionPeriodResponse__Output {
}
