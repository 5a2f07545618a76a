// Original file: proto/rheo/v1/admin.proto


/**
 * DescribeLimits' input: empty.
 */
export interface DescribeLimitsRequest {
}

/**
 * DescribeLimits' input: empty.
 */
export interface DescribeLimitsRequest__Output {
}
