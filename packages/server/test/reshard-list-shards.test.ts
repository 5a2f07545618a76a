// ListShards across a split (cluster mode, from the metadata): the closed
// parent with its ending sequence number, the children with their lineage,
// and the time filters exact with the recorded close time (a child starts
// when its parent closes; a child still waiting for its parent has not
// started). Runs against a real MetaState; no node.
import { type MetaCommand, MetaState } from '@rheo/controller';
import { hashKeyMax, type pb } from '@rheo/wire';
import { describe, expect, test } from 'vitest';
import type { ServiceContext } from '../src/index.js';
import { listShards } from '../src/services/list-shards.js';

const CREATED_MS = 1_000;
const SPLIT_MS = 2_000;
const CLOSED_MS = 3_000;
const ENDING = String(10n ** 55n + 77n);

function build(closed: boolean): MetaState {
  const s = MetaState.empty('test');
  const apply = (cmd: MetaCommand) => {
    const o = s.apply(cmd, s.appliedIndex + 1);
    if (!o.ok) throw new Error(`${cmd.type}: ${o.message}`);
  };
  apply({
    type: 'RegisterNode',
    node: {
      id: 1,
      address: 'h:1',
      gatewayAddress: '',
      roles: ['broker'],
      rack: '',
      incarnation: 'i',
      registeredAtMs: 1,
    },
  });
  apply({
    type: 'CreateStream',
    name: 's',
    shardCount: 2,
    replicationFactor: 1,
    retentionHours: 24,
    mode: 'PROVISIONED',
    tags: {},
    atMs: CREATED_MS,
    placement: [[1], [1]],
  });
  apply({ type: 'SetStreamStatus', name: 's', status: 'ACTIVE' });
  apply({
    type: 'SplitShard',
    streamName: 's',
    shardId: 'shardId-000000000000',
    newStartingHashKey: String(hashKeyMax / 4n),
    atMs: SPLIT_MS,
    placement: [[1], [1]],
  });
  if (closed)
    apply({
      type: 'CloseShard',
      streamName: 's',
      shardId: 'shardId-000000000000',
      endingSequenceNumber: ENDING,
      atMs: CLOSED_MS,
    });
  return s;
}

function context(state: MetaState): ServiceContext {
  return {
    nodeId: 1,
    iteratorSecret: new Uint8Array(32).fill(7),
    nowMs: () => 10_000,
    cluster: { metadata: () => state },
  } as unknown as ServiceContext;
}

function list(state: MetaState, type: string, timestampMs = 0): string[] {
  const req: pb.ListShardsRequest__Output = {
    streamName: 's',
    streamArn: '',
    nextToken: '',
    exclusiveStartShardId: '',
    maxResults: 0,
    streamCreationTimestampMs: 0,
    shardFilter: { type: `SHARD_FILTER_TYPE_${type}`, shardId: '', timestampMs } as pb.ShardFilter__Output,
  };
  return (listShards(context(state), req).shards ?? []).map((x) => x.shardId!.slice(-1));
}

describe('ListShards across a split', () => {
  test('the closed parent, the children and their lineage', () => {
    const all = listShards(context(build(true)), {
      streamName: 's',
      streamArn: '',
      nextToken: '',
      exclusiveStartShardId: '',
      maxResults: 0,
      streamCreationTimestampMs: 0,
      shardFilter: null,
    }).shards!;
    expect(all.map((x) => [x.shardId, x.parentShardId, x.sequenceNumberRange?.endingSequenceNumber])).toEqual(
      [
        ['shardId-000000000000', '', ENDING],
        ['shardId-000000000001', '', ''],
        ['shardId-000000000002', 'shardId-000000000000', ''],
        ['shardId-000000000003', 'shardId-000000000000', ''],
      ],
    );
  });

  test.each([
    ['AT_LATEST', 0, ['1', '2', '3']],
    ['AT_TRIM_HORIZON', 0, ['0', '1']],
    ['FROM_TRIM_HORIZON', 0, ['0', '1', '2', '3']],
    ['AT_TIMESTAMP', CREATED_MS - 5, ['0', '1']],
    ['AT_TIMESTAMP', CLOSED_MS - 1, ['0', '1']],
    ['AT_TIMESTAMP', CLOSED_MS, ['1', '2', '3']],
    ['FROM_TIMESTAMP', CLOSED_MS - 1, ['0', '1', '2', '3']],
    ['FROM_TIMESTAMP', CLOSED_MS, ['1', '2', '3']],
  ] as const)('closed: %s at %i', (type, ts, want) => {
    expect(list(build(true), type, ts)).toEqual(want);
  });

  test.each([
    ['AT_LATEST', 0, ['0', '1']],
    ['AT_TIMESTAMP', 5_000, ['0', '1']],
    // Children waiting for their parent start later: FROM includes them.
    ['FROM_TIMESTAMP', 5_000, ['0', '1', '2', '3']],
  ] as const)('waiting for the close: %s at %i', (type, ts, want) => {
    expect(list(build(false), type, ts)).toEqual(want);
  });
});
