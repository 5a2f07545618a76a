// ListShards (cluster mode) with Kinesis's rules: a stream named by name or
// ARN, or a next_token and nothing else (max_results may come with it);
// exclusive_start_shard_id or a shard filter, not both; max_results 1 to
// 10,000 (1,000 by default). The filters, by the shards' lifetimes:
//   AFTER_SHARD_ID     every shard whose id sorts after shard_id;
//   AT_TRIM_HORIZON    the shards open at the trim horizon (no parent of theirs retained);
//   FROM_TRIM_HORIZON  every retained shard;
//   AT_LATEST          the shards open now;
//   AT_TIMESTAMP       the shards open at timestamp_ms (started at or before it: a stream's
//                      first shards count as started at its creation or before; not closed before it);
//   FROM_TIMESTAMP     the shards open at timestamp_ms or started after it.
// A closed shard ended when the controller recorded its close (closedAtMs); a
// child started when its last parent closed (its createdAtMs is set then); a
// child still waiting for its parents has not started. A closed shard with no
// recorded close time counts as closed before any timestamp.
import type { ShardRecord } from '@rheo/controller';
import { type pb, RheoError } from '@rheo/wire';
import { compareIds, metadataOf, metaStream, pageSize, shardsById, shardView } from './admin-views.js';
import { decodeNextToken, encodeNextToken } from './next-token.js';
import type { ServiceContext } from './service-context.js';

const LIST_SHARDS_DEFAULT = 1000;
const PAGE_MAX = 10_000;
const SHARDS_TOKEN = 'shards';
const FILTER_PREFIX = 'SHARD_FILTER_TYPE_';

type FilterType =
  | 'AFTER_SHARD_ID'
  | 'AT_TRIM_HORIZON'
  | 'FROM_TRIM_HORIZON'
  | 'AT_LATEST'
  | 'AT_TIMESTAMP'
  | 'FROM_TIMESTAMP';
const filterTypes: ReadonlySet<string> = new Set([
  'AFTER_SHARD_ID',
  'AT_TRIM_HORIZON',
  'FROM_TRIM_HORIZON',
  'AT_LATEST',
  'AT_TIMESTAMP',
  'FROM_TIMESTAMP',
]);

interface Filter {
  readonly type: FilterType;
  readonly shardId: string;
  readonly timestampMs: number;
}

/** What a token carries: the stream (and its creation time, to tell a re-created one apart), the position, the filter. */
interface Position {
  readonly stream: string;
  readonly createdAtMs: number;
  readonly after: string;
  readonly filter?: Filter;
}

export function listShards(ctx: ServiceContext, req: pb.ListShardsRequest__Output): pb.ListShardsResponse {
  const state = metadataOf(ctx);
  const max = pageSize(req.maxResults, LIST_SHARDS_DEFAULT, PAGE_MAX, 'max_results');
  const pos =
    req.nextToken !== '' ? fromToken(ctx, req) : fromRequest(req, (n, a) => metaStream(state, n, a));
  const stream = state.stream(pos.stream);
  if (stream === undefined || stream.createdAtMs !== pos.createdAtMs)
    throw new RheoError(
      'ResourceNotFound',
      `Stream ${pos.stream} under account ${state.clusterId} not found.`,
      {
        field: req.nextToken !== '' ? 'next_token' : 'stream_name',
      },
    );
  const all = shardsById(state, stream.name);
  const retained = new Set(all.map((r) => r.shardId));
  const shards = all.filter(
    (r) =>
      (pos.after === '' || compareIds(r.shardId, pos.after) > 0) &&
      passes(r, pos.filter, stream.createdAtMs, retained),
  );
  const page = shards.slice(0, max);
  const last = page[page.length - 1];
  const nextToken =
    shards.length > max && last !== undefined
      ? encodeNextToken<Position>(
          ctx.iteratorSecret,
          SHARDS_TOKEN,
          { ...pos, after: last.shardId },
          ctx.nowMs(),
        )
      : '';
  return { shards: page.map(shardView), nextToken };
}

function fromToken(ctx: ServiceContext, req: pb.ListShardsRequest__Output): Position {
  const others: Array<[string, boolean]> = [
    ['stream_name', req.streamName !== ''],
    ['stream_arn', req.streamArn !== ''],
    ['exclusive_start_shard_id', req.exclusiveStartShardId !== ''],
    ['stream_creation_timestamp_ms', Number(req.streamCreationTimestampMs) !== 0],
    ['shard_filter', req.shardFilter !== null],
  ];
  const given = others.find(([, set]) => set);
  if (given !== undefined)
    throw new RheoError('InvalidArgument', `next_token and ${given[0]} cannot be given together`, {
      field: given[0],
    });
  return decodeNextToken<Position>(ctx.iteratorSecret, SHARDS_TOKEN, req.nextToken, ctx.nowMs());
}

