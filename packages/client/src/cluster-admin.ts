// Cluster information and node operations over the Cluster service. Any
// node answers DescribeCluster from its copy of the metadata; drain, undrain
// and remove are forwarded to the active controller (docs/cluster.md). Like
// StreamAdmin, every call goes to the seed nodes with retries on retryable
// reasons only. Drain and undrain set a state, so a repeat after
// OutcomeUnknown is harmless; RemoveNode is not repeated (a repeat of a
// removal that took effect would answer ResourceNotFound).
import { type ClusterDescription, toClusterDescription } from './admin-types.js';
import type { NodeClients } from './connections.js';
import type { RheoClient } from './rheo-client.js';
import { unary } from './unary.js';

export class ClusterAdmin {
  constructor(private readonly client: RheoClient) {}

  /** The nodes, their roles, state and load, the active controller, and shard health counts. */
  async describeCluster(): Promise<ClusterDescription> {
    const answer = await this.call((n) => unary(n.cluster.DescribeCluster, n.cluster, {}, this.deadlineMs));
    return toClusterDescription(answer);
  }

  /** Starts moving the node's leaders, then its replicas, away; it is DRAINED once it hosts nothing. */
  async drainNode(nodeId: number): Promise<void> {
    await this.call((n) => unary(n.cluster.DrainNode, n.cluster, { nodeId }, this.deadlineMs));
  }

  /** Lets a draining or drained node take replicas and leaders again. */
  async undrainNode(nodeId: number): Promise<void> {
    await this.call((n) => unary(n.cluster.UndrainNode, n.cluster, { nodeId }, this.deadlineMs));
  }

  /** Forgets a node for good; ResourceInUse while it still hosts replicas. */
  async removeNode(nodeId: number): Promise<void> {
    await this.call((n) => unary(n.cluster.RemoveNode, n.cluster, { nodeId }, this.deadlineMs), false);
  }

  private get deadlineMs(): number {
    return this.client.options.callDeadlineMs;
  }

  private call<T>(call: (node: NodeClients) => Promise<T>, outcomeUnknownSafe = true): Promise<T> {
    return this.client.seedCall(call, outcomeUnknownSafe);
  }
}
