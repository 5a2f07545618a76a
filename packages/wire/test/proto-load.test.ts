// Proves the contract loads end to end: every service and method that later
// issues build on exists with the expected streaming shape, the proto
// directory resolves (and a wrong override fails clearly), and a real gRPC
// server on 127.0.0.1 and a client built from the loaded definition talk:
// a unary call (64-bit numbers as numbers, enums as names, bytes as
// Buffers), a failure whose ErrorDetail travels in the `rheo-error-bin`
// trailer, and a bidirectional Produce stream answered by request id.
import * as grpc from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { pb } from '../src/proto.js';
import {
  errorDetailFromMetadata,
  errorDetailMetadataKey,
  errorDetailToMetadata,
  grpcChannelOptions,
  loadRheoPackageDefinition,
  loadRheoProto,
  protoDirEnv,
  resolveProtoDir,
} from '../src/proto.js';

type Shape = 'unary' | 'server-stream' | 'client-stream' | 'bidi';

// The contract's services and methods, as later issues rely on them.
const expected: Record<string, Record<string, Shape>> = {
  StreamAdmin: Object.fromEntries(
    [
      'CreateStream',
      'DeleteStream',
      'DescribeStream',
      'DescribeStreamSummary',
      'ListStreams',
      'ListShards',
      'SplitShard',
      'MergeShards',
      'UpdateShardCount',
      'UpdateStreamMode',
      'IncreaseStreamRetentionPeriod',
      'DecreaseStreamRetentionPeriod',
      'AddTagsToStream',
      'RemoveTagsFromStream',
      'ListTagsForStream',
      'TagResource',
      'UntagResource',
      'ListTagsForResource',
      'RegisterStreamConsumer',
      'DeregisterStreamConsumer',
      'ListStreamConsumers',
      'DescribeStreamConsumer',
      'StartStreamEncryption',
      'StopStreamEncryption',
      'EnableEnhancedMonitoring',
      'DisableEnhancedMonitoring',
      'DescribeLimits',
    ].map((m) => [m, 'unary' as Shape]),
  ),
  StreamData: {
    PutRecord: 'unary',
    PutRecords: 'unary',
    Produce: 'bidi',
    GetShardIterator: 'unary',
    GetRecords: 'unary',
    SubscribeToShard: 'server-stream',
  },
  ConsumerGroups: {
    CreateConsumerGroup: 'unary',
    DeleteConsumerGroup: 'unary',
    ListConsumerGroups: 'unary',
    DescribeConsumerGroup: 'unary',
    AcquireLeases: 'unary',
    RenewLeases: 'unary',
    ReleaseLeases: 'unary',
    Checkpoint: 'unary',
  },
  Cluster: {
    DescribeCluster: 'unary',
    GetShardMap: 'unary',
    DrainNode: 'unary',
    UndrainNode: 'unary',
    RemoveNode: 'unary',
  },
  RaftTransport: { Exchange: 'bidi' },
  ControllerHeartbeat: { RegisterNode: 'unary', Heartbeat: 'unary', FetchMetadata: 'unary' },
};

function shapeOf(method: { requestStream: boolean; responseStream: boolean }): Shape {
  if (method.requestStream) return method.responseStream ? 'bidi' : 'client-stream';
  return method.responseStream ? 'server-stream' : 'unary';
}

describe('rheo.v1 package definition', () => {
  test('has exactly the expected services, methods and shapes', () => {
    const definition = loadRheoPackageDefinition();
    const services = Object.keys(definition)
      .filter((name) => 'format' in (definition[name] ?? {}) === false)
      .sort();
    expect(services).toEqual(
      Object.keys(expected)
        .map((s) => `rheo.v1.${s}`)
        .sort(),
    );
    for (const [service, methods] of Object.entries(expected)) {
      const actual = definition[`rheo.v1.${service}`] as grpc.ServiceDefinition;
      // The definition's keys are the methods' names as the .proto spells them.
      const shapes = Object.fromEntries(Object.entries(actual).map(([name, m]) => [name, shapeOf(m)]));
      expect(shapes, service).toEqual(methods);
    }
  });

  test('the proto directory can be overridden; one without the files is refused clearly', () => {
    expect(loadRheoProto({ protoDir: resolveProtoDir() }).rheo.v1.StreamData.service).toBeDefined();
    expect(() => resolveProtoDir({ protoDir: '/nonexistent' })).toThrow(
      /not in \/nonexistent.*RHEO_PROTO_DIR/,
    );
    const saved = process.env[protoDirEnv];
    process.env[protoDirEnv] = '/nonexistent-env';
    try {
      expect(() => resolveProtoDir()).toThrow(/not in \/nonexistent-env/);
    } finally {
      if (saved === undefined) delete process.env[protoDirEnv];
      else process.env[protoDirEnv] = saved;
    }
  });

  test('ErrorDetail survives a trip through metadata; a garbled trailer reads as none', () => {
    const md = errorDetailToMetadata({
      reason: 'NotLeader',
      leaderNodeId: 3,
      leaderAddress: '10.0.0.3:7100',
    });
    expect(errorDetailFromMetadata(md)).toMatchObject({
      reason: 'NotLeader',
      leaderNodeId: 3,
      retryable: false,
    });
    const garbled = new grpc.Metadata();
    garbled.set(errorDetailMetadataKey, Buffer.from([0xff, 0xff, 0xff]));
    expect(errorDetailFromMetadata(garbled)).toBeUndefined();
    expect(errorDetailFromMetadata(new grpc.Metadata())).toBeUndefined();
  });
});

