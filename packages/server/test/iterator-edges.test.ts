// Pull reads and fan-out at their edges, through gRPC on three in-process
// cluster-mode nodes: an empty shard (TRIM_HORIZON, LATEST and a future
// AT_TIMESTAMP read nothing and keep a usable iterator; a sequence number
// is beyond the newest), an expired iterator (ExpiredIterator), a sequence
// number beyond this shard's newest taken from a busier shard
// (InvalidArgument), max_bytes bounding a page by whole entries, and a
// closed shard (split): GetRecords read to its end answers no next iterator
// and the two children; a fan-out subscription on it ends OK after an event
// naming them.
import * as grpc from '@grpc/grpc-js';
import { encodeIteratorToken, errorDetailFromMetadata, type pb } from '@rheo/wire';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { deriveIteratorSecret } from '../src/index.js';
import {
  type ClusterHarness,
  call,
  startClusterHarness,
  TEST_SECRET,
  waitAllAlive,
  waitFor,
} from './cluster-harness.js';
import { batchOf, CallFailure, delivered, type NodeClients, records, rpc } from './grpc-test-client.js';

let cluster: ClusterHarness;

beforeAll(async () => {
  cluster = await startClusterHarness({ nodes: 3 });
  await cluster.controller();
  await waitAllAlive(cluster, 3);
}, 30_000);
afterAll(() => cluster?.stop());

async function leaders(name: string, shardCount: number): Promise<Map<string, NodeClients>> {
  await waitFor(`${name} created`, () =>
    call(cluster.client(1).admin, 'CreateStream', { streamName: name, shardCount }).then(() => true),
  );
  return waitFor(`leaders of ${name}`, async () => {
    const map = await rpc.getShardMap(cluster.client(1), { streamNames: [name] });
    const shards = map.streams[0]?.shards ?? [];
    if (shards.length !== shardCount || shards.some((s) => s.leaderNodeId === 0)) return undefined;
    return new Map(shards.map((s) => [s.shardId, cluster.client(s.leaderNodeId)]));
  });
}

async function iterator(c: NodeClients, req: pb.GetShardIteratorRequest): Promise<string> {
  return (await rpc.getShardIterator(c, req)).shardIterator;
}

async function failure(p: Promise<unknown>): Promise<CallFailure> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(CallFailure);
  return e as CallFailure;
}

