// Original file: proto/rheo/v1/cluster.proto


/**
 * DrainNode's result: the drain has started; watch DescribeCluster for DRAINED.
 */
export interface DrainNodeResponse {
}

/**
 * DrainNode's result: the drain has started; watch DescribeCluster for DRAINED.
 */
export interface DrainNodeResponse__Output {
}
