// A scripted stand-in for Rheo nodes: real @grpc/grpc-js servers on
// 127.0.0.1 serving the contract's Cluster and StreamData services from one
// shared in-memory state. It exists to test the CLIENT (routing, retries,
// ordering, idempotent retries, flow control), not the broker: writes are
// kept in memory, the idempotent-producer table follows the broker's rules
// (new / duplicate / gap / fenced), and faults are injected per batch by a
// test-supplied script.
import * as grpc from '@grpc/grpc-js';
import {
  decodeBatch,
  errorDetailToMetadata,
  evenHashRanges,
  loadRheoProto,
  type pb,
  RheoError,
  readBatchStamp,
  sequenceNumber,
  stampBatch,
  toErrorDetail,
  validateClientBatch,
} from '@rheo/wire';

export interface StoredBatch {
  readonly bytes: Uint8Array;
  readonly firstSequence: bigint;
  readonly count: number;
}

interface ProducerState {
  epoch: number;
  last: number;
  readonly acks: Map<number, pb.PutRecordsResponse>;
}

export interface FakeShard {
  readonly shardId: string;
  leaderNode: number;
  readonly batches: StoredBatch[];
  readonly producers: Map<string, ProducerState>;
  recordCount: number;
}

/** What the script decides for one batch arriving at a node. */
export type Fault =
  | undefined
  /** Answer with this error and write nothing. */
  | { readonly kind: 'error'; readonly error: RheoError }
  /** Write the batch, then answer OutcomeUnknown (the answer was "lost"). */
  | { readonly kind: 'write-then-unknown' }
  /** Write the batch, then break the whole Produce stream. */
  | { readonly kind: 'write-then-break' }
  /** Write nothing and never answer (a hung node). */
  | { readonly kind: 'silence' };

export interface BatchArrival {
  readonly node: number;
  readonly shardId: string;
  readonly request: pb.PutRecordsRequest__Output;
  readonly via: 'produce' | 'unary';
}

export class FakeCluster {
  readonly servers: grpc.Server[] = [];
  readonly addresses: string[] = [];
  readonly shards: FakeShard[] = [];
  readonly arrivals: BatchArrival[] = [];
  epoch = 1;
  shardMapCalls = 0;
  script: (arrival: BatchArrival) => Fault = () => undefined;
  window: pb.ProduceWindow = { inflightBytesMax: 64 * 1024 * 1024, inflightBatchesMax: 64 };
  /** How long a Produce answer takes (0: the next turn), as a replicated write's round trip would. */
  answerDelayMs = 0;
  /** Most batches seen in flight at once on one Produce stream. */
  inflightSeenMax = 0;
  produceServed = true;
  /** Nodes whose shard map names no leaders (they host none of the shards, as before a controller). */
  readonly leaderlessMapNodes = new Set<number>();
  private entryIndex = 1;

  constructor(
    readonly streamName: string,
    shardCount: number,
  ) {
    evenHashRanges(shardCount).forEach((_range, i) => {
      this.shards.push({
        shardId: `shardId-${String(i).padStart(12, '0')}`,
        leaderNode: 0,
        batches: [],
        producers: new Map(),
        recordCount: 0,
      });
    });
  }

  static async start(streamName: string, shardCount: number, nodeCount: number): Promise<FakeCluster> {
    const cluster = new FakeCluster(streamName, shardCount);
    cluster.shards.forEach((s, i) => {
      s.leaderNode = i % nodeCount;
    });
    for (let n = 0; n < nodeCount; n++) await cluster.startNode(n);
    return cluster;
  }

  shard(shardId: string): FakeShard {
    const shard = this.shards.find((s) => s.shardId === shardId);
    if (shard === undefined) throw new Error(`no shard ${shardId}`);
    return shard;
  }

  /** Moves a shard's leadership without telling clients (they learn by NotLeader). */
  moveLeader(shardId: string, node: number, bumpEpoch = true): void {
    this.shard(shardId).leaderNode = node;
    if (bumpEpoch) this.epoch++;
  }

