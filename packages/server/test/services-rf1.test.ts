// Proves the node's client API against one real node (replication factor
// 1: startNode with LevelDB in a temp dir, its gRPC server on 127.0.0.1),
// called through the contract's generated clients:
// - PutRecords → GetShardIterator → GetRecords returns the records written,
//   in order, with the sequence numbers the writes were answered with, for
//   every iterator type and with a limit; PutRecord, routing by hash key
//   when no shard is named, and the idempotent producer's duplicate answer;
// - every bad input (a table) gets its exact gRPC status and an ErrorDetail
//   (reason, field) in the `rheo-error-bin` trailer, and afterwards the
//   node still serves and the shard holds exactly the good records;
// - calls that later issues serve answer UNIMPLEMENTED with their reason;
// - GetShardMap (ranges, replicas, leader, addresses, epoch, `unchanged`)
//   and DescribeCluster describe the node.
import * as grpc from '@grpc/grpc-js';
import {
  batchLimits,
  encodeBatch,
  encodeIteratorToken,
  hashKeyMax,
  type pb,
  type RecordInput,
} from '@rheo/wire';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { deriveIteratorSecret } from '../src/index.js';
import {
  delivered,
  expectFailure,
  type NodeClients,
  type ReadRecord,
  records,
  rpc,
} from './grpc-test-client.js';
import { startTestCluster, TEST_SECRET, type TestCluster } from './node-harness.js';

const S0 = 'shardId-000000000000';
const S1 = 'shardId-000000000001';
/** Hash keys inside shard 0 and shard 1 of a two-shard stream. */
const LOW = 5n;
const HIGH = hashKeyMax - 5n;

let cluster: TestCluster;
let client: NodeClients;

beforeAll(async () => {
  cluster = await startTestCluster({ nodes: 1, streams: 'orders:2:1;solo:1:1' });
  client = cluster.client(1);
  await cluster.leaderOf('orders', S0);
  await cluster.leaderOf('orders', S1);
  await cluster.leaderOf('solo', S0);
});
afterAll(() => cluster?.stop());

function keyed(tag: string, n: number, key: bigint): RecordInput[] {
  return records(tag, n).map((r) => ({ ...r, explicitHashKey: key }));
}

function put(shardId: string, recs: RecordInput[], extra: Partial<pb.PutRecordsRequest> = {}) {
  const recordBatch = recs.length === 0 ? Buffer.alloc(0) : encodeBatch(recs);
  return rpc.putRecords(client, { streamName: 'orders', shardId, recordBatch, ...extra });
}

async function readAll(shardId: string, type: pb.ShardIteratorType = 'SHARD_ITERATOR_TYPE_TRIM_HORIZON') {
  const it = await rpc.getShardIterator(client, { streamName: 'orders', shardId, shardIteratorType: type });
  const out: ReadRecord[] = [];
  let iterator = it.shardIterator;
  for (;;) {
    const page = await rpc.getRecords(client, { shardIterator: iterator });
    out.push(...delivered(page));
    iterator = page.nextShardIterator;
    if (page.recordCount === 0) return { records: out, next: iterator, page };
  }
}

