// The metadata's records and commands: the contract between the metadata
// state machine (MetaState), the active controller that proposes commands,
// and the server that hosts both (plan/controller-api.md).
import type { HashRange, Reason } from '@rheo/wire';
import type { GroupCommand } from './consumer-groups-meta.js';
import type { ConsumerCommand } from './meta-apply-consumers.js';
import type { LimitsCommand, StreamShardLimits } from './meta-apply-limits.js';
import type { MonitoringCommand } from './meta-apply-monitoring.js';
import type { ReshardCommand } from './reshard-types.js';

export type NodeStateName = 'ALIVE' | 'SUSPECT' | 'DEAD' | 'DRAINING' | 'DRAINED';
export type NodeRoleName = 'broker' | 'controller';

export const nodeStateNames: readonly NodeStateName[] = Object.freeze([
  'ALIVE',
  'SUSPECT',
  'DEAD',
  'DRAINING',
  'DRAINED',
]);
export const nodeRoleNames: readonly NodeRoleName[] = Object.freeze(['broker', 'controller']);

export interface NodeRecord {
  readonly id: number;
  readonly address: string;
  readonly gatewayAddress: string;
  readonly roles: readonly NodeRoleName[];
  readonly rack: string;
  readonly incarnation: string;
  readonly state: NodeStateName;
  readonly registeredAtMs: number;
}

export type StreamStatusName = 'CREATING' | 'ACTIVE' | 'UPDATING' | 'DELETING';
export type StreamModeName = 'PROVISIONED' | 'ON_DEMAND';

export const streamStatusNames: readonly StreamStatusName[] = Object.freeze([
  'CREATING',
  'ACTIVE',
  'UPDATING',
  'DELETING',
]);
export const streamModeNames: readonly StreamModeName[] = Object.freeze(['PROVISIONED', 'ON_DEMAND']);

export interface StreamRecord {
  readonly name: string;
  /** `arn:rheo:kinesis:${clusterId}::stream/${name}`. */
  readonly arn: string;
  readonly status: StreamStatusName;
  readonly mode: StreamModeName;
  readonly retentionHours: number;
  readonly replicationFactor: number;
  readonly createdAtMs: number;
  readonly tags: Readonly<Record<string, string>>;
  /** Every retained shard, in creation order. */
  readonly shardIds: readonly string[];
  readonly enhancedMetrics: readonly string[];
  /** Per-shard throughput limits this stream overrides (meta-apply-limits.ts); absent: the cluster's. */
  readonly shardLimits?: StreamShardLimits;
}

export interface ShardRecord {
  readonly streamName: string;
  /** `shardId-` and 12 digits, from a per-stream counter. */
  readonly shardId: string;
  /** Cluster-wide, from a counter starting at 2 (1 is the metadata group). */
  readonly groupId: number;
  readonly hashRange: HashRange;
  readonly parentShardId?: string;
  readonly adjacentParentShardId?: string;
  /** 0n for a stream's first shards. */
  readonly sequenceBase: bigint;
  readonly endingSequenceNumber?: string;
  /** When the controller recorded it closed (resharding); with endingSequenceNumber. */
  readonly closedAtMs?: number;
  /** Takes writes. False for a closed shard, and for a child whose parents are not all closed yet. */
  readonly open: boolean;
  /** Founding voters, fixed at creation: the membership a founder bootstraps the group with. */
  readonly founders: readonly number[];
  /** Desired voters, sorted. */
  readonly replicas: readonly number[];
  /** The leader last reported (the highest term wins). */
  readonly leader?: { readonly nodeId: number; readonly term: number };
  readonly createdAtMs: number;
}

export type ApplyOutcome<T = unknown> =
  | { readonly ok: true; readonly value?: T }
  | { readonly ok: false; readonly reason: Reason; readonly message: string; readonly field?: string };

export type MetaCommand =
  | { type: 'RegisterNode'; node: Omit<NodeRecord, 'state'> }
  | { type: 'SetNodeState'; nodeId: number; state: NodeStateName }
  | { type: 'RemoveNode'; nodeId: number }
  | {
      type: 'CreateStream';
      name: string;
      shardCount: number;
      replicationFactor: number;
      retentionHours: number;
      mode: StreamModeName;
      tags: Record<string, string>;
      atMs: number;
      /** The replica set of each shard, chosen by the proposing controller. */
      placement: number[][];
      /** Per-shard throughput limits the stream overrides (meta-apply-limits.ts). */
      shardLimits?: StreamShardLimits;
    }
  | { type: 'DeleteStream'; name: string }
  | { type: 'ForgetStream'; name: string }
  | { type: 'SetStreamStatus'; name: string; status: StreamStatusName }
  | { type: 'SetShardReplicas'; streamName: string; shardId: string; replicas: number[] }
  | { type: 'ReportLeaders'; leaders: { groupId: number; nodeId: number; term: number }[] }
  | { type: 'AddTags'; name: string; tags: Record<string, string> }
  | { type: 'RemoveTags'; name: string; keys: string[] }
  | { type: 'SetRetention'; name: string; hours: number; direction: 'increase' | 'decrease' }
  | LimitsCommand
  | ConsumerCommand
  | MonitoringCommand
  | ReshardCommand
  | GroupCommand;

export type MetaCommandType = MetaCommand['type'];