function fromRequest(
  req: pb.ListShardsRequest__Output,
  lookup: (name: string, arn: string) => { name: string; createdAtMs: number },
): Position {
  const stream = lookup(req.streamName, req.streamArn);
  const created = Number(req.streamCreationTimestampMs);
  if (created !== 0 && created !== stream.createdAtMs)
    throw new RheoError(
      'ResourceNotFound',
      `Stream ${stream.name} was not created at ${created} (it was created at ${stream.createdAtMs})`,
      { field: 'stream_creation_timestamp_ms' },
    );
  const filter = req.shardFilter === null ? undefined : checkFilter(req.shardFilter);
  if (filter !== undefined && req.exclusiveStartShardId !== '')
    throw new RheoError(
      'InvalidArgument',
      'exclusive_start_shard_id and shard_filter cannot be given together',
      {
        field: 'shard_filter',
      },
    );
  const after = filter?.type === 'AFTER_SHARD_ID' ? filter.shardId : req.exclusiveStartShardId;
  return {
    stream: stream.name,
    createdAtMs: stream.createdAtMs,
    after,
    ...(filter === undefined ? {} : { filter }),
  };
}

function checkFilter(f: pb.ShardFilter__Output): Filter {
  const name = typeof f.type === 'string' ? f.type.replace(FILTER_PREFIX, '') : '';
  if (!filterTypes.has(name))
    throw new RheoError(
      'InvalidArgument',
      `shard_filter.type must be one of ${[...filterTypes].join(', ')}; got ${String(f.type)}`,
      { field: 'shard_filter.type' },
    );
  const type = name as FilterType;
  const ts = Number(f.timestampMs);
  if (type === 'AFTER_SHARD_ID' && f.shardId === '')
    throw new RheoError('InvalidArgument', 'shard_filter.shard_id is required with AFTER_SHARD_ID', {
      field: 'shard_filter.shard_id',
    });
  if (type !== 'AFTER_SHARD_ID' && f.shardId !== '')
    throw new RheoError('InvalidArgument', `shard_filter.shard_id is only for AFTER_SHARD_ID, not ${type}`, {
      field: 'shard_filter.shard_id',
    });
  const timed = type === 'AT_TIMESTAMP' || type === 'FROM_TIMESTAMP';
  if (timed && ts <= 0)
    throw new RheoError('InvalidArgument', `shard_filter.timestamp_ms is required with ${type}`, {
      field: 'shard_filter.timestamp_ms',
    });
  if (!timed && ts !== 0)
    throw new RheoError(
      'InvalidArgument',
      `shard_filter.timestamp_ms is only for AT_TIMESTAMP and FROM_TIMESTAMP, not ${type}`,
      {
        field: 'shard_filter.timestamp_ms',
      },
    );
  return { type, shardId: f.shardId, timestampMs: ts };
}

/** Does shard `r` pass the filter (see the file comment)? */
function passes(
  r: ShardRecord,
  f: Filter | undefined,
  streamCreatedAtMs: number,
  retained: ReadonlySet<string>,
): boolean {
  if (f === undefined) return true;
  // A stream's first shards exist from its creation; a child from when it was made.
  const startedMs =
    r.parentShardId === undefined ? Math.min(streamCreatedAtMs, r.createdAtMs) : r.createdAtMs;
  switch (f.type) {
    case 'AFTER_SHARD_ID':
    case 'FROM_TRIM_HORIZON':
      return true;
    case 'AT_TRIM_HORIZON':
      // Open at the trim horizon: no parent of it is retained (a first shard has none).
      return !isRetained(r.parentShardId, retained) && !isRetained(r.adjacentParentShardId, retained);
    case 'AT_LATEST':
      return r.open;
    case 'AT_TIMESTAMP':
      // A stream's first shards count as started before any timestamp (as before a split).
      return (
        !waiting(r) &&
        (r.parentShardId === undefined || startedMs <= f.timestampMs) &&
        endedMs(r) > f.timestampMs
      );
    case 'FROM_TIMESTAMP':
      return waiting(r) || endedMs(r) > f.timestampMs;
  }
}

/** A child whose parents have not all closed: it has not started. */
function waiting(r: ShardRecord): boolean {
  return !r.open && r.endingSequenceNumber === undefined;
}

/** When the shard stopped taking writes: never for an open one. */
function endedMs(r: ShardRecord): number {
  if (r.open) return Number.POSITIVE_INFINITY;
  return r.closedAtMs ?? Number.NEGATIVE_INFINITY;
}

function isRetained(shardId: string | undefined, retained: ReadonlySet<string>): boolean {
  return shardId !== undefined && retained.has(shardId);
}