describe('round trip', () => {
  test('PutRecords → GetShardIterator → GetRecords, every iterator type, limits', async () => {
    const acks: pb.PutRecordsResponse__Output[] = [];
    for (let b = 0; b < 3; b++) acks.push(await put(S0, keyed(`rt${b}`, 10, LOW)));
    for (const a of acks) {
      expect(a).toMatchObject({ shardId: S0, recordCount: 10, duplicate: false });
      expect(a.arrivalTimestampMs).toBeGreaterThan(0);
    }
    expect(BigInt(acks[1]!.firstSequenceNumber)).toBeGreaterThan(BigInt(acks[0]!.firstSequenceNumber));

    const all = await readAll(S0);
    const mine = all.records.filter((r) => r.data.startsWith('rt'));
    expect(mine.map((r) => r.data.split('-').slice(0, 2).join('-'))).toEqual(
      [0, 1, 2].flatMap((b) => Array.from({ length: 10 }, (_, i) => `rt${b}-${i}`)),
    );
    expect(mine[10]!.sequenceNumber).toBe(acks[1]!.firstSequenceNumber);
    expect(all.page.millisBehindLatest).toBe(0);

    const at = await rpc.getShardIterator(client, {
      streamName: 'orders',
      shardId: S0,
      shardIteratorType: 'SHARD_ITERATOR_TYPE_AT_SEQUENCE_NUMBER',
      startingSequenceNumber: acks[2]!.firstSequenceNumber,
    });
    const page = await rpc.getRecords(client, { shardIterator: at.shardIterator, limit: 4 });
    expect(delivered(page).map((r) => r.data.split('-').slice(0, 2).join('-'))).toEqual([
      'rt2-0',
      'rt2-1',
      'rt2-2',
      'rt2-3',
    ]);
    const rest = await rpc.getRecords(client, { shardIterator: page.nextShardIterator });
    expect(delivered(rest)).toHaveLength(6);

    const after = await rpc.getShardIterator(client, {
      streamName: 'orders',
      shardId: S0,
      shardIteratorType: 'SHARD_ITERATOR_TYPE_AFTER_SEQUENCE_NUMBER',
      startingSequenceNumber: acks[2]!.firstSequenceNumber,
    });
    expect(delivered(await rpc.getRecords(client, { shardIterator: after.shardIterator }))).toHaveLength(9);

    const latest = await rpc.getShardIterator(client, {
      streamName: 'orders',
      shardId: S0,
      shardIteratorType: 'SHARD_ITERATOR_TYPE_LATEST',
    });
    expect((await rpc.getRecords(client, { shardIterator: latest.shardIterator })).recordCount).toBe(0);
    await put(S0, keyed('late', 2, LOW));
    const late = delivered(await rpc.getRecords(client, { shardIterator: latest.shardIterator }));
    expect(late.map((r) => r.data.slice(0, 6))).toEqual(['late-0', 'late-1']);
  });

  test('routing by hash key when no shard is named; PutRecord; the idempotent producer', async () => {
    const routed = await put('', keyed('routed', 3, HIGH));
    expect(routed.shardId).toBe(S1);
    const one = await rpc.putRecord(client, {
      streamName: 'orders',
      recordBatch: encodeBatch(keyed('single', 1, HIGH)),
    });
    expect(one.shardId).toBe(S1);
    expect(BigInt(one.sequenceNumber)).toBeGreaterThan(BigInt(routed.firstSequenceNumber));

    const stamp = { producerId: 'producer-a', producerEpoch: 1, batchSequence: 1 };
    const batch = keyed('idem', 2, HIGH);
    const first = await put(S1, batch, stamp);
    const again = await put(S1, batch, stamp);
    expect(again).toMatchObject({ duplicate: true, firstSequenceNumber: first.firstSequenceNumber });
    const idem = (await readAll(S1)).records.filter((r) => r.data.startsWith('idem'));
    expect(idem).toHaveLength(2);
  });
});

