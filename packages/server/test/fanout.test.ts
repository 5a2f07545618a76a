// Enhanced fan-out on three in-process cluster-mode nodes: consumers are
// registered through a node that may not run the controller (forwarded),
// become ACTIVE, list with paging and describe by ARN or name; a
// subscription pushes every committed record exactly once, in order, with
// its continuation; a subscription that ends at its lifetime resumes from
// the continuation with neither gap nor duplicate while producers write; a
// paused subscriber is held by flow control (the node never reads more than
// one event ahead for it); the node's subscription bound refuses the next
// one with LimitExceeded; a deregistered consumer's subscriptions end.
import type * as grpc from '@grpc/grpc-js';
import { errorDetailFromMetadata, type pb } from '@rheo/wire';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { subscriptionRegistries } from '../src/services/subscribe-options.js';
import { type ClusterHarness, call, startClusterHarness, waitAllAlive, waitFor } from './cluster-harness.js';
import {
  batchOf,
  type CallFailure,
  delivered,
  type NodeClients,
  type ReadRecord,
  records,
  rpc,
} from './grpc-test-client.js';

const LIFETIME_MS = 1_500;
const PER_NODE_MAX = 6;
let cluster: ClusterHarness;

beforeAll(async () => {
  cluster = await startClusterHarness({
    nodes: 3,
    extraArgs: [
      ...[
        '--subscription-lifetime-ms',
        String(LIFETIME_MS),
        '--subscriptions-per-node-max',
        String(PER_NODE_MAX),
      ],
      ...['--shard-write-bytes-per-s', '1GiB', '--shard-write-records-per-s', '1000000'],
    ],
  });
  await cluster.controller();
  await waitAllAlive(cluster, 3);
}, 30_000);
afterAll(() => cluster?.stop());

const admin = <Res>(c: NodeClients, method: string, req: unknown) => call<Res>(c.admin, method, req);

async function activeStream(name: string): Promise<{ arn: string; leader: NodeClients; shardId: string }> {
  // A controller that just took over may not count every broker as live yet (LimitExceeded): retry.
  await waitFor(`${name} created`, () =>
    admin(cluster.client(2), 'CreateStream', { streamName: name, shardCount: 1 }).then(() => true),
  );
  const shard = await waitFor(`leader of ${name}`, async () => {
    const map = await rpc.getShardMap(cluster.client(1), { streamNames: [name] });
    const s = map.streams[0]?.shards[0];
    return s !== undefined && s.leaderNodeId > 0 ? s : undefined;
  });
  const d = await waitFor(`${name} ACTIVE`, async () => {
    const r = await admin<pb.DescribeStreamSummaryResponse__Output>(
      cluster.client(1),
      'DescribeStreamSummary',
      {
        streamName: name,
      },
    );
    return r.streamDescriptionSummary?.streamStatus === 'STREAM_STATUS_ACTIVE' ? r : undefined;
  });
  return {
    arn: d.streamDescriptionSummary!.streamArn,
    leader: cluster.client(shard.leaderNodeId),
    shardId: shard.shardId,
  };
}

async function registerActive(streamArn: string, name: string): Promise<pb.Consumer__Output> {
  const r = await admin<pb.RegisterStreamConsumerResponse__Output>(
    cluster.client(3),
    'RegisterStreamConsumer',
    {
      streamArn,
      consumerName: name,
    },
  );
  return waitFor(`${name} ACTIVE`, async () => {
    const d = await admin<pb.DescribeStreamConsumerResponse__Output>(
      cluster.client(1),
      'DescribeStreamConsumer',
      {
        consumerArn: r.consumer!.consumerArn,
      },
    );
    return d.consumerDescription?.consumerStatus === 'CONSUMER_STATUS_ACTIVE'
      ? d.consumerDescription
      : undefined;
  });
}

interface Subscription {
  readonly call: grpc.ClientReadableStream<pb.SubscribeToShardEvent__Output>;
  /** Records in arrival order. */
  readonly records: ReadRecord[];
  continuation: string;
  /** Resolves when the stream ends: OK (undefined) or with the failure's reason. */
  readonly ended: Promise<string | undefined>;
}

function subscribe(
  c: NodeClients,
  consumerArn: string,
  shardId: string,
  start: pb.StartingPosition,
): Subscription {
  const stream = c.data.SubscribeToShard({ consumerArn, shardId, startingPosition: start });
  const sub: Subscription = {
    call: stream,
    records: [],
    continuation: '',
    ended: new Promise((resolve) => {
      stream.on('error', (err: grpc.ServiceError) =>
        resolve(errorDetailFromMetadata(err.metadata)?.reason ?? err.message),
      );
      stream.on('end', () => resolve(undefined));
    }),
  };
  stream.on('data', (ev: pb.SubscribeToShardEvent__Output) => {
    sub.records.push(...delivered(ev as unknown as pb.GetRecordsResponse__Output));
    sub.continuation = ev.continuationSequenceNumber;
  });
  return sub;
}

