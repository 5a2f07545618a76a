// Proves the cluster-mode admin reads' rules on a MetaState built by
// applying commands (no node): paging of DescribeStream, ListStreams and
// ListShards; next tokens that carry the position and the filter, expire
// after 300 s (ExpiredNextToken) and are refused when altered or mixed
// with other fields; the ListShards filters by shard lifetime; the bounds
// of each page size, each refusal naming its field.
import { MetaState } from '@rheo/controller';
import { isRheoError, type pb, type Reason } from '@rheo/wire';
import { describe, expect, test } from 'vitest';
import type { ServiceContext } from '../src/index.js';
import { describeStream, listStreams } from '../src/services/admin-reads.js';
import { listShards } from '../src/services/list-shards.js';

const CREATED_MS = 1_000_000;

function metadata(): MetaState {
  const s = MetaState.empty('test');
  let index = 2;
  for (const id of [1, 2, 3]) {
    s.apply(
      {
        type: 'RegisterNode',
        node: {
          id,
          address: `h:${id}`,
          gatewayAddress: '',
          roles: ['broker'],
          rack: '',
          incarnation: `i${id}`,
          registeredAtMs: 1,
        },
      },
      index++,
    );
  }
  for (const [name, shards] of [
    ['b', 5],
    ['a', 1],
    ['c', 1],
  ] as const) {
    const outcome = s.apply(
      {
        type: 'CreateStream',
        name,
        shardCount: shards,
        replicationFactor: 3,
        retentionHours: 24,
        mode: 'PROVISIONED',
        tags: {},
        atMs: CREATED_MS,
        placement: Array.from({ length: shards }, () => [1, 2, 3]),
      },
      index++,
    );
    expect(outcome.ok).toBe(true);
  }
  return s;
}

function context(state: MetaState, clock: { ms: number }): ServiceContext {
  return {
    nodeId: 1,
    iteratorSecret: new Uint8Array(32).fill(7),
    nowMs: () => clock.ms,
    cluster: { metadata: () => state },
  } as unknown as ServiceContext;
}

function refusal(fn: () => unknown): { reason: Reason; field: string | undefined } {
  try {
    fn();
  } catch (err) {
    if (isRheoError(err)) return { reason: err.code, field: err.field };
    throw err;
  }
  throw new Error('expected a refusal');
}

const shardsReq = (r: Partial<pb.ListShardsRequest__Output>): pb.ListShardsRequest__Output => ({
  streamName: '',
  streamArn: '',
  nextToken: '',
  exclusiveStartShardId: '',
  maxResults: 0,
  streamCreationTimestampMs: 0,
  shardFilter: null,
  ...r,
});

const ids = (r: pb.ListShardsResponse) => (r.shards ?? []).map((s) => s.shardId!.slice(-1));

