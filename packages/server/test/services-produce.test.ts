// Proves the Produce stream's protocol and the node's bounds, against the
// real services on a real gRPC server over a fake replica that the test
// answers by hand (fake-context.ts), so every case is deterministic:
// - the window comes first; many batches ride in flight at once and each
//   answer carries its request id, in the order the replica answers;
// - a batch past the stream's window (batches or bytes) is answered
//   Backpressure, retryable, and the stream stays open and usable;
// - the node's in-flight bound spans streams and unary calls, and pressure
//   shrinks every stream's window (a window-only message) and restores it;
// - an error about one batch travels in its answer; a broken request id
//   ends the stream with InvalidArgument; a replica that throws becomes
//   Internal (logged), and the node goes on serving;
// - a stopping node refuses new calls and batches (Unavailable), answers
//   the batches in flight, then ends the stream; a half-closed stream ends
//   once its batches are answered.
import * as grpc from '@grpc/grpc-js';
import { errorDetailFromMetadata, type pb, RheoError } from '@rheo/wire';
import { afterEach, describe, expect, test } from 'vitest';
import { type FakeNode, type FakeNodeOptions, startFakeNode } from './fake-context.js';
import { expectFailure, rpc } from './grpc-test-client.js';

const SHARD = 'shardId-000000000000';
let node: FakeNode | undefined;
afterEach(async () => {
  await node?.stop();
  node = undefined;
});

async function start(o: Partial<FakeNodeOptions> = {}): Promise<FakeNode> {
  node = await startFakeNode({ nodeBytesMax: 1 << 20, windowBytesMax: 1 << 20, windowBatchesMax: 3, ...o });
  return node;
}

function batch(bytes: number, streamName = 's'): pb.PutRecordsRequest {
  return { streamName, shardId: SHARD, recordBatch: Buffer.alloc(bytes, 1) };
}

