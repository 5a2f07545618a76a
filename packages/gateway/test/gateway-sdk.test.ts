// The real AWS SDK for JavaScript v3 Kinesis client against three in-process
// nodes, each serving the gateway: over HTTP/2 (the SDK's default, prior
// knowledge on http://) and HTTP/1.1 (NodeHttpHandler). Proves that an
// endpoint override is all existing Kinesis code needs for the actions
// here: streams are created, listed, described; records put (one, and many
// with a per-record answer) come back from GetRecords in order; errors come
// back as the SDK's typed exceptions (ResourceNotFoundException,
// ValidationException, ResourceInUseException); a gateway on any node
// routes to the shard leaders; records cross between the gateway and the
// gRPC SDK both ways; SubscribeToShard pushes to a registered consumer as
// event-stream messages; resharding and deletion work through the SDK.
import {
  AddTagsToStreamCommand,
  CreateStreamCommand,
  DeleteStreamCommand,
  DescribeLimitsCommand,
  DescribeStreamCommand,
  DescribeStreamConsumerCommand,
  DescribeStreamSummaryCommand,
  EnableEnhancedMonitoringCommand,
  GetRecordsCommand,
  GetShardIteratorCommand,
  IncreaseStreamRetentionPeriodCommand,
  KinesisClient,
  ListShardsCommand,
  ListStreamsCommand,
  ListTagsForStreamCommand,
  MergeShardsCommand,
  PutRecordCommand,
  PutRecordsCommand,
  RegisterStreamConsumerCommand,
  RemoveTagsFromStreamCommand,
  ResourceInUseException,
  ResourceNotFoundException,
  SplitShardCommand,
  SubscribeToShardCommand,
  UpdateShardCountCommand,
  ValidationException,
} from '@aws-sdk/client-kinesis';
import { RheoClient } from '@rheo/client';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startGateway } from '../src/index.js';
import { type GatewayNodes, startGatewayNodes } from './gateway-nodes.js';

let cluster: GatewayNodes;
const clients: KinesisClient[] = [];

function kinesis(nodeId: number, http1 = false): KinesisClient {
  const client = new KinesisClient({
    endpoint: cluster.gatewayUrl(nodeId),
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 3,
    ...(http1 ? { requestHandler: new NodeHttpHandler() } : {}),
  });
  clients.push(client);
  return client;
}

async function createActive(k: KinesisClient, name: string, shards: number): Promise<void> {
  await k.send(new CreateStreamCommand({ StreamName: name, ShardCount: shards }));
  await waitActive(k, name);
}

