// Original file: proto/rheo/v1/groups.proto


/**
 * ReleaseLeases' result: empty.
 */
export interface ReleaseLeasesResponse {
}

/**
 * ReleaseLeases' result: empty.
 */
export interface ReleaseLeasesResponse__Output {
}