  /** Every stored record of a shard, in log order. */
  records(shardId: string): { partitionKey: string; data: Buffer; sequence: bigint }[] {
    const out: { partitionKey: string; data: Buffer; sequence: bigint }[] = [];
    for (const b of this.shard(shardId).batches) {
      for (const [i, r] of decodeBatch(b.bytes).entries())
        out.push({ ...r, sequence: b.firstSequence + BigInt(i) });
    }
    return out;
  }

  stop(): Promise<void> {
    // Streams a test left open would hold tryShutdown: cut them.
    for (const s of this.servers) s.forceShutdown();
    return Promise.resolve();
  }

  private async startNode(node: number): Promise<void> {
    const server = new grpc.Server();
    const v1 = loadRheoProto().rheo.v1;
    server.addService(v1.Cluster.service, { GetShardMap: this.getShardMap(node) });
    const data: Partial<pb.StreamDataHandlers> = {
      PutRecords: (call, callback) => {
        const arrival: BatchArrival = {
          node,
          shardId: call.request.shardId,
          request: call.request,
          via: 'unary',
        };
        const answer = this.write(arrival, this.script(arrival));
        if (answer instanceof RheoError) callback(serviceError(answer));
        else callback(null, answer);
      },
      GetShardIterator: (call, callback) => callback(null, { shardIterator: `${call.request.shardId}:0` }),
      GetRecords: (call, callback) => callback(null, this.read(call.request)),
    };
    if (this.produceServed) data.Produce = (call) => this.produce(node, call);
    server.addService(v1.StreamData.service, data as grpc.UntypedServiceImplementation);
    const port = await new Promise<number>((resolve, reject) =>
      server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (err, p) =>
        err === null ? resolve(p) : reject(err),
      ),
    );
    this.servers.push(server);
    this.addresses.push(`127.0.0.1:${port}`);
  }

  private getShardMap(
    node: number,
  ): grpc.handleUnaryCall<pb.GetShardMapRequest__Output, pb.GetShardMapResponse> {
    return (call, callback) => {
      this.shardMapCalls++;
      if (call.request.knownEpoch === this.epoch)
        return callback(null, { epoch: this.epoch, unchanged: true });
      const ranges = evenHashRanges(this.shards.length);
      callback(null, {
        epoch: this.epoch,
        streams: [
          {
            streamName: this.streamName,
            streamArn: `arn:rheo:kinesis:test:stream/${this.streamName}`,
            streamStatus: 'STREAM_STATUS_ACTIVE',
            shards: this.shards.map((s, i) => ({
              shardId: s.shardId,
              hashKeyRange: {
                startingHashKey: String(ranges[i]!.start),
                endingHashKey: String(ranges[i]!.end),
              },
              open: true,
              groupId: i + 2,
              replicaNodeIds: this.addresses.map((_a, n) => n + 1),
              leaderNodeId: this.leaderlessMapNodes.has(node) ? 0 : s.leaderNode + 1,
              leaderTerm: 1,
            })),
          },
        ],
        nodes: this.addresses.map((address, n) => ({ nodeId: n + 1, address })),
      });
    };
  }

  private produce(
    node: number,
    call: grpc.ServerDuplexStream<pb.ProduceRequest__Output, pb.ProduceResponse>,
  ): void {
    let inflight = 0;
    let broken = false;
    call.write({ requestId: 0, window: this.window });
    call.on('data', (message: pb.ProduceRequest__Output) => {
      inflight++;
      this.inflightSeenMax = Math.max(this.inflightSeenMax, inflight);
      const request = message.batch!;
      const arrival: BatchArrival = { node, shardId: request.shardId, request, via: 'produce' };
      // Answer on a later turn, so several batches can be in flight at once.
      const later = (fn: () => void) =>
        this.answerDelayMs > 0 ? setTimeout(fn, this.answerDelayMs) : setImmediate(fn);
      later(() => {
        inflight--;
        if (broken) return;
        const fault = this.script(arrival);
        if (fault?.kind === 'silence') return;
        if (fault?.kind === 'write-then-break') {
          this.write(arrival, undefined);
          // Ends the stream with the answers still owed: the client sees the stream end early.
          broken = true;
          call.end();
          return;
        }
        const answer = this.write(arrival, fault);
        if (answer instanceof RheoError)
          call.write({ requestId: message.requestId, error: toErrorDetail(answer) });
        else call.write({ requestId: message.requestId, result: answer });
      });
    });
    call.on('end', () => call.end());
    call.on('error', () => undefined);
  }

  /** Applies one batch with the broker's leader and idempotence rules; returns the answer. */
  private write(arrival: BatchArrival, fault: Fault): pb.PutRecordsResponse | RheoError {
    this.arrivals.push(arrival);
    if (fault?.kind === 'error') return fault.error;
    const shard = this.shard(arrival.shardId);
    if (shard.leaderNode !== arrival.node) {
      return new RheoError('NotLeader', `node ${arrival.node + 1} does not lead ${shard.shardId}`, {
        leaderHint: this.addresses[shard.leaderNode]!,
        leaderNodeId: shard.leaderNode + 1,
      });
    }
    const r = arrival.request;
    const p = r.producerId === '' ? undefined : shard.producers.get(r.producerId);
    if (p !== undefined && r.producerEpoch < p.epoch)
      return new RheoError('InvalidArgument', 'fenced', { field: 'producer_epoch' });
    if (p !== undefined && r.producerEpoch === p.epoch) {
      const seen = p.acks.get(r.batchSequence);
      if (seen !== undefined) return { ...seen, duplicate: true };
      if (r.batchSequence > p.last + 1)
        return new RheoError('InvalidArgument', `gap: expected ${p.last + 1}`, { field: 'batch_sequence' });
      if (r.batchSequence <= p.last)
        return new RheoError('InvalidArgument', 'stale', { field: 'batch_sequence' });
    }
    const info = validateClientBatch(r.recordBatch);
    const bytes = Uint8Array.from(r.recordBatch);
    const firstSequence = sequenceNumber(0n, this.entryIndex++, 0);
    stampBatch(bytes, { firstSequence, arrivalMs: Date.now() });
    shard.batches.push({ bytes, firstSequence, count: info.recordCount });
    shard.recordCount += info.recordCount;
    const answer: pb.PutRecordsResponse = {
      shardId: shard.shardId,
      firstSequenceNumber: String(readBatchStamp(bytes)!.firstSequence),
      recordCount: info.recordCount,
      arrivalTimestampMs: Date.now(),
    };
    if (r.producerId !== '') {
      const state =
        p !== undefined && p.epoch === r.producerEpoch
          ? p
          : { epoch: r.producerEpoch, last: 0, acks: new Map() };
      state.last = r.batchSequence;
      state.acks.set(r.batchSequence, answer);
      shard.producers.set(r.producerId, state);
    }
    if (fault?.kind === 'write-then-unknown') return new RheoError('OutcomeUnknown', 'scripted: answer lost');
    return answer;
  }

  /** Iterator "shardId:position"; answers whole stored batches with a skip count, like the broker. */
  private read(request: pb.GetRecordsRequest__Output): pb.GetRecordsResponse {
    const [shardId, at] = request.shardIterator.split(':') as [string, string];
    const shard = this.shard(shardId);
    const limit = request.limit === 0 ? 10_000 : request.limit;
    let position = Number(at);
    let skip = 0;
    let seen = 0;
    const stored: Uint8Array[] = [];
    let count = 0;
    for (const b of shard.batches) {
      if (seen + b.count <= position) {
        seen += b.count;
        continue;
      }
      if (count >= limit) break;
      if (stored.length === 0) skip = position - seen;
      stored.push(b.bytes);
      count += Math.min(b.count - (stored.length === 1 ? skip : 0), limit - count);
      seen += b.count;
    }
    position += count;
    return {
      storedBatches: stored.length === 0 ? [] : [Buffer.concat(stored)],
      firstBatchSkipRecords: skip,
      recordCount: count,
      nextShardIterator: `${shardId}:${position}`,
      millisBehindLatest: position < shard.recordCount ? 1 : 0,
    };
  }
}

function serviceError(err: RheoError): Partial<grpc.ServiceError> {
  return { code: err.grpcStatus, details: err.message, metadata: errorDetailToMetadata(toErrorDetail(err)) };
}

/** A port nothing listens on (bound, then released). */
export async function deadAddress(): Promise<string> {
  const server = new grpc.Server();
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (err, p) =>
      err === null ? resolve(p) : reject(err),
    ),
  );
  server.forceShutdown();
  return `127.0.0.1:${port}`;
}
