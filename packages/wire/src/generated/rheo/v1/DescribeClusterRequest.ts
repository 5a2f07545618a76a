// Original file: proto/rheo/v1/cluster.proto


/**
 * DescribeCluster's input: empty.
 */
export interface DescribeClusterRequest {
}

/**
 * DescribeCluster's input: empty.
 */
export interface DescribeClusterRequest__Output {
}
