// What the client commands print for people: tables and short summaries,
// each a pure function of what the SDK returned (so tests check them
// without a cluster). --json prints the SDK's objects instead (json.ts).
import type {
  ClusterDescription,
  ShardDescription,
  StreamDescriptionSummary,
  StreamSummary,
} from '@rheo/client';
import { formatTable } from './table.js';

/** ms since the epoch as an ISO time to the second, '-' for 0 (unknown). */
export function isoTime(ms: number): string {
  return ms === 0 ? '-' : new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function streamListText(streams: readonly StreamSummary[]): string {
  if (streams.length === 0) return 'no streams (create one: rheo stream create <name> --shards 4)';
  return formatTable(
    [
      { header: 'STREAM', value: (s: StreamSummary) => s.streamName },
      { header: 'STATUS', value: (s) => s.streamStatus },
      { header: 'MODE', value: (s) => s.streamMode },
      { header: 'CREATED', value: (s) => isoTime(s.streamCreationTimestampMs) },
    ],
    streams,
  );
}

/** A shard as `stream describe` shows it: lineage from ListShards, leader and replicas from the shard map. */
export interface ShardRow extends ShardDescription {
  /** Node id of the leader; 0 when unknown. */
  readonly leaderNodeId: number;
  /** Replica addresses; empty when the map could not be read. */
  readonly replicas: readonly string[];
}

export function streamDescriptionText(
  summary: StreamDescriptionSummary,
  shards: readonly ShardRow[],
): string {
  const head = [
    `stream      ${summary.streamName}`,
    `arn         ${summary.streamArn}`,
    `status      ${summary.streamStatus}`,
    `mode        ${summary.streamMode}`,
    `shards      ${summary.openShardCount} open, ${shards.length - openCount(shards)} closed`,
    `replicas    ${summary.replicationFactor} per shard`,
    `retention   ${summary.retentionPeriodHours} h`,
    `consumers   ${summary.consumerCount}`,
    `created     ${isoTime(summary.streamCreationTimestampMs)}`,
  ];
  if (shards.length === 0) return head.join('\n');
  const table = formatTable(
    [
      { header: 'SHARD', value: (s: ShardRow) => s.shardId },
      { header: 'STATE', value: (s) => (s.endingSequenceNumber === undefined ? 'open' : 'closed') },
      { header: 'PARENT', value: (s) => parents(s) },
      { header: 'LEADER', value: (s) => (s.leaderNodeId === 0 ? '-' : s.leaderNodeId), right: true },
      { header: 'REPLICAS', value: (s) => (s.replicas.length === 0 ? '-' : s.replicas.join(',')) },
      { header: 'HASH KEYS', value: (s) => `${s.startingHashKey}..${s.endingHashKey}` },
    ],
    shards,
  );
  return `${head.join('\n')}\n\n${table}`;
}

function openCount(shards: readonly ShardDescription[]): number {
  return shards.filter((s) => s.endingSequenceNumber === undefined).length;
}

function parents(s: ShardDescription): string {
  const ids = [s.parentShardId, s.adjacentParentShardId].filter((p): p is string => p !== undefined);
  return ids.length === 0 ? '-' : ids.join('+');
}

export function clusterStatusText(cluster: ClusterDescription): string {
  const nodes = formatTable(
    [
      { header: 'NODE', value: (n: ClusterDescription['nodes'][number]) => n.nodeId, right: true },
      {
        header: 'ADDRESS',
        value: (n) => (n.nodeId === cluster.controllerNodeId ? `${n.address} *` : n.address),
      },
      { header: 'ROLES', value: (n) => n.roles.map((r) => r.toLowerCase()).join(',') },
      { header: 'RACK', value: (n) => (n.rack === '' ? '-' : n.rack) },
      { header: 'STATE', value: (n) => n.state },
      { header: 'REPLICAS', value: (n) => n.replicaCount, right: true },
      { header: 'LEADERS', value: (n) => n.leaderCount, right: true },
    ],
    cluster.nodes,
  );
  const controller =
    cluster.controllerNodeId === 0 ? 'none known' : `node ${cluster.controllerNodeId} (marked *)`;
  return [
    `cluster ${cluster.clusterId}, epoch ${cluster.epoch}, active controller: ${controller}`,
    '',
    nodes,
    '',
    `under-replicated shards: ${cluster.underReplicatedShardCount}`,
    `leaderless shards:       ${cluster.leaderlessShardCount}`,
  ].join('\n');
}

/** One acknowledged record of `put`: its shard and sequence number. */
export interface PutLine {
  readonly partitionKey: string;
  readonly shardId: string;
  readonly sequenceNumber: string;
}

export function putLineText(ack: PutLine): string {
  return `${ack.shardId}  ${ack.sequenceNumber}`;
}

/** One record of `tail`, as printed. */
export interface TailRecord {
  readonly partitionKey: string;
  readonly shardId: string;
  readonly sequenceNumber: string;
  readonly arrivalMs: number;
  readonly data: Buffer;
}

/** `data` as UTF-8, or base64 (binary data, or when asked). */
export function dataText(data: Buffer, base64: boolean): string {
  return base64 ? data.toString('base64') : data.toString('utf8');
}

export function tailLineText(record: TailRecord, base64: boolean): string {
  return `${record.partitionKey}  ${record.shardId}  ${record.sequenceNumber}  ${dataText(record.data, base64)}`;
}

export function tailLineJson(record: TailRecord, base64: boolean): Record<string, string | number> {
  return {
    partitionKey: record.partitionKey,
    shardId: record.shardId,
    sequenceNumber: record.sequenceNumber,
    arrivalMs: record.arrivalMs,
    ...(base64 ? { dataBase64: record.data.toString('base64') } : { data: record.data.toString('utf8') }),
  };
}
