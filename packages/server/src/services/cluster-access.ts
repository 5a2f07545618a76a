// What the services need of the cluster in cluster mode: the metadata this
// node answers reads from, the active controller when it runs here, and a
// way to hand a mutation to it when it runs elsewhere.
import type * as grpc from '@grpc/grpc-js';
import type { ActiveController, MetaState } from '@rheo/controller';
import type { RheoError } from '@rheo/wire';

/** The services a call may be forwarded to the active controller on. */
export type ForwardedService = 'StreamAdmin' | 'Cluster' | 'ConsumerGroups';

export interface ClusterAccess {
  /** The metadata this node answers from; undefined until known (a broker-only node before its first fetch). */
  metadata(): MetaState | undefined;
  /** The active controller when it runs on this node. */
  controller(): ActiveController | undefined;
  /** The active controller's node id as this node knows it; 0 when none is known. */
  controllerNodeId(): number;
  /** NotLeader naming the active controller as far as this node knows it (for a call that may not be forwarded again). */
  notController(): RheoError;
  /** Most open shards in the cluster (DescribeLimits). */
  readonly shardLimit: number;
  /** Calls `method` on the active controller's node with the caller's deadline; rejects with the RheoError it answered. */
  forward<Res>(
    service: ForwardedService,
    method: string,
    req: unknown,
    deadline: grpc.Deadline,
  ): Promise<Res>;
}
