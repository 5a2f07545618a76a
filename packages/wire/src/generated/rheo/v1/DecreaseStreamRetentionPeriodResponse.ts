// Original file: proto/rheo/v1/admin.proto


/**
 * DecreaseStreamRetentionPeriod's result: empty.
 */
export interface DecreaseStreamRetentionPeriodResponse {
}

/**
 * DecreaseStreamRetentionPeriod's result: empty.
 */
export interface DecreaseStreamRetentionPeriodResponse__Output {
}
