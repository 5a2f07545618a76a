// A ServiceContext around a fake replica whose writes the test answers by
// hand, on a real gRPC server: the Produce window, backpressure, stop and
// failure paths become deterministic (nothing depends on how fast a real
// shard commits).
import type { ProduceAck, ReplicaHost, ShardReplica } from '@rheo/broker';
import { freePorts, LOOPBACK } from '@rheo/testkit';
import { iteratorTtlMs } from '@rheo/wire';
import {
  CallTracker,
  createLogger,
  deriveIteratorSecret,
  type GrpcServerHandle,
  InflightBudget,
  loadConfig,
  NodeDirectory,
  registerServices,
  type ServiceContext,
  StreamCatalog,
  startGrpcServer,
} from '../src/index.js';
import { clientsFor, type NodeClients } from './grpc-test-client.js';
import { TEST_SECRET } from './node-harness.js';

export interface PendingWrite {
  readonly bytes: number;
  resolve(ack?: Partial<ProduceAck>): void;
  reject(err: unknown): void;
}

export interface FakeNode {
  readonly ctx: ServiceContext;
  readonly client: NodeClients;
  /** Writes the fake replica was handed, oldest first, not yet answered by the test. */
  readonly pending: PendingWrite[];
  /** Log lines the node wrote (JSON). */
  readonly logLines: string[];
  /** Makes the next produce() throw this synchronously (a bug in the replica). */
  throwNext(err: unknown): void;
  stop(): Promise<void>;
}

export interface FakeNodeOptions {
  readonly nodeBytesMax: number;
  readonly windowBytesMax: number;
  readonly windowBatchesMax: number;
}

export async function startFakeNode(o: FakeNodeOptions): Promise<FakeNode> {
  const [port] = await freePorts(1);
  const config = loadConfig({
    argv: [
      '--node-id',
      '1',
      '--roles',
      'broker',
      '--grpc-listen',
      `${LOOPBACK}:${port}`,
      '--streams',
      's:1:1',
    ],
    env: { RHEO_CLUSTER_SECRET: TEST_SECRET },
  });
  const pending: PendingWrite[] = [];
  const logLines: string[] = [];
  let toThrow: unknown;
  let sequence = 0n;
  const replica = {
    // No limits here: the services only hand the stream's overrides on (limits tests use real nodes).
    throttle: { useStreamLimits: () => {} },
    produce(batch: Uint8Array): Promise<ProduceAck> {
      if (toThrow !== undefined) {
        const e = toThrow;
        toThrow = undefined;
        throw e;
      }
      return new Promise((resolve, reject) => {
        pending.push({
          bytes: batch.length,
          resolve: (ack = {}) =>
            resolve({
              shardId: 'shardId-000000000000',
              firstSequenceNumber: String(++sequence),
              recordCount: 1,
              arrivalTimestampMs: 1,
              duplicate: false,
              ...ack,
            }),
          reject,
        });
      });
    },
  } as unknown as ShardReplica;
  const host = { replica: () => replica, replicas: () => [][Symbol.iterator]() } as unknown as ReplicaHost;
  const logger = createLogger({
    nodeId: 1,
    level: 'info',
    destination: { write: (line: string) => logLines.push(line) },
  });
  const ctx: ServiceContext = {
    nodeId: 1,
    clusterId: 'rheo',
    rack: '',
    directory: new NodeDirectory(config),
    log: logger.log,
    catalog: new StreamCatalog('rheo', config.streams),
    host,
    budget: new InflightBudget(o.nodeBytesMax),
    window: { inflightBytesMax: o.windowBytesMax, inflightBatchesMax: o.windowBatchesMax },
    iteratorSecret: deriveIteratorSecret(TEST_SECRET),
    iteratorTtlMs,
    calls: new CallTracker(),
    transportStats: () => ({ peers: [], drops: {} as never, refused: 0 }),
    nowMs: Date.now,
  };
  const server: GrpcServerHandle = await startGrpcServer(config.grpcListen, (s) => registerServices(s, ctx));
  const client = clientsFor(server.address);
  return {
    ctx,
    client,
    pending,
    logLines,
    throwNext: (err) => {
      toThrow = err;
    },
    async stop() {
      client.close();
      server.server.forceShutdown();
    },
  };
}
