// Stream records of the metadata as the admin API shows them (Kinesis's
// shapes), and the lookups the admin calls share.
import type { MetaState, ShardRecord, StreamRecord } from '@rheo/controller';
import { formatHashKey, formatSequenceNumber, type pb, RheoError, startingSequenceNumber } from '@rheo/wire';
import type { ServiceContext } from './service-context.js';

/** The metadata this node answers from; Unavailable in static mode or before it is known. */
export function metadataOf(ctx: ServiceContext): MetaState {
  const state = ctx.cluster?.metadata();
  if (state === undefined)
    throw new RheoError(
      'Unavailable',
      `node ${ctx.nodeId} has not received the cluster metadata yet; retry shortly or call another node`,
    );
  return state;
}

/** The stream a request names by stream_name or stream_arn (both: they must agree). */
export function metaStream(state: MetaState, streamName: string, streamArn: string): StreamRecord {
  if (streamName === '' && streamArn === '')
    throw new RheoError('InvalidArgument', 'stream_name or stream_arn is required', { field: 'stream_name' });
  const field = streamArn !== '' ? 'stream_arn' : 'stream_name';
  const key = streamArn !== '' ? streamArn : streamName;
  const found = state.stream(key);
  if (found === undefined || (streamArn !== '' && found.arn !== streamArn))
    throw new RheoError('ResourceNotFound', `Stream ${key} under account ${state.clusterId} not found.`, {
      field,
    });
  if (streamArn !== '' && streamName !== '' && found.name !== streamName)
    throw new RheoError(
      'InvalidArgument',
      `stream_arn ${streamArn} names stream ${found.name}, not ${streamName}`,
      {
        field: 'stream_arn',
      },
    );
  return found;
}

/** A stream's shards sorted by id (Kinesis's order for DescribeStream and ListShards). */
export function shardsById(state: MetaState, name: string): ShardRecord[] {
  return state.shardsOf(name).sort((a, b) => compareIds(a.shardId, b.shardId));
}

export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function shardView(r: ShardRecord): pb.Shard {
  return {
    shardId: r.shardId,
    parentShardId: r.parentShardId ?? '',
    adjacentParentShardId: r.adjacentParentShardId ?? '',
    hashKeyRange: {
      startingHashKey: formatHashKey(r.hashRange.start),
      endingHashKey: formatHashKey(r.hashRange.end),
    },
    sequenceNumberRange: {
      startingSequenceNumber: formatSequenceNumber(startingSequenceNumber(r.sequenceBase)),
      endingSequenceNumber: r.endingSequenceNumber ?? '',
    },
  };
}

type StreamStatusEnum =
  | 'STREAM_STATUS_CREATING'
  | 'STREAM_STATUS_ACTIVE'
  | 'STREAM_STATUS_UPDATING'
  | 'STREAM_STATUS_DELETING';

export function statusView(s: StreamRecord['status']): StreamStatusEnum {
  return `STREAM_STATUS_${s}`;
}

export function modeView(s: StreamRecord): pb.StreamModeDetails {
  return { streamMode: `STREAM_MODE_${s.mode}` };
}

/** Shard-level metrics as the enum names (`IncomingBytes` → SHARD_LEVEL_METRIC_INCOMING_BYTES). */
export function enhancedView(s: StreamRecord): pb.EnhancedMetrics[] {
  const names = s.enhancedMetrics.map(
    (m) => `SHARD_LEVEL_METRIC_${m.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase()}`,
  );
  return [{ shardLevelMetrics: names as pb.EnhancedMetrics['shardLevelMetrics'] }];
}

export function summaryView(state: MetaState, s: StreamRecord): pb.StreamDescriptionSummary {
  return {
    streamName: s.name,
    streamArn: s.arn,
    streamStatus: statusView(s.status),
    streamModeDetails: modeView(s),
    retentionPeriodHours: s.retentionHours,
    streamCreationTimestampMs: s.createdAtMs,
    enhancedMonitoring: enhancedView(s),
    encryptionType: 'ENCRYPTION_TYPE_NONE',
    keyId: '',
    openShardCount: state.shardsOf(s.name).filter((r) => r.open).length,
    consumerCount: state.consumersOf(s.name).length,
    replicationFactor: s.replicationFactor,
  };
}

/** A page size: 0 means `dflt`; above `max` (or negative) is InvalidArgument naming `field`. */
export function pageSize(value: number, dflt: number, max: number, field: string): number {
  if (value === 0) return dflt;
  if (!Number.isInteger(value) || value < 1 || value > max)
    throw new RheoError('InvalidArgument', `${field} ${value} must be in [1, ${max}]`, { field });
  return value;
}
