// GetShardIterator and GetRecords. Iterators are signed tokens that name
// their stream and shard, so any node can route one: the server verifies the
// token first (a tampered or expired one is answered before any lookup),
// finds the shard, and hands the token to this node's replica.
//
// Which replica may answer:
// - GetShardIterator: the leader, except TRIM_HORIZON and AT_TIMESTAMP,
//   which stay symbolic until read and so are the same whichever replica
//   issues them (LATEST and the sequence-number types depend on the
//   newest record, which only the leader knows for sure);
// - GetRecords: the leader, or any replica with allow_follower_read (up to
//   its applied index: maybe behind, never uncommitted).
//
// max_bytes is checked (at most 10 MiB) but a smaller value is not honoured
// yet: the broker bounds a page by 10 MiB and 10,000 records only.
import type { GetShardIteratorRequest as BrokerIteratorRequest, ShardIteratorType } from '@rheo/broker';
import {
  decodeIteratorToken,
  getRecordsBytesMax,
  getRecordsRecordsMax,
  type pb,
  RheoError,
} from '@rheo/wire';
import { callTimer } from '../observability/index.js';
import { childShardsOf } from './child-shards.js';
import { iteratorType, localReplica, resolveShard, resolveStream } from './request-fields.js';
import type { ServiceContext } from './service-context.js';

const FOLLOWER_ITERATOR_TYPES: ReadonlySet<ShardIteratorType> = new Set(['TRIM_HORIZON', 'AT_TIMESTAMP']);

export async function getShardIterator(
  ctx: ServiceContext,
  req: pb.GetShardIteratorRequest__Output,
): Promise<pb.GetShardIteratorResponse> {
  const stream = resolveStream(ctx, req.streamName, req.streamArn);
  const shard = resolveShard(ctx, stream, req.shardId);
  const type = iteratorType(req.shardIteratorType);
  const request: BrokerIteratorRequest = {
    type,
    ...(req.startingSequenceNumber === '' ? {} : { sequenceNumber: req.startingSequenceNumber }),
    ...(type === 'AT_TIMESTAMP' ? { timestampMs: req.timestampMs } : {}),
  };
  const replica = localReplica(ctx, shard);
  const token = await replica.getShardIterator(request, { allowFollower: FOLLOWER_ITERATOR_TYPES.has(type) });
  return { shardIterator: token };
}

export async function getRecords(
  ctx: ServiceContext,
  req: pb.GetRecordsRequest__Output,
): Promise<pb.GetRecordsResponse> {
  const done = callTimer(ctx.metrics?.observeGet);
  const served: { stream: string; shard?: string } = { stream: '' };
  try {
    const answer = await readPage(ctx, req, served);
    done(served.stream);
    return answer;
  } catch (err) {
    done(served.stream, err);
    if (err instanceof RheoError && err.code === 'ProvisionedThroughputExceeded')
      ctx.metrics?.throttledRead(served.stream, served.shard ?? '');
    throw err;
  }
}

/** GetRecords itself; `served.stream` names the iterator's stream once it is decoded. */
async function readPage(
  ctx: ServiceContext,
  req: pb.GetRecordsRequest__Output,
  served: { stream: string; shard?: string },
): Promise<pb.GetRecordsResponse> {
  if (req.shardIterator === '')
    throw new RheoError('InvalidArgument', 'shard_iterator is required', { field: 'shard_iterator' });
  const limit = req.limit === 0 ? getRecordsRecordsMax : req.limit;
  if (limit > getRecordsRecordsMax)
    throw new RheoError('InvalidArgument', `limit ${req.limit} must be in [1, ${getRecordsRecordsMax}]`, {
      field: 'limit',
    });
  if (req.maxBytes > getRecordsBytesMax)
    throw new RheoError(
      'InvalidArgument',
      `max_bytes ${req.maxBytes} must be at most ${getRecordsBytesMax}`,
      {
        field: 'max_bytes',
      },
    );
  const decoded = decodeIteratorToken(req.shardIterator, ctx.iteratorSecret, ctx.nowMs(), ctx.iteratorTtlMs);
  if (!decoded.ok) throw decoded.error;
  const { streamName, shardId } = decoded.claims;
  served.stream = streamName;
  const stream = resolveStream(ctx, streamName, '');
  if (req.streamArn !== '' && req.streamArn !== stream.arn)
    throw new RheoError(
      'InvalidArgument',
      `stream_arn ${req.streamArn} does not name the iterator's stream ${streamName}`,
      { field: 'stream_arn' },
    );
  const replica = localReplica(ctx, resolveShard(ctx, stream, shardId));
  served.shard = shardId;
  // The stream's overrides of the shard's read limits (docs/limits.md).
  replica.throttle.useStreamLimits(stream.shardLimits);
  const page = await replica.getRecords(req.shardIterator, {
    limitRecords: limit,
    ...(req.maxBytes === 0 ? {} : { maxBytes: req.maxBytes }),
    allowFollower: req.allowFollowerRead,
  });
  return {
    // Views of the log's bytes, handed to the encoder as they are.
    storedBatches: page.batches,
    firstBatchSkipRecords: page.firstBatchSkipRecords,
    recordCount: page.recordCount,
    // A closed shard read to its end: no next iterator, and the shards that took over its keys.
    nextShardIterator: page.shardEnded ? '' : page.nextIterator,
    millisBehindLatest: page.millisBehindLatest,
    childShards: page.shardEnded ? childShardsOf(ctx, streamName, shardId) : [],
  };
}