async function waitActive(k: KinesisClient, name: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const d = await k.send(new DescribeStreamSummaryCommand({ StreamName: name }));
    if (d.StreamDescriptionSummary?.StreamStatus === 'ACTIVE') return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${name} not ACTIVE`);
}

/** Every record of every shard from TRIM_HORIZON, as "partitionKey=data" in shard then sequence order. */
async function readAll(k: KinesisClient, stream: string): Promise<string[]> {
  const shards = (await k.send(new ListShardsCommand({ StreamName: stream }))).Shards ?? [];
  const out: string[] = [];
  for (const shard of shards) {
    let iterator = (
      await k.send(
        new GetShardIteratorCommand({
          StreamName: stream,
          ShardId: shard.ShardId,
          ShardIteratorType: 'TRIM_HORIZON',
        }),
      )
    ).ShardIterator;
    for (let i = 0; i < 5 && iterator !== undefined; i++) {
      const page = await k.send(new GetRecordsCommand({ ShardIterator: iterator }));
      for (const r of page.Records ?? []) out.push(`${r.PartitionKey}=${Buffer.from(r.Data!).toString()}`);
      if ((page.Records ?? []).length === 0) break;
      iterator = page.NextShardIterator;
    }
  }
  return out;
}

beforeAll(async () => {
  cluster = await startGatewayNodes(3);
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await cluster?.stop();
});

describe.each([
  ['HTTP/2', false],
  ['HTTP/1.1', true],
])('the AWS SDK over %s', (label, http1) => {
  const stream = `sdk-${http1 ? 'h1' : 'h2'}`;

  test('creates, lists and describes a stream', async () => {
    const k = kinesis(1, http1);
    await createActive(k, stream, 2);
    const list = await k.send(new ListStreamsCommand({}));
    expect(list.StreamNames).toContain(stream);
    const summary = list.StreamSummaries?.find((s) => s.StreamName === stream);
    expect(summary?.StreamARN).toMatch(/:stream\/sdk-/);
    expect(summary?.StreamCreationTimestamp).toBeInstanceOf(Date);
    const d = (await k.send(new DescribeStreamCommand({ StreamName: stream }))).StreamDescription!;
    expect(d.StreamStatus).toBe('ACTIVE');
    expect(d.Shards?.map((s) => s.ShardId)).toEqual(['shardId-000000000000', 'shardId-000000000001']);
    expect(d.Shards?.[0]?.HashKeyRange?.StartingHashKey).toBe('0');
    expect(d.RetentionPeriodHours).toBe(24);
    // By ARN too.
    const byArn = await k.send(new DescribeStreamSummaryCommand({ StreamARN: d.StreamARN }));
    expect(byArn.StreamDescriptionSummary?.OpenShardCount).toBe(2);
    expect(label).toBeTruthy();
  });

  test('puts records and reads them back in order', async () => {
    const k = kinesis(1, http1);
    const one = await k.send(
      new PutRecordCommand({ StreamName: stream, PartitionKey: 'k0', Data: Buffer.from('single') }),
    );
    expect(one.ShardId).toMatch(/^shardId-\d{12}$/);
    expect(one.SequenceNumber).toMatch(/^\d+$/);
    const many = await k.send(
      new PutRecordsCommand({
        StreamName: stream,
        Records: Array.from({ length: 20 }, (_, i) => ({
          PartitionKey: `k${i % 4}`,
          Data: Buffer.from(`v${i}`),
        })),
      }),
    );
    expect(many.FailedRecordCount).toBe(0);
    expect(many.Records).toHaveLength(20);
    expect(many.Records!.every((r) => r.SequenceNumber !== undefined && r.ShardId !== undefined)).toBe(true);
    const read = await readAll(kinesis(2, http1), stream);
    expect(read).toHaveLength(21);
    expect(read).toContain('k0=single');
    // Per partition key, the order written.
    for (let key = 0; key < 4; key++) {
      const values = read.filter((r) => r.startsWith(`k${key}=v`));
      expect(values).toEqual(
        Array.from({ length: 20 }, (_, i) => i)
          .filter((i) => i % 4 === key)
          .map((i) => `k${key}=v${i}`),
      );
    }
  });

  test('answers typed errors', async () => {
    const k = kinesis(1, http1);
    const missing = await k.send(new DescribeStreamCommand({ StreamName: 'no-such-stream' })).catch((e) => e);
    expect(missing).toBeInstanceOf(ResourceNotFoundException);
    expect(missing.$metadata.httpStatusCode).toBe(400);
    expect(missing.message).toMatch(/no-such-stream/);
    const badName = await k
      .send(new CreateStreamCommand({ StreamName: 'bad name!', ShardCount: 1 }))
      .catch((e) => e);
    expect(badName).toBeInstanceOf(ValidationException);
    expect(badName.message).toBe(
      "1 validation error detected: Value 'bad name!' at 'streamName' failed to satisfy constraint: " +
        'Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+',
    );
    const emptyKey = await k
      .send(new PutRecordCommand({ StreamName: stream, PartitionKey: '', Data: Buffer.from('x') }))
      .catch((e) => e);
    expect(emptyKey).toBeInstanceOf(ValidationException);
    const again = await k
      .send(new CreateStreamCommand({ StreamName: stream, ShardCount: 1 }))
      .catch((e) => e);
    expect(again).toBeInstanceOf(ResourceInUseException);
  });
});

test('tags, retention and limits through the SDK', async () => {
  const k = kinesis(3);
  await createActive(k, 'sdk-admin', 1);
  await k.send(new AddTagsToStreamCommand({ StreamName: 'sdk-admin', Tags: { team: 'core', env: 'test' } }));
  await k.send(new RemoveTagsFromStreamCommand({ StreamName: 'sdk-admin', TagKeys: ['env'] }));
  const tags = await k.send(new ListTagsForStreamCommand({ StreamName: 'sdk-admin' }));
  expect(tags.Tags).toEqual([{ Key: 'team', Value: 'core' }]);
  expect(tags.HasMoreTags).toBe(false);
  await k.send(
    new IncreaseStreamRetentionPeriodCommand({ StreamName: 'sdk-admin', RetentionPeriodHours: 48 }),
  );
  const summary = await k.send(new DescribeStreamSummaryCommand({ StreamName: 'sdk-admin' }));
  expect(summary.StreamDescriptionSummary?.RetentionPeriodHours).toBe(48);
  const limits = await k.send(new DescribeLimitsCommand({}));
  expect(limits.OpenShardCount).toBeGreaterThanOrEqual(1);
});

test('records cross between the gateway and the gRPC SDK both ways', async () => {
  const k = kinesis(2);
  await createActive(k, 'sdk-cross', 1);
  const rheo = new RheoClient({ endpoints: [cluster.grpcAddress(3)] });
  try {
    const producer = rheo.producer();
    await producer.send('sdk-cross', { partitionKey: 'grpc', data: Buffer.from('from-grpc') });
    await producer.close();
    await k.send(
      new PutRecordCommand({ StreamName: 'sdk-cross', PartitionKey: 'http', Data: Buffer.from('from-http') }),
    );
    expect(await readAll(kinesis(1), 'sdk-cross')).toEqual(['grpc=from-grpc', 'http=from-http']);
    const iterator = await rheo.getShardIterator('sdk-cross', 'shardId-000000000000', {
      type: 'TRIM_HORIZON',
    });
    const page = await rheo.getRecords('sdk-cross', 'shardId-000000000000', iterator);
    expect(page.records.map((r) => `${r.partitionKey}=${r.data.toString()}`)).toEqual([
      'grpc=from-grpc',
      'http=from-http',
    ]);
  } finally {
    rheo.close();
  }
});

test('SubscribeToShard pushes records to a registered consumer over HTTP/2 event streams', async () => {
  const k = kinesis(1);
  await createActive(k, 'sdk-efo', 1);
  const summary = await k.send(new DescribeStreamSummaryCommand({ StreamName: 'sdk-efo' }));
  const streamArn = summary.StreamDescriptionSummary!.StreamARN!;
  const registered = await k.send(
    new RegisterStreamConsumerCommand({ StreamARN: streamArn, ConsumerName: 'app' }),
  );
  const consumerArn = registered.Consumer!.ConsumerARN!;
  const deadline = Date.now() + 20_000;
  for (;;) {
    const d = await k.send(new DescribeStreamConsumerCommand({ ConsumerARN: consumerArn }));
    if (d.ConsumerDescription?.ConsumerStatus === 'ACTIVE') break;
    if (Date.now() > deadline) throw new Error('consumer not ACTIVE');
    await new Promise((r) => setTimeout(r, 100));
  }
  await k.send(
    new PutRecordCommand({ StreamName: 'sdk-efo', PartitionKey: 'a', Data: Buffer.from('pushed-1') }),
  );
  const subscription = await k.send(
    new SubscribeToShardCommand({
      ConsumerARN: consumerArn,
      ShardId: 'shardId-000000000000',
      StartingPosition: { Type: 'TRIM_HORIZON' },
    }),
  );
  const seen: string[] = [];
  let continuation = '';
  for await (const event of subscription.EventStream!) {
    const e = event.SubscribeToShardEvent;
    if (e === undefined) throw new Error(`unexpected event ${JSON.stringify(event)}`);
    for (const r of e.Records ?? []) seen.push(Buffer.from(r.Data!).toString());
    continuation = e.ContinuationSequenceNumber ?? continuation;
    if (seen.length === 1 && !seen.includes('pushed-2')) {
      await k.send(
        new PutRecordCommand({ StreamName: 'sdk-efo', PartitionKey: 'a', Data: Buffer.from('pushed-2') }),
      );
    }
    if (seen.length >= 2) break;
  }
  expect(seen).toEqual(['pushed-1', 'pushed-2']);
  expect(continuation).toMatch(/^\d+$/);
});

test('resharding through the SDK: split, the parent read to its end names its children, merge, update, delete', async () => {
  const k = kinesis(2);
  await createActive(k, 'sdk-reshard', 1);
  await k.send(
    new PutRecordCommand({ StreamName: 'sdk-reshard', PartitionKey: 'a', Data: Buffer.from('before') }),
  );
  const half = (2n ** 127n).toString();
  await k.send(
    new SplitShardCommand({
      StreamName: 'sdk-reshard',
      ShardToSplit: 'shardId-000000000000',
      NewStartingHashKey: half,
    }),
  );
  await waitActive(k, 'sdk-reshard');
  const shards = (await k.send(new ListShardsCommand({ StreamName: 'sdk-reshard' }))).Shards ?? [];
  expect(shards.map((s) => [s.ShardId, s.ParentShardId])).toEqual([
    ['shardId-000000000000', undefined],
    ['shardId-000000000001', 'shardId-000000000000'],
    ['shardId-000000000002', 'shardId-000000000000'],
  ]);
  expect(shards[0]!.SequenceNumberRange?.EndingSequenceNumber).toMatch(/^\d+$/);
  expect(shards[2]!.HashKeyRange?.StartingHashKey).toBe(half);
  let iterator = (
    await k.send(
      new GetShardIteratorCommand({
        StreamName: 'sdk-reshard',
        ShardId: 'shardId-000000000000',
        ShardIteratorType: 'TRIM_HORIZON',
      }),
    )
  ).ShardIterator;
  const parentRecords: string[] = [];
  let children: string[] = [];
  for (let i = 0; i < 10 && iterator !== undefined; i++) {
    const page = await k.send(new GetRecordsCommand({ ShardIterator: iterator }));
    parentRecords.push(...(page.Records ?? []).map((r) => Buffer.from(r.Data!).toString()));
    children = (page.ChildShards ?? []).map((c) => c.ShardId!);
    iterator = page.NextShardIterator;
  }
  expect(iterator).toBeUndefined();
  expect(parentRecords).toEqual(['before']);
  expect(children).toEqual(['shardId-000000000001', 'shardId-000000000002']);
  await k.send(
    new MergeShardsCommand({
      StreamName: 'sdk-reshard',
      ShardToMerge: 'shardId-000000000001',
      AdjacentShardToMerge: 'shardId-000000000002',
    }),
  );
  await waitActive(k, 'sdk-reshard');
  const update = await k.send(
    new UpdateShardCountCommand({
      StreamName: 'sdk-reshard',
      TargetShardCount: 2,
      ScalingType: 'UNIFORM_SCALING',
    }),
  );
  expect([update.CurrentShardCount, update.TargetShardCount]).toEqual([1, 2]);
  await waitActive(k, 'sdk-reshard');
  const monitoring = await k.send(
    new EnableEnhancedMonitoringCommand({ StreamName: 'sdk-reshard', ShardLevelMetrics: ['IncomingBytes'] }),
  );
  expect(monitoring.DesiredShardLevelMetrics).toEqual(['IncomingBytes']);
  const described = await k.send(new DescribeStreamSummaryCommand({ StreamName: 'sdk-reshard' }));
  expect(described.StreamDescriptionSummary?.EnhancedMonitoring).toEqual([
    { ShardLevelMetrics: ['IncomingBytes'] },
  ]);
  await k.send(new DeleteStreamCommand({ StreamName: 'sdk-reshard' }));
  const deadline = Date.now() + 20_000;
  for (;;) {
    const gone = await k
      .send(new DescribeStreamSummaryCommand({ StreamName: 'sdk-reshard' }))
      .catch((e) => e);
    if (gone instanceof ResourceNotFoundException) break;
    if (Date.now() > deadline) throw new Error('sdk-reshard not deleted');
    await new Promise((r) => setTimeout(r, 100));
  }
});

test('with access keys configured, signatures are verified (HTTP/2 and HTTP/1.1)', async () => {
  const gateway = await startGateway({
    host: '127.0.0.1',
    port: 0,
    endpoints: [cluster.grpcAddress(1)],
    accessKeys: { AKIDRHEO: 'the-secret' },
  });
  const own: KinesisClient[] = [];
  const client = (accessKeyId: string, secretAccessKey: string, http1: boolean) => {
    const k = new KinesisClient({
      endpoint: `http://${gateway.address}`,
      region: 'eu-west-1',
      credentials: { accessKeyId, secretAccessKey },
      maxAttempts: 1,
      ...(http1 ? { requestHandler: new NodeHttpHandler() } : {}),
    });
    own.push(k);
    return k;
  };
  try {
    for (const http1 of [false, true]) {
      const list = await client('AKIDRHEO', 'the-secret', http1).send(new ListStreamsCommand({ Limit: 5 }));
      expect(list.HasMoreStreams).toBeTypeOf('boolean');
      const wrong = await client('AKIDRHEO', 'not-the-secret', http1)
        .send(new ListStreamsCommand({}))
        .catch((e) => e);
      expect(wrong.name).toBe('InvalidSignatureException');
      expect(wrong.$metadata.httpStatusCode).toBe(400);
      const unknown = await client('AKIDOTHER', 'the-secret', http1)
        .send(new ListStreamsCommand({}))
        .catch((e) => e);
      expect(unknown.name).toBe('UnrecognizedClientException');
    }
  } finally {
    for (const k of own) k.destroy();
    await gateway.close();
  }
});