async function produce(
  c: NodeClients,
  stream: string,
  shardId: string,
  tag: string,
  batches: number,
  perBatch: number,
  dataBytes = 16,
  pauseMs = 0,
) {
  const sent: string[] = [];
  for (let b = 0; b < batches; b++) {
    if (pauseMs > 0) await new Promise((r) => setTimeout(r, pauseMs));
    const recs = records(`${tag}-${b}`, perBatch, dataBytes);
    await rpc.putRecords(c, { streamName: stream, shardId, recordBatch: batchOf(recs) });
    sent.push(...recs.map((r) => r.data.toString()));
  }
  return sent;
}

function expectInOrder(got: readonly ReadRecord[]): void {
  for (let i = 1; i < got.length; i++)
    expect(BigInt(got[i]!.sequenceNumber) > BigInt(got[i - 1]!.sequenceNumber)).toBe(true);
}

/**
 * Subscribes, and again after each end from the last continuation (as the
 * SDK does), until `expected()` records arrived; each subscription's end
 * must be OK (its lifetime) unless the helper cancels it.
 */
async function follow(
  s: { leader: NodeClients; shardId: string },
  consumerArn: string,
  first: pb.StartingPosition,
  expected: () => number | undefined,
): Promise<{ got: ReadRecord[]; subscriptions: number; last: string }> {
  const got: ReadRecord[] = [];
  let continuation = '';
  let subscriptions = 0;
  const done = (extra: number) => {
    const want = expected();
    return want !== undefined && got.length + extra >= want;
  };
  while (!done(0)) {
    const start: pb.StartingPosition =
      continuation !== ''
        ? { type: 'SHARD_ITERATOR_TYPE_AFTER_SEQUENCE_NUMBER', sequenceNumber: continuation }
        : subscriptions > 0 && first.type === 'SHARD_ITERATOR_TYPE_LATEST'
          ? { type: 'SHARD_ITERATOR_TYPE_TRIM_HORIZON' }
          : first;
    const sub = subscribe(s.leader, consumerArn, s.shardId, start);
    subscriptions++;
    const all = waitFor('all in', () => (done(sub.records.length) ? true : undefined), 30_000);
    const ended = await Promise.race([sub.ended, all.then(() => 'done')]);
    if (ended === 'done') sub.call.cancel();
    else expect(ended).toBeUndefined();
    got.push(...sub.records);
    if (sub.continuation !== '') continuation = sub.continuation;
  }
  return { got, subscriptions, last: continuation };
}