async function until(what: string, cond: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

class Stream {
  readonly messages: pb.ProduceResponse__Output[] = [];
  readonly status: Promise<grpc.StatusObject>;
  private readonly call: grpc.ClientDuplexStream<pb.ProduceRequest, pb.ProduceResponse__Output>;

  constructor(n: FakeNode) {
    this.call = n.client.data.Produce();
    this.call.on('data', (m: pb.ProduceResponse__Output) => this.messages.push(m));
    this.call.on('error', () => {});
    this.status = new Promise((resolve) => this.call.on('status', resolve));
  }

  send(requestId: number, b: pb.PutRecordsRequest | null): void {
    this.call.write({ requestId, batch: b });
  }

  end(): void {
    this.call.end();
  }

  async answer(requestId: number): Promise<pb.ProduceResponse__Output> {
    await until(`the answer to ${requestId}`, () => this.messages.some((m) => m.requestId === requestId));
    return this.messages.find((m) => m.requestId === requestId)!;
  }

  windows(): pb.ProduceWindow__Output[] {
    return this.messages.filter((m) => m.requestId === 0).map((m) => m.window!);
  }
}

describe('Produce', () => {
  test('window first; many batches in flight, answered by request id in the order they commit', async () => {
    const n = await start({ windowBatchesMax: 64 });
    const s = new Stream(n);
    await until('the window', () => s.messages.length > 0);
    expect(s.messages[0]).toMatchObject({
      requestId: 0,
      window: { inflightBytesMax: 1 << 20, inflightBatchesMax: 64 },
    });
    expect(s.messages[0]!.outcome).toBeUndefined();
    for (let id = 1; id <= 50; id++) s.send(id, batch(100));
    await until('50 batches in flight', () => n.pending.length === 50);
    // The replica answers out of order (two shards would): each answer finds its request.
    const order = Array.from({ length: 50 }, (_, i) => 50 - i);
    for (const id of order) n.pending[id - 1]!.resolve({ firstSequenceNumber: `seq-${id}` });
    await until('50 answers', () => s.messages.length === 51);
    for (let id = 1; id <= 50; id++) {
      const a = await s.answer(id);
      expect(a.result?.firstSequenceNumber).toBe(`seq-${id}`);
    }
    expect(n.ctx.budget.inflightBytes).toBe(0);
  });

  test('a batch past the window gets Backpressure and the stream stays open', async () => {
    const n = await start({ windowBatchesMax: 3, windowBytesMax: 1000 });
    const s = new Stream(n);
    for (let id = 1; id <= 4; id++) s.send(id, batch(100));
    const refused = await s.answer(4);
    expect(refused.error).toMatchObject({ reason: 'Backpressure', retryable: true });
    expect(refused.error?.message).toMatch(/past this stream's window \(3 batches/);
    expect(n.pending).toHaveLength(3);
    // Bytes too: 3 in flight make 300 of 1000; a 701-byte batch passes it once one is answered.
    n.pending.shift()!.resolve();
    await s.answer(1);
    s.send(5, batch(801));
    expect((await s.answer(5)).error?.reason).toBe('Backpressure');
    s.send(6, batch(700));
    await until('batch 6 taken', () => n.pending.length === 3);
    for (const p of n.pending.splice(0)) p.resolve();
    expect((await s.answer(6)).result).toBeTruthy();
  });

  test("the node's bound spans streams and unary calls; pressure shrinks every window and restores it", async () => {
    const n = await start({ nodeBytesMax: 1000, windowBytesMax: 1 << 20, windowBatchesMax: 8 });
    const a = new Stream(n);
    const b = new Stream(n);
    await until('both windows', () => a.windows().length === 1 && b.windows().length === 1);
    expect(a.windows()[0]).toEqual({ inflightBytesMax: 1000, inflightBatchesMax: 8 });
    a.send(1, batch(400));
    b.send(1, batch(400)); // 800 of 1000: pressure (from 750)
    await until('pressure windows', () => a.windows().length === 2 && b.windows().length === 2);
    expect(b.windows()[1]).toEqual({ inflightBytesMax: 250, inflightBatchesMax: 2 });
    b.send(2, batch(300)); // past b's shrunk window (250 bytes)
    expect((await b.answer(2)).error?.message).toMatch(/past this stream's window/);
    const c = new Stream(n);
    c.send(1, batch(300)); // a first batch always fits its window, but 1100 is past the node's 1000
    const refused = await c.answer(1);
    expect(refused.error).toMatchObject({ reason: 'Backpressure', retryable: true });
    expect(refused.error?.message).toMatch(/bound of 1000/);
    await expectFailure(rpc.putRecords(n.client, batch(300)), grpc.status.RESOURCE_EXHAUSTED, 'Backpressure');
    for (const p of n.pending.splice(0)) p.resolve();
    await until('windows restored', () => a.windows().length === 3 && b.windows().length === 3);
    expect(a.windows()[2]).toEqual({ inflightBytesMax: 1000, inflightBatchesMax: 8 });
    expect(n.ctx.budget.inflightBytes).toBe(0);
  });

  test('errors about one batch travel in its answer; the stream goes on', async () => {
    const n = await start();
    const s = new Stream(n);
    s.send(1, batch(10, 'nope'));
    s.send(2, null);
    s.send(3, { ...batch(10), recordBatch: Buffer.alloc(0) });
    expect((await s.answer(1)).error).toMatchObject({ reason: 'ResourceNotFound', field: 'stream_name' });
    expect((await s.answer(2)).error).toMatchObject({ reason: 'InvalidArgument', field: 'batch' });
    expect((await s.answer(3)).error).toMatchObject({ reason: 'InvalidArgument', field: 'record_batch' });
    s.send(4, batch(10));
    await until('batch 4 taken', () => n.pending.length === 1);
    n.pending.shift()!.reject(new RheoError('NotLeader', 'moved', { leaderHint: '1' }));
    expect((await s.answer(4)).error).toMatchObject({
      reason: 'NotLeader',
      leaderNodeId: 1,
      retryable: true,
    });
  });

  test.each([
    ['request id 0', [0]],
    ['a request id already in flight', [7, 7]],
  ])('%s ends the stream with InvalidArgument', async (_name, ids) => {
    const n = await start();
    const s = new Stream(n);
    for (const id of ids) s.send(id, batch(10));
    const status = await s.status;
    expect(status.code).toBe(grpc.status.INVALID_ARGUMENT);
    expect(errorDetailFromMetadata(status.metadata)).toMatchObject({
      reason: 'InvalidArgument',
      field: 'request_id',
    });
  });

  test('a replica that throws: Internal, logged, and the node goes on serving', async () => {
    const n = await start();
    n.throwNext(new TypeError('boom in the replica'));
    const f = await expectFailure(rpc.putRecords(n.client, batch(10)), grpc.status.INTERNAL, 'Internal');
    expect(f.details).toBe('PutRecords failed on node 1 (an internal error, logged)');
    expect(n.logLines.join('\n')).toMatch(
      /boom in the replica.*"method":"PutRecords","msg":"unexpected error answered as Internal"/,
    );
    const s = new Stream(n);
    n.throwNext(new TypeError('boom again'));
    s.send(1, batch(10));
    expect((await s.answer(1)).error?.reason).toBe('Internal');
    const ok = rpc.putRecords(n.client, batch(10));
    await until('the next write', () => n.pending.length === 1);
    n.pending.shift()!.resolve();
    expect((await ok).shardId).toBe(SHARD);
  });
});

describe('stopping and half-closing', () => {
  test('a stopping node refuses new work, answers what it took, then ends the stream', async () => {
    const n = await start();
    const s = new Stream(n);
    s.send(1, batch(10));
    await until('batch 1 taken', () => n.pending.length === 1);
    n.ctx.calls.stop();
    s.send(2, batch(10));
    expect((await s.answer(2)).error).toMatchObject({ reason: 'Unavailable', retryable: true });
    await expectFailure(rpc.putRecords(n.client, batch(10)), grpc.status.UNAVAILABLE, 'Unavailable');
    let idle = false;
    void n.ctx.calls.idle().then(() => {
      idle = true;
    });
    expect(idle).toBe(false);
    n.pending.shift()!.resolve();
    expect((await s.answer(1)).result).toBeTruthy();
    expect((await s.status).code).toBe(grpc.status.OK);
    await until('idle', () => idle);
  });

  test('a half-closed stream ends once its batches are answered', async () => {
    const n = await start();
    const s = new Stream(n);
    s.send(1, batch(10));
    s.send(2, batch(10));
    await until('2 taken', () => n.pending.length === 2);
    s.end();
    n.pending.shift()!.resolve();
    await s.answer(1);
    let ended = false;
    void s.status.then(() => {
      ended = true;
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(ended).toBe(false);
    n.pending.shift()!.resolve();
    expect((await s.answer(2)).result).toBeTruthy();
    expect((await s.status).code).toBe(grpc.status.OK);
  });
});