describe('iterator edges', () => {
  test('an empty shard: every start reads nothing and keeps an iterator; a sequence number is beyond the newest', async () => {
    const l = (await leaders('edge-empty', 1)).get('shardId-000000000000')!;
    const base = { streamName: 'edge-empty', shardId: 'shardId-000000000000' };
    for (const type of ['TRIM_HORIZON', 'LATEST'] as const) {
      const page = await rpc.getRecords(l, {
        shardIterator: await iterator(l, { ...base, shardIteratorType: `SHARD_ITERATOR_TYPE_${type}` }),
      });
      expect([page.recordCount, page.nextShardIterator !== '', page.millisBehindLatest]).toEqual([
        0,
        true,
        0,
      ]);
    }
    const future = await iterator(l, {
      ...base,
      shardIteratorType: 'SHARD_ITERATOR_TYPE_AT_TIMESTAMP',
      timestampMs: Date.now() + 3_600_000,
    });
    expect((await rpc.getRecords(l, { shardIterator: future })).recordCount).toBe(0);
    const seq = '49000000000000000000000000000000000000000000000000000000';
    const f = await failure(
      iterator(l, {
        ...base,
        shardIteratorType: 'SHARD_ITERATOR_TYPE_AT_SEQUENCE_NUMBER',
        startingSequenceNumber: seq,
      }),
    );
    expect(f.detail?.reason).toBe('InvalidArgument');
  });

  test('an expired iterator is ExpiredIterator; a number beyond this shard newest is InvalidArgument', async () => {
    const ls = await leaders('edge-expired', 2);
    const [s0, s1] = ['shardId-000000000000', 'shardId-000000000001'];
    const secret = deriveIteratorSecret(TEST_SECRET);
    const old = encodeIteratorToken(
      {
        streamName: 'edge-expired',
        shardId: s0,
        position: { kind: 'TRIM_HORIZON' },
        issuedMs: Date.now() - 301_000,
      },
      secret,
    );
    const expired = await failure(rpc.getRecords(ls.get(s0)!, { shardIterator: old }));
    expect([expired.code, expired.detail?.reason]).toEqual([
      grpc.status.FAILED_PRECONDITION,
      'ExpiredIterator',
    ]);
    // Shard 1 gets 5 entries, shard 0 one: shard 1's newest number is beyond anything shard 0 holds.
    const toShard = (shard: number) =>
      batchOf([
        { partitionKey: 'k', data: Buffer.from('x'), explicitHashKey: shard === 0 ? 1n : 2n ** 127n + 1n },
      ]);
    await rpc.putRecords(ls.get(s0)!, { streamName: 'edge-expired', shardId: s0, recordBatch: toShard(0) });
    let last = '';
    let first = '';
    for (let i = 0; i < 5; i++) {
      const r = await rpc.putRecords(ls.get(s1)!, {
        streamName: 'edge-expired',
        shardId: s1,
        recordBatch: toShard(1),
      });
      last = r.firstSequenceNumber;
      if (i === 0) first = r.firstSequenceNumber;
    }
    // Whichever node leads shard 0 now (leaders may move while a new stream settles) answers.
    const f = await waitFor('an answer from the leader', async () => {
      for (const c of cluster.clients) {
        const e = await failure(
          iterator(c, {
            streamName: 'edge-expired',
            shardId: s0,
            shardIteratorType: 'SHARD_ITERATOR_TYPE_AT_SEQUENCE_NUMBER',
            startingSequenceNumber: last,
          }),
        );
        if (e.detail?.reason !== 'NotLeader') return e;
      }
      return undefined;
    });
    expect([f.detail?.reason, f.detail?.field]).toEqual(['InvalidArgument', 'starting_sequence_number']);
    // A sibling's number that is NOT beyond this shard's newest (its first one) is refused too:
    // every shard's base is unique, so the number names the shard it came from.
    const sibling = await waitFor('an answer from the leader', async () => {
      for (const c of cluster.clients) {
        const e = await failure(
          iterator(c, {
            streamName: 'edge-expired',
            shardId: s0,
            shardIteratorType: 'SHARD_ITERATOR_TYPE_AFTER_SEQUENCE_NUMBER',
            startingSequenceNumber: first,
          }),
        );
        if (e.detail?.reason !== 'NotLeader') return e;
      }
      return undefined;
    });
    expect([sibling.detail?.reason, sibling.detail?.field]).toEqual([
      'InvalidArgument',
      'starting_sequence_number',
    ]);
    expect(sibling.detail?.message).toMatch(/did not come from this shard/);
  });

  test('max_bytes bounds a page by whole entries and the next page continues', async () => {
    const l = (await leaders('edge-bytes', 1)).get('shardId-000000000000')!;
    const base = { streamName: 'edge-bytes', shardId: 'shardId-000000000000' };
    for (let i = 0; i < 4; i++)
      await rpc.putRecords(l, { ...base, recordBatch: batchOf(records(`m${i}`, 10, 1000)) });
    let it = await iterator(l, { ...base, shardIteratorType: 'SHARD_ITERATOR_TYPE_TRIM_HORIZON' });
    const pages: number[] = [];
    for (let i = 0; i < 6 && it !== ''; i++) {
      const page = await rpc.getRecords(l, { shardIterator: it, maxBytes: 12_000 });
      if (page.recordCount === 0) break;
      pages.push(page.recordCount);
      it = page.nextShardIterator;
    }
    expect(pages).toEqual([10, 10, 10, 10]);
  });

  test('a closed shard: read to its end, no next iterator and its children; a subscription ends naming them', async () => {
    const l = (await leaders('edge-closed', 1)).get('shardId-000000000000')!;
    const base = { streamName: 'edge-closed', shardId: 'shardId-000000000000' };
    await rpc.putRecords(l, { ...base, recordBatch: batchOf(records('c', 5)) });
    const d = await call<pb.DescribeStreamSummaryResponse__Output>(
      cluster.client(1).admin,
      'DescribeStreamSummary',
      {
        streamName: 'edge-closed',
      },
    );
    await waitFor('ACTIVE', async () => {
      const s = await call<pb.DescribeStreamSummaryResponse__Output>(
        cluster.client(1).admin,
        'DescribeStreamSummary',
        {
          streamName: 'edge-closed',
        },
      );
      return s.streamDescriptionSummary?.streamStatus === 'STREAM_STATUS_ACTIVE' ? true : undefined;
    });
    await call(cluster.client(2).admin, 'RegisterStreamConsumer', {
      streamArn: d.streamDescriptionSummary!.streamArn,
      consumerName: 'edge',
    });
    await call(cluster.client(1).admin, 'SplitShard', {
      streamName: 'edge-closed',
      shardToSplit: base.shardId,
      newStartingHashKey: (2n ** 127n).toString(),
    });
    const page = await waitFor('the parent read to its end', async () => {
      const p = await rpc.getRecords(l, {
        shardIterator: await iterator(l, { ...base, shardIteratorType: 'SHARD_ITERATOR_TYPE_TRIM_HORIZON' }),
      });
      return p.nextShardIterator === '' ? p : undefined;
    });
    expect(delivered(page).length).toBe(5);
    expect(page.childShards.map((c) => c.shardId).sort()).toEqual([
      'shardId-000000000001',
      'shardId-000000000002',
    ]);
    const consumer = await waitFor('consumer ACTIVE', async () => {
      const c = await call<pb.DescribeStreamConsumerResponse__Output>(
        cluster.client(1).admin,
        'DescribeStreamConsumer',
        {
          streamName: 'edge-closed',
          consumerName: 'edge',
        },
      );
      return c.consumerDescription?.consumerStatus === 'CONSUMER_STATUS_ACTIVE'
        ? c.consumerDescription
        : undefined;
    });
    const stream = l.data.SubscribeToShard({
      consumerArn: consumer.consumerArn,
      shardId: base.shardId,
      startingPosition: { type: 'SHARD_ITERATOR_TYPE_TRIM_HORIZON' },
    });
    const events: pb.SubscribeToShardEvent__Output[] = [];
    stream.on('data', (e: pb.SubscribeToShardEvent__Output) => events.push(e));
    const end = await new Promise<string | undefined>((resolve) => {
      stream.on('end', () => resolve(undefined));
      stream.on('error', (e: grpc.ServiceError) =>
        resolve(errorDetailFromMetadata(e.metadata)?.reason ?? e.message),
      );
    });
    expect(end).toBeUndefined();
    expect(events.reduce((n, e) => n + e.recordCount, 0)).toBe(5);
    expect(events[events.length - 1]!.childShards.length).toBe(2);
  });
});