describe('enhanced fan-out', () => {
  test('consumers register (forwarded), become ACTIVE, list with paging, describe by ARN or name', async () => {
    const s = await activeStream('fan-admin');
    const created = await Promise.all(['c-a', 'c-b', 'c-c'].map((n) => registerActive(s.arn, n)));
    expect(created[0]!.consumerArn).toMatch(new RegExp(`^${s.arn}/consumer/c-a:\\d+$`));
    const dup = await admin(cluster.client(1), 'RegisterStreamConsumer', {
      streamArn: s.arn,
      consumerName: 'c-a',
    }).catch((e) => e);
    expect((dup as CallFailure).detail?.reason).toBe('ResourceInUse');
    const page1 = await admin<pb.ListStreamConsumersResponse__Output>(
      cluster.client(2),
      'ListStreamConsumers',
      { streamArn: s.arn, maxResults: 2 },
    );
    expect(page1.consumers.map((c) => c.consumerName)).toEqual(['c-a', 'c-b']);
    const page2 = await admin<pb.ListStreamConsumersResponse__Output>(
      cluster.client(2),
      'ListStreamConsumers',
      {
        streamArn: s.arn,
        nextToken: page1.nextToken,
      },
    );
    expect(page2.consumers.map((c) => c.consumerName)).toEqual(['c-c']);
    expect(page2.nextToken).toBe('');
    const byName = await admin<pb.DescribeStreamConsumerResponse__Output>(
      cluster.client(3),
      'DescribeStreamConsumer',
      {
        streamName: 'fan-admin',
        consumerName: 'c-b',
      },
    );
    expect(byName.consumerDescription?.streamArn).toBe(s.arn);
    const summary = await admin<pb.DescribeStreamSummaryResponse__Output>(
      cluster.client(1),
      'DescribeStreamSummary',
      { streamName: 'fan-admin' },
    );
    expect(summary.streamDescriptionSummary?.consumerCount).toBe(3);
    await admin(cluster.client(2), 'DeregisterStreamConsumer', { consumerArn: created[2]!.consumerArn });
    await waitFor('c-c forgotten', async () => {
      const l = await admin<pb.ListStreamConsumersResponse__Output>(
        cluster.client(1),
        'ListStreamConsumers',
        { streamArn: s.arn },
      );
      return l.consumers.length === 2 ? true : undefined;
    });
    // Kinesis: a stream with consumers is deleted only with enforce_consumer_deletion.
    const refused = await admin(cluster.client(3), 'DeleteStream', { streamName: 'fan-admin' }).catch(
      (e) => e,
    );
    expect((refused as CallFailure).detail?.reason).toBe('ResourceInUse');
    await admin(cluster.client(3), 'DeleteStream', {
      streamName: 'fan-admin',
      enforceConsumerDeletion: true,
    });
  }, 30_000);

  test('a subscription pushes every committed record exactly once, in order, with its continuation', async () => {
    const s = await activeStream('fan-push');
    const consumer = await registerActive(s.arn, 'pusher');
    let sent: string[] | undefined;
    const following = follow(
      s,
      consumer.consumerArn,
      { type: 'SHARD_ITERATOR_TYPE_LATEST' },
      () => sent?.length,
    );
    await new Promise((r) => setTimeout(r, 200));
    sent = await produce(s.leader, 'fan-push', s.shardId, 'p', 30, 20);
    const { got, last } = await following;
    expect(got.map((r) => r.data)).toEqual(sent);
    expectInOrder(got);
    expect(BigInt(last)).toBe(BigInt(got[got.length - 1]!.sequenceNumber));
  }, 40_000);

  test('subscriptions end at their lifetime and resume from the continuation with neither gap nor duplicate', async () => {
    const s = await activeStream('fan-resume');
    const consumer = await registerActive(s.arn, 'resumer');
    let sent: string[] | undefined;
    // Producing takes longer than a subscription lives (60 batches, 60 ms apart; lifetime 1.5 s).
    void produce(s.leader, 'fan-resume', s.shardId, 'r', 60, 10, 16, 60).then((a) => {
      sent = a;
    });
    const { got, subscriptions } = await follow(
      s,
      consumer.consumerArn,
      { type: 'SHARD_ITERATOR_TYPE_TRIM_HORIZON' },
      () => sent?.length,
    );
    expect(subscriptions).toBeGreaterThan(1);
    expect(got.map((r) => r.data)).toEqual(sent);
    expectInOrder(got);
  }, 40_000);

  test('a paused subscriber is held by flow control: the node reads at most one event ahead', async () => {
    const s = await activeStream('fan-slow');
    const consumer = await registerActive(s.arn, 'sleeper');
    const sub = subscribe(s.leader, consumer.consumerArn, s.shardId, {
      type: 'SHARD_ITERATOR_TYPE_TRIM_HORIZON',
    });
    sub.call.pause();
    // About 6 MiB in 64 KiB batches; the subscription may push 1 MiB events (eventBytesMax).
    const sent = await produce(s.leader, 'fan-slow', s.shardId, 's', 96, 64, 1000);
    await new Promise((r) => setTimeout(r, 500));
    const peak = Math.max(...[...subscriptionRegistries()].map((r) => r.peakReadAheadBytes));
    expect(peak).toBeGreaterThan(0);
    // One event: at most eventBytesMax (1 MiB) plus the one entry that may pass it.
    expect(peak).toBeLessThanOrEqual(1024 * 1024 + 80 * 1024);
    sub.call.resume();
    const ended = await sub.ended;
    expect(ended).toBeUndefined();
    // Within one lifetime at 2 MiB/s not all 6 MiB arrive; what arrived is a gapless prefix.
    expect(sub.records.length).toBeLessThan(sent.length);
    expect(sub.records.map((r) => r.data)).toEqual(sent.slice(0, sub.records.length));
  }, 40_000);

  test('the node bound refuses one subscription too many; deregistering ends the rest', async () => {
    const s = await activeStream('fan-bound');
    const consumer = await registerActive(s.arn, 'many');
    const subs = Array.from({ length: PER_NODE_MAX }, () =>
      subscribe(s.leader, consumer.consumerArn, s.shardId, { type: 'SHARD_ITERATOR_TYPE_LATEST' }),
    );
    await new Promise((r) => setTimeout(r, 300));
    const extra = subscribe(s.leader, consumer.consumerArn, s.shardId, {
      type: 'SHARD_ITERATOR_TYPE_LATEST',
    });
    expect(await extra.ended).toBe('LimitExceeded');
    await admin(cluster.client(1), 'DeregisterStreamConsumer', { streamArn: s.arn, consumerName: 'many' });
    await produce(s.leader, 'fan-bound', s.shardId, 'b', 1, 1);
    const reasons = await Promise.all(subs.map((x) => x.ended));
    expect(new Set(reasons)).toEqual(new Set(['ResourceNotFound']));
  }, 30_000);
});
