// A bare gRPC client for the service tests: the contract's generated
// clients (no SDK, which the server may not import), promise-returning
// unary calls, and the failure of a call read back as status + ErrorDetail.
import * as grpc from '@grpc/grpc-js';
import {
  decodeBatch,
  encodeBatch,
  errorDetailFromMetadata,
  grpcChannelOptions,
  loadRheoProto,
  type pb,
  type RecordInput,
  readBatchStamp,
  recordSequenceNumber,
  splitBatches,
} from '@rheo/wire';
import { expect } from 'vitest';

export interface NodeClients {
  readonly address: string;
  readonly data: pb.StreamDataClient;
  readonly cluster: pb.ClusterClient;
  readonly admin: pb.StreamAdminClient;
  close(): void;
}

export function clientsFor(
  address: string,
  creds: grpc.ChannelCredentials = grpc.credentials.createInsecure(),
): NodeClients {
  const v1 = loadRheoProto().rheo.v1;
  const data = new v1.StreamData(address, creds, grpcChannelOptions);
  const cluster = new v1.Cluster(address, creds, grpcChannelOptions);
  const admin = new v1.StreamAdmin(address, creds, grpcChannelOptions);
  return {
    address,
    data,
    cluster,
    admin,
    close() {
      data.close();
      cluster.close();
      admin.close();
    },
  };
}

/** A failed call: its status, details text and the decoded `rheo-error-bin` trailer. */
export class CallFailure extends Error {
  constructor(
    readonly code: grpc.status,
    readonly details: string,
    readonly detail: pb.ErrorDetail__Output | undefined,
  ) {
    super(`${grpc.status[code]}: ${details}`);
  }
}

/** Calls unary `method` of `client` by name; rejects with a CallFailure. */
function callRaw<Res>(client: grpc.Client, method: string, req: unknown, deadlineMs: number): Promise<Res> {
  return new Promise((resolve, reject) => {
    const fn = (client as unknown as Record<string, (...args: unknown[]) => unknown>)[method]!;
    fn.call(
      client,
      req,
      { deadline: Date.now() + deadlineMs },
      (err: grpc.ServiceError | null, res?: Res) => {
        if (err !== null)
          reject(new CallFailure(err.code, err.details, errorDetailFromMetadata(err.metadata)));
        else resolve(res!);
      },
    );
  });
}

const DEADLINE_MS = 15_000;

export const rpc = {
  putRecord: (c: NodeClients, req: pb.PutRecordRequest) =>
    callRaw<pb.PutRecordResponse__Output>(c.data, 'PutRecord', req, DEADLINE_MS),
  putRecords: (c: NodeClients, req: pb.PutRecordsRequest) =>
    callRaw<pb.PutRecordsResponse__Output>(c.data, 'PutRecords', req, DEADLINE_MS),
  getShardIterator: (c: NodeClients, req: pb.GetShardIteratorRequest) =>
    callRaw<pb.GetShardIteratorResponse__Output>(c.data, 'GetShardIterator', req, DEADLINE_MS),
  getRecords: (c: NodeClients, req: pb.GetRecordsRequest) =>
    callRaw<pb.GetRecordsResponse__Output>(c.data, 'GetRecords', req, DEADLINE_MS),
  getShardMap: (c: NodeClients, req: pb.GetShardMapRequest) =>
    callRaw<pb.GetShardMapResponse__Output>(c.cluster, 'GetShardMap', req, DEADLINE_MS),
  describeCluster: (c: NodeClients) =>
    callRaw<pb.DescribeClusterResponse__Output>(c.cluster, 'DescribeCluster', {}, DEADLINE_MS),
  createStream: (c: NodeClients, req: pb.CreateStreamRequest) =>
    callRaw<pb.CreateStreamResponse__Output>(c.admin, 'CreateStream', req, DEADLINE_MS),
};

/** Expects `p` to fail with `code` and an ErrorDetail of `reason` (and `field` when given). */
export async function expectFailure(
  p: Promise<unknown>,
  code: grpc.status,
  reason: string,
  field?: string,
): Promise<CallFailure> {
  let failure: unknown;
  try {
    await p;
  } catch (err) {
    failure = err;
  }
  expect(failure, `expected ${reason}`).toBeInstanceOf(CallFailure);
  const f = failure as CallFailure;
  expect({ code: grpc.status[f.code], reason: f.detail?.reason }).toEqual({
    code: grpc.status[code],
    reason,
  });
  if (field !== undefined) expect(f.detail?.field).toBe(field);
  expect(f.detail?.message).toBe(f.details);
  return f;
}

/** `count` records `${tag}-${i}`, partition keys spread over the key space. */
export function records(tag: string, count: number, dataBytes = 16): RecordInput[] {
  return Array.from({ length: count }, (_, i) => ({
    partitionKey: `${tag}-key-${i}`,
    data: Buffer.from(`${tag}-${i}-`.padEnd(dataBytes, '.')),
  }));
}

export const batchOf = (recs: readonly RecordInput[]): Buffer => encodeBatch(recs);

export interface ReadRecord {
  readonly sequenceNumber: string;
  readonly data: string;
  readonly partitionKey: string;
}

/** The records a GetRecords answer delivers, with their sequence numbers. */
export function delivered(res: pb.GetRecordsResponse__Output): ReadRecord[] {
  const out: ReadRecord[] = [];
  let skip = res.firstBatchSkipRecords;
  let left = res.recordCount;
  for (const element of res.storedBatches) {
    for (const batch of splitBatches(element)) {
      const recs = decodeBatch(batch);
      const stamp = readBatchStamp(batch)!;
      recs.forEach((r, i) => {
        if (skip > 0) {
          skip--;
          return;
        }
        if (left <= 0) return;
        left--;
        out.push({
          sequenceNumber: recordSequenceNumber(stamp, i).toString(),
          data: r.data.toString(),
          partitionKey: r.partitionKey,
        });
      });
    }
  }
  return out;
}