describe('ListShards', () => {
  const clock = { ms: CREATED_MS + 10 };
  const ctx = context(metadata(), clock);

  test('pages by max_results with a token carrying the position', () => {
    const p1 = listShards(ctx, shardsReq({ streamName: 'b', maxResults: 2 }));
    expect(ids(p1)).toEqual(['0', '1']);
    const p2 = listShards(ctx, shardsReq({ nextToken: p1.nextToken!, maxResults: 2 }));
    expect(ids(p2)).toEqual(['2', '3']);
    const p3 = listShards(ctx, shardsReq({ nextToken: p2.nextToken! }));
    expect({ ids: ids(p3), token: p3.nextToken }).toEqual({ ids: ['4'], token: '' });
    expect(
      ids(listShards(ctx, shardsReq({ streamName: 'b', exclusiveStartShardId: 'shardId-000000000002' }))),
    ).toEqual(['3', '4']);
  });

  test('tokens expire after 300 s and are refused when altered or mixed with other fields', () => {
    const token = listShards(ctx, shardsReq({ streamName: 'b', maxResults: 1 })).nextToken!;
    expect(refusal(() => listShards(ctx, shardsReq({ nextToken: `${token}x` })))).toEqual({
      reason: 'InvalidArgument',
      field: 'next_token',
    });
    expect(
      refusal(() => listShards(ctx, shardsReq({ nextToken: token, exclusiveStartShardId: 'x' }))),
    ).toEqual({
      reason: 'InvalidArgument',
      field: 'exclusive_start_shard_id',
    });
    const later = context(metadata(), { ms: clock.ms + 300_001 });
    expect(refusal(() => listShards(later, shardsReq({ nextToken: token })))).toEqual({
      reason: 'ExpiredNextToken',
      field: 'next_token',
    });
  });

  test.each([
    ['AFTER_SHARD_ID', { shardId: 'shardId-000000000003' }, ['4']],
    ['AT_TRIM_HORIZON', {}, ['0', '1', '2', '3', '4']],
    ['FROM_TRIM_HORIZON', {}, ['0', '1', '2', '3', '4']],
    ['AT_LATEST', {}, ['0', '1', '2', '3', '4']],
    // A stream's first shards are open from its creation on, and before it count as its start.
    ['AT_TIMESTAMP', { timestampMs: CREATED_MS - 5 }, ['0', '1', '2', '3', '4']],
    ['FROM_TIMESTAMP', { timestampMs: CREATED_MS + 5 }, ['0', '1', '2', '3', '4']],
  ])('filter %s', (type, extra, want) => {
    const filter = { type: `SHARD_FILTER_TYPE_${type}`, shardId: '', timestampMs: 0, ...extra };
    expect(
      ids(listShards(ctx, shardsReq({ streamName: 'b', shardFilter: filter as pb.ShardFilter__Output }))),
    ).toEqual(want);
  });

  test.each([
    [{ streamName: 'b', maxResults: 10_001 }, 'InvalidArgument', 'max_results'],
    [{ streamName: 'nope' }, 'ResourceNotFound', 'stream_name'],
    [{}, 'InvalidArgument', 'stream_name'],
    [{ streamName: 'b', streamCreationTimestampMs: 5 }, 'ResourceNotFound', 'stream_creation_timestamp_ms'],
    [
      {
        streamName: 'b',
        exclusiveStartShardId: 'shardId-000000000001',
        shardFilter: { type: 'SHARD_FILTER_TYPE_AT_LATEST', shardId: '', timestampMs: 0 },
      },
      'InvalidArgument',
      'shard_filter',
    ],
    [
      {
        streamName: 'b',
        shardFilter: { type: 'SHARD_FILTER_TYPE_AFTER_SHARD_ID', shardId: '', timestampMs: 0 },
      },
      'InvalidArgument',
      'shard_filter.shard_id',
    ],
    [
      { streamName: 'b', shardFilter: { type: 'SHARD_FILTER_TYPE_AT_LATEST', shardId: '', timestampMs: 9 } },
      'InvalidArgument',
      'shard_filter.timestamp_ms',
    ],
  ])('%j is refused: %s', (req, reason, field) => {
    expect(refusal(() => listShards(ctx, shardsReq(req as Partial<pb.ListShardsRequest__Output>)))).toEqual({
      reason,
      field,
    });
  });
});

describe('DescribeStream and ListStreams', () => {
  const ctx = context(metadata(), { ms: CREATED_MS });

  test('DescribeStream pages shards by limit and exclusive_start_shard_id', () => {
    const req = { streamName: 'b', streamArn: '', limit: 2, exclusiveStartShardId: 'shardId-000000000000' };
    const d = describeStream(ctx, req).streamDescription!;
    expect({ ids: d.shards!.map((s) => s.shardId), more: d.hasMoreShards }).toEqual({
      ids: ['shardId-000000000001', 'shardId-000000000002'],
      more: true,
    });
    expect(refusal(() => describeStream(ctx, { ...req, limit: 10_001 }))).toEqual({
      reason: 'InvalidArgument',
      field: 'limit',
    });
  });

  test('ListStreams pages names in order by limit, exclusive start or token', () => {
    const p1 = listStreams(ctx, { limit: 1, exclusiveStartStreamName: '', nextToken: '' });
    expect({ names: p1.streamNames, more: p1.hasMoreStreams }).toEqual({ names: ['a'], more: true });
    const p2 = listStreams(ctx, { limit: 0, exclusiveStartStreamName: '', nextToken: p1.nextToken! });
    expect({ names: p2.streamNames, more: p2.hasMoreStreams, token: p2.nextToken }).toEqual({
      names: ['b', 'c'],
      more: false,
      token: '',
    });
    expect(
      refusal(() => listStreams(ctx, { limit: 0, exclusiveStartStreamName: 'a', nextToken: p1.nextToken! })),
    ).toEqual({ reason: 'InvalidArgument', field: 'exclusive_start_stream_name' });
  });
});
