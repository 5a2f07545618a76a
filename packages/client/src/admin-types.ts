// The admin calls' shapes, SDK side: the contract's messages with enum
// prefixes dropped ('STREAM_STATUS_ACTIVE' -> 'ACTIVE', as Kinesis spells
// them), absent messages made explicit, and every field named as in the
// contract. Converting here keeps the generated types out of callers' code.
import type { pb } from './grpc.js';

export type StreamStatus = 'CREATING' | 'DELETING' | 'ACTIVE' | 'UPDATING' | 'UNSPECIFIED';
export type StreamMode = 'PROVISIONED' | 'ON_DEMAND';
export type NodeRole = 'BROKER' | 'CONTROLLER';
export type NodeState = 'ALIVE' | 'SUSPECT' | 'DEAD' | 'DRAINING' | 'DRAINED' | 'UNSPECIFIED';
export type ShardFilterType =
  | 'AFTER_SHARD_ID'
  | 'AT_TRIM_HORIZON'
  | 'FROM_TRIM_HORIZON'
  | 'AT_LATEST'
  | 'AT_TIMESTAMP'
  | 'FROM_TIMESTAMP';

/** One entry of ListStreams. */
export interface StreamSummary {
  readonly streamName: string;
  readonly streamArn: string;
  readonly streamStatus: StreamStatus;
  readonly streamMode: StreamMode;
  readonly streamCreationTimestampMs: number;
}

/** A shard's throughput limits, per second (docs/limits.md); past one the shard answers ProvisionedThroughputExceeded. */
export interface ShardThroughputLimits {
  readonly writeBytesPerS: number;
  readonly writeRecordsPerS: number;
  readonly readBytesPerS: number;
  readonly readCallsPerS: number;
}

/** DescribeStreamSummary: a stream without its shards. */
export interface StreamDescriptionSummary extends StreamSummary {
  readonly retentionPeriodHours: number;
  /** The per-shard limits in force (Rheo extension); undefined from a server that does not say. */
  readonly shardLimits?: ShardThroughputLimits | undefined;
  readonly openShardCount: number;
  readonly consumerCount: number;
  readonly replicationFactor: number;
  readonly encryptionType: 'NONE' | 'KMS' | 'UNSPECIFIED';
}

/** A shard with lineage (ListShards, DescribeStream). Closed when `endingSequenceNumber` is set. */
export interface ShardDescription {
  readonly shardId: string;
  readonly parentShardId: string | undefined;
  readonly adjacentParentShardId: string | undefined;
  readonly startingHashKey: string;
  readonly endingHashKey: string;
  readonly startingSequenceNumber: string;
  readonly endingSequenceNumber: string | undefined;
}

/** DescribeStream: the stream with its shards (one page, or all of them). */
export interface StreamDescription extends StreamSummary {
  readonly retentionPeriodHours: number;
  readonly shards: readonly ShardDescription[];
  /** True when more shards follow the last one (a page); false once all are here. */
  readonly hasMoreShards: boolean;
}

export interface ShardFilter {
  readonly type: ShardFilterType;
  /** For AFTER_SHARD_ID. */
  readonly shardId?: string;
  /** For AT_TIMESTAMP and FROM_TIMESTAMP, ms since the epoch. */
  readonly timestampMs?: number;
}

/** A node as DescribeCluster reports it. */
export interface NodeDescription {
  readonly nodeId: number;
  readonly address: string;
  readonly gatewayAddress: string | undefined;
  readonly roles: readonly NodeRole[];
  readonly rack: string;
  readonly state: NodeState;
  readonly replicaCount: number;
  readonly leaderCount: number;
  /** ms since the epoch on the controller's clock; 0 if never. */
  readonly lastHeartbeatMs: number;
}

export interface ClusterDescription {
  readonly clusterId: string;
  /** The active controller's node id; 0 when none is known. */
  readonly controllerNodeId: number;
  readonly nodes: readonly NodeDescription[];
  readonly underReplicatedShardCount: number;
  readonly leaderlessShardCount: number;
  readonly epoch: number;
}

