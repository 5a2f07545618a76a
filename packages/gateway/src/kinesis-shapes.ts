// The cluster's answers in Kinesis's response shapes: PascalCase members,
// enum values without the contract's prefixes, optional members left out
// when empty, times as Timestamp (rendered per body format).
import type { ShardDescription, StreamDescriptionSummary, StreamSummary } from '@rheo/client';
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

export function descriptionSummaryShape(s: StreamDescriptionSummary): Record<string, unknown> {
  return {
    ...streamSummaryShape(s),
    RetentionPeriodHours: s.retentionPeriodHours,
    EnhancedMonitoring: [{ ShardLevelMetrics: [] }],
    EncryptionType: s.encryptionType === 'KMS' ? 'KMS' : 'NONE',
    OpenShardCount: s.openShardCount,
    ConsumerCount: s.consumerCount,
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