describe('bad input: precise status and ErrorDetail, and nothing written is harmed', () => {
  const secret = deriveIteratorSecret(TEST_SECRET);
  const token = (streamName: string, issuedMs: number) =>
    encodeIteratorToken({ streamName, shardId: S0, position: { kind: 'TRIM_HORIZON' }, issuedMs }, secret);
  const tooBig = () =>
    encodeBatch(
      [{ partitionKey: 'k', data: Buffer.alloc(1024 * 1024 + 1), explicitHashKey: LOW }],
      batchLimits({ recordBytesMax: 2 * 1024 * 1024 }),
    );
  const badCrc = () => {
    const b = encodeBatch(keyed('crc', 3, LOW));
    b[b.length - 1]! ^= 0xff;
    return b;
  };
  async function realIterator(): Promise<string> {
    const it = await rpc.getShardIterator(client, {
      streamName: 'orders',
      shardId: S0,
      shardIteratorType: 'SHARD_ITERATOR_TYPE_TRIM_HORIZON',
    });
    return it.shardIterator;
  }
  const cases: Array<[string, () => Promise<unknown>, grpc.status, string, string | undefined]> = [
    [
      'bad CRC',
      () => put(S0, [], { recordBatch: badCrc() }),
      grpc.status.DATA_LOSS,
      'Corrupt',
      'record_batch',
    ],
    [
      'oversize record',
      () => put(S0, [], { recordBatch: tooBig() }),
      grpc.status.INVALID_ARGUMENT,
      'InvalidArgument',
      'record_batch',
    ],
    [
      'record outside the shard',
      () => put(S0, keyed('x', 2, HIGH)),
      grpc.status.INVALID_ARGUMENT,
      'InvalidArgument',
      'record_batch',
    ],
    [
      'empty batch',
      () => put(S0, [], { recordBatch: Buffer.alloc(0) }),
      grpc.status.INVALID_ARGUMENT,
      'InvalidArgument',
      'record_batch',
    ],
    [
      'not a batch',
      () => put(S0, [], { recordBatch: Buffer.from('hello') }),
      grpc.status.INVALID_ARGUMENT,
      'InvalidArgument',
      'record_batch',
    ],
    [
      'unknown stream',
      () => put(S0, keyed('x', 1, LOW), { streamName: 'nope' }),
      grpc.status.NOT_FOUND,
      'ResourceNotFound',
      'stream_name',
    ],
    [
      'unknown shard',
      () => put('shardId-000000000009', keyed('x', 1, LOW)),
      grpc.status.NOT_FOUND,
      'ResourceNotFound',
      'shard_id',
    ],
    [
      'no stream named',
      () => put(S0, keyed('x', 1, LOW), { streamName: '' }),
      grpc.status.INVALID_ARGUMENT,
      'InvalidArgument',
      'stream_name',
    ],
    [
      'stream_arn of another stream',
      () => put(S0, keyed('x', 1, LOW), { streamArn: 'arn:rheo:kinesis:rheo::stream/solo' }),
      grpc.status.INVALID_ARGUMENT,
      'InvalidArgument',
      'stream_arn',
    ],
    [
      'producer fields without producer_id',
      () => put(S0, keyed('x', 1, LOW), { batchSequence: 3 }),
      grpc.status.INVALID_ARGUMENT,
      'InvalidArgument',
      'producer_id',
    ],
    [
      'PutRecord with two records',
      () => rpc.putRecord(client, { streamName: 'orders', recordBatch: encodeBatch(keyed('x', 2, LOW)) }),
      grpc.status.INVALID_ARGUMENT,
      'InvalidArgument',
      'record_batch',
    ],
    [
      'expired iterator',
      () => rpc.getRecords(client, { shardIterator: token('orders', Date.now() - 600_000) }),
      grpc.status.FAILED_PRECONDITION,
      'ExpiredIterator',
      'shard_iterator',
    ],
    [
      'tampered iterator',
      async () => {
        const t = await realIterator();
        const i = t.length >> 1;
        return rpc.getRecords(client, {
          shardIterator: t.slice(0, i) + (t[i] === 'A' ? 'B' : 'A') + t.slice(i + 1),
        });
      },
      grpc.status.INVALID_ARGUMENT,
      'InvalidArgument',
      'shard_iterator',
    ],
    [
      'not an iterator',
      () => rpc.getRecords(client, { shardIterator: 'not-a-token!' }),
      grpc.status.INVALID_ARGUMENT,
      'InvalidArgument',
      'shard_iterator',
    ],
    [
      'no iterator',
      () => rpc.getRecords(client, { shardIterator: '' }),
      grpc.status.INVALID_ARGUMENT,
      'InvalidArgument',
      'shard_iterator',
    ],
    [
      'iterator of an unknown stream',
      () => rpc.getRecords(client, { shardIterator: token('gone', Date.now()) }),
      grpc.status.NOT_FOUND,
      'ResourceNotFound',
      undefined,
    ],
    [
      'limit over 10000',
      async () => rpc.getRecords(client, { shardIterator: await realIterator(), limit: 10_001 }),
      grpc.status.INVALID_ARGUMENT,
      'InvalidArgument',
      'limit',
    ],
    [
      'no iterator type',
      () => rpc.getShardIterator(client, { streamName: 'orders', shardId: S0 }),
      grpc.status.INVALID_ARGUMENT,
      'InvalidArgument',
      'shard_iterator_type',
    ],
    [
      'sequence number beyond the newest',
      () =>
        rpc.getShardIterator(client, {
          streamName: 'orders',
          shardId: S0,
          shardIteratorType: 'SHARD_ITERATOR_TYPE_AT_SEQUENCE_NUMBER',
          startingSequenceNumber: '9'.repeat(50),
        }),
      grpc.status.INVALID_ARGUMENT,
      'InvalidArgument',
      'starting_sequence_number',
    ],
    [
      'shard map of an unknown stream',
      () => rpc.getShardMap(client, { streamNames: ['nope'] }),
      grpc.status.NOT_FOUND,
      'ResourceNotFound',
      'stream_names',
    ],
  ];

  let before: ReadRecord[];
  beforeAll(async () => {
    await put(S0, keyed('good-before', 3, LOW));
    before = (await readAll(S0)).records;
  });

  test.each(cases)('%s', async (_name, run, code, reason, field) => {
    await expectFailure(run(), code, reason, field);
  });

  test('afterwards the node serves, and the shard holds exactly the good records', async () => {
    const ack = await put(S0, keyed('good-after', 2, LOW));
    const now = (await readAll(S0)).records;
    expect(now.slice(0, before.length)).toEqual(before);
    expect(now.slice(before.length).map((r) => r.data.slice(0, 12))).toEqual([
      'good-after-0',
      'good-after-1',
    ]);
    expect(now[before.length]!.sequenceNumber).toBe(ack.firstSequenceNumber);
  });
});

