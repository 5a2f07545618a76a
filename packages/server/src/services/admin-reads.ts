// The admin calls that read (cluster mode): answered by any node from its
// copy of the metadata, with Kinesis's paging rules.
import { type pb, RheoError } from '@rheo/wire';
import {
  compareIds,
  enhancedView,
  metadataOf,
  metaStream,
  modeView,
  pageSize,
  shardsById,
  shardView,
  statusView,
  summaryView,
} from './admin-views.js';
import { decodeNextToken, encodeNextToken } from './next-token.js';
import type { ServiceContext } from './service-context.js';
import { shardLimitsView } from './shard-limits-view.js';

const DESCRIBE_SHARDS_DEFAULT = 100;
const LIST_STREAMS_DEFAULT = 100;
const PAGE_MAX = 10_000;
const TAGS_DEFAULT = 10;
const TAGS_MAX = 50;
/** Kinesis's default quota of ON_DEMAND streams per account. */
export const onDemandStreamCountLimit = 50;
const STREAMS_TOKEN = 'streams';

export function describeStream(
  ctx: ServiceContext,
  req: pb.DescribeStreamRequest__Output,
): pb.DescribeStreamResponse {
  const state = metadataOf(ctx);
  const s = metaStream(state, req.streamName, req.streamArn);
  const limit = pageSize(req.limit, DESCRIBE_SHARDS_DEFAULT, PAGE_MAX, 'limit');
  const after = req.exclusiveStartShardId;
  const shards = shardsById(state, s.name).filter((r) => after === '' || compareIds(r.shardId, after) > 0);
  return {
    streamDescription: {
      streamName: s.name,
      streamArn: s.arn,
      streamStatus: statusView(s.status),
      streamModeDetails: modeView(s),
      shards: shards.slice(0, limit).map(shardView),
      hasMoreShards: shards.length > limit,
      retentionPeriodHours: s.retentionHours,
      streamCreationTimestampMs: s.createdAtMs,
      enhancedMonitoring: enhancedView(s),
      encryptionType: 'ENCRYPTION_TYPE_NONE',
      keyId: '',
    },
  };
}

export function describeStreamSummary(
  ctx: ServiceContext,
  req: pb.DescribeStreamSummaryRequest__Output,
): pb.DescribeStreamSummaryResponse {
  const state = metadataOf(ctx);
  const s = metaStream(state, req.streamName, req.streamArn);
  const shardLimits = shardLimitsView(ctx.host.throughputLimits, s.shardLimits);
  return { streamDescriptionSummary: { ...summaryView(state, s), shardLimits } };
}

/** ListStreams: names in order, after exclusive_start_stream_name or the token's position. */
export function listStreams(ctx: ServiceContext, req: pb.ListStreamsRequest__Output): pb.ListStreamsResponse {
  const state = metadataOf(ctx);
  const limit = pageSize(req.limit, LIST_STREAMS_DEFAULT, PAGE_MAX, 'limit');
  let after = req.exclusiveStartStreamName;
  if (req.nextToken !== '') {
    if (after !== '')
      throw new RheoError(
        'InvalidArgument',
        'next_token and exclusive_start_stream_name cannot be given together',
        { field: 'exclusive_start_stream_name' },
      );
    after = decodeNextToken<{ after: string }>(
      ctx.iteratorSecret,
      STREAMS_TOKEN,
      req.nextToken,
      ctx.nowMs(),
    ).after;
  }
  const streams = state.streams().filter((s) => after === '' || compareIds(s.name, after) > 0);
  const page = streams.slice(0, limit);
  const more = streams.length > limit;
  const last = page[page.length - 1];
  return {
    streamNames: page.map((s) => s.name),
    hasMoreStreams: more,
    nextToken:
      more && last !== undefined
        ? encodeNextToken(ctx.iteratorSecret, STREAMS_TOKEN, { after: last.name }, ctx.nowMs())
        : '',
    streamSummaries: page.map((s) => ({
      streamName: s.name,
      streamArn: s.arn,
      streamStatus: statusView(s.status),
      streamModeDetails: modeView(s),
      streamCreationTimestampMs: s.createdAtMs,
    })),
  };
}

export function listTagsForStream(
  ctx: ServiceContext,
  req: pb.ListTagsForStreamRequest__Output,
): pb.ListTagsForStreamResponse {
  const state = metadataOf(ctx);
  const s = metaStream(state, req.streamName, req.streamArn);
  const limit = pageSize(req.limit, TAGS_DEFAULT, TAGS_MAX, 'limit');
  const after = req.exclusiveStartTagKey;
  const keys = Object.keys(s.tags)
    .sort(compareIds)
    .filter((k) => after === '' || compareIds(k, after) > 0);
  return {
    tags: keys.slice(0, limit).map((key) => ({ key, value: s.tags[key] ?? '' })),
    hasMoreTags: keys.length > limit,
  };
}

export function describeLimits(ctx: ServiceContext): pb.DescribeLimitsResponse {
  const state = metadataOf(ctx);
  return {
    shardLimit: ctx.cluster?.shardLimit ?? 0,
    openShardCount: state.allShards().filter((r) => r.open).length,
    onDemandStreamCount: state.streams().filter((s) => s.mode === 'ON_DEMAND').length,
    onDemandStreamCountLimit: onDemandStreamCountLimit,
  };
}
