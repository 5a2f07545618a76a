// The cluster's answers in Kinesis's response shapes: PascalCase members,
// enum values without the contract's prefixes, optional members left out
// when empty, times as Timestamp (rendered per body format).
import type { ShardDescription, StreamSummary } from '@rheo/client';
import { Timestamp } from './body-codec.js';

/** 'STREAM_STATUS_ACTIVE' -> 'ACTIVE'. */
export function unprefixed(value: unknown, prefix: string): string {
  const text = String(value);
  return text.startsWith(prefix) ? text.slice(prefix.length) : text;
}

export function optional(text: string | undefined | null): string | undefined {
  return text === '' || text === null ? undefined : text;
}

export function shardShape(s: ShardDescription): Record<string, unknown> {
  return {
    ShardId: s.shardId,
    ParentShardId: s.parentShardId,
    AdjacentParentShardId: s.adjacentParentShardId,
    HashKeyRange: { StartingHashKey: s.startingHashKey, EndingHashKey: s.endingHashKey },
    SequenceNumberRange: {
      StartingSequenceNumber: s.startingSequenceNumber,
      EndingSequenceNumber: s.endingSequenceNumber,
    },
  };
}

export function streamSummaryShape(s: StreamSummary): Record<string, unknown> {
  return {
    StreamName: s.streamName,
    StreamARN: s.streamArn,
    StreamStatus: s.streamStatus,
    StreamModeDetails: { StreamMode: s.streamMode },
    StreamCreationTimestamp: new Timestamp(s.streamCreationTimestampMs),
  };
}

export interface PbConsumer {
  readonly consumerName: string;
  readonly consumerArn: string;
  readonly consumerStatus: string;
  readonly consumerCreationTimestampMs: number;
  readonly streamArn: string;
}

export function consumerShape(c: PbConsumer, withStream: boolean): Record<string, unknown> {
  return {
    ConsumerName: c.consumerName,
    ConsumerARN: c.consumerArn,
    ConsumerStatus: unprefixed(c.consumerStatus, 'CONSUMER_STATUS_'),
    ConsumerCreationTimestamp: new Timestamp(c.consumerCreationTimestampMs),
    ...(withStream ? { StreamARN: c.streamArn } : {}),
  };
}

export function tagsShape(tags: readonly { key: string; value: string }[]): Record<string, unknown>[] {
  return tags.map((t) => ({ Key: t.key, Value: t.value }));
}

export const shardLevelMetrics = [
  'IncomingBytes',
  'IncomingRecords',
  'OutgoingBytes',
  'OutgoingRecords',
  'WriteProvisionedThroughputExceeded',
  'ReadProvisionedThroughputExceeded',
  'IteratorAgeMilliseconds',
  'ALL',
] as const;

/** 'IncomingBytes' -> 'SHARD_LEVEL_METRIC_INCOMING_BYTES' and back. */
export function metricToPb(metric: string): string {
  return `SHARD_LEVEL_METRIC_${metric === 'ALL' ? 'ALL' : metric.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase()}`;
}

export function metricFromPb(value: unknown): string {
  const name = unprefixed(value, 'SHARD_LEVEL_METRIC_');
  return shardLevelMetrics.find((m) => metricToPb(m) === `SHARD_LEVEL_METRIC_${name}`) ?? name;
}

/** The contract's enhanced_monitoring as Kinesis's EnhancedMonitoring (one element, possibly empty). */
export function monitoringShape(
  enhanced: readonly { shardLevelMetrics: readonly unknown[] }[] | undefined,
): Record<string, unknown>[] {
  const metrics = (enhanced ?? []).flatMap((e) => e.shardLevelMetrics.map(metricFromPb));
  return [{ ShardLevelMetrics: metrics }];
}

export interface PbShard {
  readonly shardId: string;
  readonly parentShardId: string;
  readonly adjacentParentShardId: string;
  readonly hashKeyRange: { startingHashKey: string; endingHashKey: string } | null;
  readonly sequenceNumberRange: { startingSequenceNumber: string; endingSequenceNumber: string } | null;
}

export function pbShardShape(s: PbShard): Record<string, unknown> {
  return {
    ShardId: s.shardId,
    ParentShardId: optional(s.parentShardId),
    AdjacentParentShardId: optional(s.adjacentParentShardId),
    HashKeyRange: {
      StartingHashKey: s.hashKeyRange?.startingHashKey ?? '0',
      EndingHashKey: s.hashKeyRange?.endingHashKey ?? '0',
    },
    SequenceNumberRange: {
      StartingSequenceNumber: s.sequenceNumberRange?.startingSequenceNumber ?? '',
      EndingSequenceNumber: optional(s.sequenceNumberRange?.endingSequenceNumber),
    },
  };
}

/** The fields DescribeStream and DescribeStreamSummary share, from the contract's message. */
export interface PbStreamCommon {
  readonly streamName: string;
  readonly streamArn: string;
  readonly streamStatus: string;
  readonly streamModeDetails: { streamMode: string } | null;
  readonly retentionPeriodHours: number;
  readonly streamCreationTimestampMs: number;
  readonly enhancedMonitoring: { shardLevelMetrics: string[] }[];
  readonly encryptionType: string;
  readonly keyId: string;
}

export function pbStreamCommonShape(d: PbStreamCommon): Record<string, unknown> {
  const encryption = unprefixed(d.encryptionType, 'ENCRYPTION_TYPE_');
  return {
    StreamName: d.streamName,
    StreamARN: d.streamArn,
    StreamStatus: unprefixed(d.streamStatus, 'STREAM_STATUS_'),
    StreamModeDetails: {
      StreamMode:
        unprefixed(d.streamModeDetails?.streamMode ?? '', 'STREAM_MODE_') === 'ON_DEMAND'
          ? 'ON_DEMAND'
          : 'PROVISIONED',
    },
    RetentionPeriodHours: d.retentionPeriodHours,
    StreamCreationTimestamp: new Timestamp(d.streamCreationTimestampMs),
    EnhancedMonitoring: monitoringShape(d.enhancedMonitoring),
    EncryptionType: encryption === 'KMS' ? 'KMS' : 'NONE',
    KeyId: optional(d.keyId),
  };
}