describe('not yet served', () => {
  test('SubscribeToShard and the admin calls answer UNIMPLEMENTED with their reason', async () => {
    const sub = client.data.SubscribeToShard({ consumerArn: 'c', shardId: S0 });
    const err = await new Promise<grpc.ServiceError>((resolve) => sub.on('error', resolve));
    expect(err.code).toBe(grpc.status.UNIMPLEMENTED);
    expect(err.details).toMatch(/^SubscribeToShard is not available in static mode: /);
    const admin = await rpc.createStream(client, { streamName: 'x', shardCount: 1 }).catch((e: unknown) => e);
    expect(admin).toMatchObject({ code: grpc.status.UNIMPLEMENTED });
    expect((admin as Error).message).toMatch(/CreateStream is not available yet: streams are configured/);
  });
});

describe('Cluster', () => {
  test('GetShardMap: ranges, replicas, leader with its address, epoch and unchanged', async () => {
    const map = await rpc.getShardMap(client, { streamNames: ['orders'] });
    expect(map.epoch).toBeGreaterThan(0);
    expect(map.streams).toHaveLength(1);
    const [s0, s1] = map.streams[0]!.shards;
    expect(map.streams[0]!.streamStatus).toBe('STREAM_STATUS_ACTIVE');
    expect(s0).toMatchObject({ shardId: S0, open: true, replicaNodeIds: [1], leaderNodeId: 1 });
    expect(s0!.hashKeyRange).toEqual({ startingHashKey: '0', endingHashKey: String(2n ** 127n - 1n) });
    expect(s1!.hashKeyRange).toEqual({
      startingHashKey: String(2n ** 127n),
      endingHashKey: String(hashKeyMax),
    });
    expect(s0!.groupId).toBeGreaterThanOrEqual(2);
    expect(s0!.leaderTerm).toBeGreaterThan(0);
    expect(map.nodes.map((n) => [n.nodeId, n.address])).toEqual([[1, cluster.node(1).advertisedAddress]]);
    const again = await rpc.getShardMap(client, { streamNames: ['orders'], knownEpoch: map.epoch });
    expect(again).toMatchObject({ epoch: map.epoch, unchanged: true, streams: [] });
    const all = await rpc.getShardMap(client, {});
    expect(all.streams.map((s) => s.streamName).sort()).toEqual(['orders', 'solo']);
  });

  test('DescribeCluster: the node, its roles, replicas and leaders', async () => {
    const d = await rpc.describeCluster(client);
    expect(d).toMatchObject({ clusterId: 'rheo', leaderlessShardCount: 0, underReplicatedShardCount: 0 });
    expect(d.nodes).toEqual([
      expect.objectContaining({
        nodeId: 1,
        state: 'NODE_STATE_ALIVE',
        roles: ['NODE_ROLE_BROKER'],
        replicaCount: 3,
        leaderCount: 3,
      }),
    ]);
  });
});