/** 'STREAM_STATUS_ACTIVE' -> 'ACTIVE': the contract's enum name without its prefix. */
function unprefixed<T extends string>(value: string | number, prefix: string): T {
  const text = String(value);
  return (text.startsWith(prefix) ? text.slice(prefix.length) : text) as T;
}

function streamMode(details: pb.StreamModeDetails__Output | null): StreamMode {
  const mode = unprefixed<StreamMode | 'UNSPECIFIED'>(details?.streamMode ?? '', 'STREAM_MODE_');
  return mode === 'ON_DEMAND' ? 'ON_DEMAND' : 'PROVISIONED';
}

function optional(text: string): string | undefined {
  return text === '' ? undefined : text;
}

export function toStreamSummary(s: pb.StreamSummary__Output): StreamSummary {
  return {
    streamName: s.streamName,
    streamArn: s.streamArn,
    streamStatus: unprefixed(s.streamStatus, 'STREAM_STATUS_'),
    streamMode: streamMode(s.streamModeDetails),
    streamCreationTimestampMs: s.streamCreationTimestampMs,
  };
}

export function toDescriptionSummary(s: pb.StreamDescriptionSummary__Output): StreamDescriptionSummary {
  return {
    ...toStreamSummary(s),
    retentionPeriodHours: s.retentionPeriodHours,
    openShardCount: s.openShardCount,
    consumerCount: s.consumerCount,
    replicationFactor: s.replicationFactor,
    encryptionType: unprefixed(s.encryptionType, 'ENCRYPTION_TYPE_'),
    shardLimits: toShardLimits(s.shardLimits),
  };
}

function toShardLimits(l: pb.ShardThroughputLimits__Output | null): ShardThroughputLimits | undefined {
  if (l === null) return undefined;
  return {
    writeBytesPerS: l.writeBytesPerSecond,
    writeRecordsPerS: l.writeRecordsPerSecond,
    readBytesPerS: l.readBytesPerSecond,
    readCallsPerS: l.readCallsPerSecond,
  };
}

export function toShard(s: pb.Shard__Output): ShardDescription {
  return {
    shardId: s.shardId,
    parentShardId: optional(s.parentShardId),
    adjacentParentShardId: optional(s.adjacentParentShardId),
    startingHashKey: s.hashKeyRange?.startingHashKey ?? '0',
    endingHashKey: s.hashKeyRange?.endingHashKey ?? '0',
    startingSequenceNumber: s.sequenceNumberRange?.startingSequenceNumber ?? '',
    endingSequenceNumber: optional(s.sequenceNumberRange?.endingSequenceNumber ?? ''),
  };
}

export function toStreamDescription(d: pb.StreamDescription__Output): StreamDescription {
  return {
    ...toStreamSummary(d),
    retentionPeriodHours: d.retentionPeriodHours,
    shards: d.shards.map(toShard),
    hasMoreShards: d.hasMoreShards,
  };
}

export function toNode(n: pb.NodeInfo__Output): NodeDescription {
  return {
    nodeId: n.nodeId,
    address: n.address,
    gatewayAddress: optional(n.gatewayAddress),
    roles: n.roles.map((r) => unprefixed<NodeRole>(r, 'NODE_ROLE_')),
    rack: n.rack,
    state: unprefixed(n.state, 'NODE_STATE_'),
    replicaCount: n.replicaCount,
    leaderCount: n.leaderCount,
    lastHeartbeatMs: n.lastHeartbeatMs,
  };
}

export function toClusterDescription(c: pb.DescribeClusterResponse__Output): ClusterDescription {
  return {
    clusterId: c.clusterId,
    controllerNodeId: c.controllerNodeId,
    nodes: c.nodes.map(toNode),
    underReplicatedShardCount: c.underReplicatedShardCount,
    leaderlessShardCount: c.leaderlessShardCount,
    epoch: c.epoch,
  };
}

export function toShardFilter(filter: ShardFilter): pb.ShardFilter {
  return {
    type: `SHARD_FILTER_TYPE_${filter.type}`,
    shardId: filter.shardId ?? '',
    timestampMs: filter.timestampMs ?? 0,
  };
}