describe('a client and a server built from the loaded contract', () => {
  const proto = loadRheoProto();
  const server = new grpc.Server(grpcChannelOptions);
  let cluster: InstanceType<typeof proto.rheo.v1.Cluster>;
  let data: InstanceType<typeof proto.rheo.v1.StreamData>;

  beforeAll(async () => {
    const clusterHandlers: Partial<pb.ClusterHandlers> = {
      GetShardMap: (call, callback) => {
        callback(null, {
          epoch: call.request.knownEpoch + 1,
          streams: [
            {
              streamName: 's',
              streamStatus: 'STREAM_STATUS_ACTIVE',
              shards: [{ shardId: 'shardId-0', groupId: 2 ** 40 }],
            },
          ],
        });
      },
      DrainNode: (_call, callback) => {
        const detail = { reason: 'ResourceNotFound', message: 'no node 9', field: 'node_id' };
        callback({
          code: grpc.status.NOT_FOUND,
          details: 'no node 9',
          metadata: errorDetailToMetadata(detail),
        });
      },
    };
    const dataHandlers: Partial<pb.StreamDataHandlers> = {
      Produce: (call) => {
        call.write({ requestId: 0, window: { inflightBytesMax: 1 << 20, inflightBatchesMax: 8 } });
        call.on('data', (req: pb.ProduceRequest__Output) => {
          const batch = req.batch?.recordBatch ?? Buffer.alloc(0);
          call.write({
            requestId: req.requestId,
            result: { shardId: req.batch?.shardId ?? '', recordCount: batch.length },
          });
        });
        call.on('end', () => call.end());
      },
    };
    // Handlers left out answer UNIMPLEMENTED, which is all this test needs of them.
    server.addService(proto.rheo.v1.Cluster.service, clusterHandlers as grpc.UntypedServiceImplementation);
    server.addService(proto.rheo.v1.StreamData.service, dataHandlers as grpc.UntypedServiceImplementation);
    const port = await new Promise<number>((resolve, reject) => {
      server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (err, p) =>
        err ? reject(err) : resolve(p),
      );
    });
    const address = `127.0.0.1:${port}`;
    cluster = new proto.rheo.v1.Cluster(address, grpc.credentials.createInsecure(), grpcChannelOptions);
    data = new proto.rheo.v1.StreamData(address, grpc.credentials.createInsecure(), grpcChannelOptions);
  });

  afterAll(async () => {
    cluster?.close();
    data?.close();
    await new Promise<void>((resolve) => server.tryShutdown(() => resolve()));
  });

  test('unary call: 64-bit numbers as numbers, enums as names, defaults filled', async () => {
    const res = await new Promise<pb.GetShardMapResponse__Output>((resolve, reject) =>
      cluster.getShardMap({ knownEpoch: 41 }, (err, value) => (err || !value ? reject(err) : resolve(value))),
    );
    expect(res.epoch).toBe(42);
    expect(res.unchanged).toBe(false);
    const stream = res.streams[0];
    expect(stream?.streamStatus).toBe('STREAM_STATUS_ACTIVE');
    expect(stream?.shards[0]).toMatchObject({
      shardId: 'shardId-0',
      groupId: 2 ** 40,
      open: false,
      leaderNodeId: 0,
    });
    expect(stream?.shards[0]?.hashKeyRange).toBeNull();
  });

  test('a failed call carries its ErrorDetail in the rheo-error-bin trailer', async () => {
    const err = await new Promise<grpc.ServiceError>((resolve) =>
      cluster.drainNode({ nodeId: 9 }, (e) => resolve(e as grpc.ServiceError)),
    );
    expect(err.code).toBe(grpc.status.NOT_FOUND);
    expect(errorDetailFromMetadata(err.metadata)).toMatchObject({
      reason: 'ResourceNotFound',
      message: 'no node 9',
      field: 'node_id',
    });
  });

  test('Produce stream: a window first, then answers matched by request id, bytes as Buffer', async () => {
    const call = data.produce();
    const answers: pb.ProduceResponse__Output[] = [];
    const done = new Promise<void>((resolve, reject) => {
      call.on('data', (msg: pb.ProduceResponse__Output) => answers.push(msg));
      call.on('end', resolve);
      call.on('error', reject);
    });
    call.write({ requestId: 1, batch: { shardId: 'shardId-1', recordBatch: Buffer.alloc(7) } });
    call.write({ requestId: 2, batch: { shardId: 'shardId-2', recordBatch: Buffer.alloc(9) } });
    call.end();
    await done;
    expect(answers[0]).toMatchObject({
      requestId: 0,
      window: { inflightBytesMax: 1 << 20, inflightBatchesMax: 8 },
    });
    expect(answers[0]?.outcome).toBeUndefined();
    expect(
      answers.slice(1).map((a) => [a.requestId, a.outcome, a.result?.shardId, a.result?.recordCount]),
    ).toEqual([
      [1, 'result', 'shardId-1', 7],
      [2, 'result', 'shardId-2', 9],
    ]);
  });
});
