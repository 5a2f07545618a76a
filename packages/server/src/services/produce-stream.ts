// One Produce stream (bidirectional): many batches in flight, each answered
// by its request id as soon as its shard commits it (answers for different
// shards may overtake each other; within a shard the broker answers in
// order).
//
// Flow control: the first message is the window (request id 0): the bytes
// and batches the client may have sent and not yet had answered. A batch
// past the window, or one that would push the node's in-flight bytes past
// their bound, is answered Backpressure (retryable) and the stream stays
// open: nothing is queued here without bound. While the node is under
// pressure (inflight-budget.ts) every stream's window shrinks, and grows
// back after, each change sent as a window-only message.
//
// A client that does not read its answers is not read either: answers
// never pile up without bound.
//
// An error about one batch travels inside its answer. Only a broken
// protocol (request id 0, or one already in flight) ends the stream, with
// InvalidArgument, since no answer could be matched to it.
import type * as grpc from '@grpc/grpc-js';
import { type pb, RheoError } from '@rheo/wire';
import { backpressure, writeBatch } from './put-records.js';
import type { ProduceWindowBounds, ServiceContext } from './service-context.js';
import { errorDetail, serviceError } from './service-errors.js';

type ProduceCall = grpc.ServerDuplexStream<pb.ProduceRequest__Output, pb.ProduceResponse>;

/** Under pressure a stream's window is this many times smaller. */
export const pressuredWindowDivisor = 4;
const METHOD = 'Produce';

export function handleProduce(ctx: ServiceContext, call: ProduceCall): void {
  new ProduceSession(ctx, call).start();
}

class ProduceSession {
  private readonly pending = new Set<number>();
  private inflightBytes = 0;
  private clientDone = false;
  private closed = false;
  private readonly unsubscribe: Array<() => void> = [];
  private readonly normal: ProduceWindowBounds;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly call: ProduceCall,
  ) {
    this.normal = {
      inflightBytesMax: Math.min(ctx.window.inflightBytesMax, ctx.budget.bytesMax),
      inflightBatchesMax: ctx.window.inflightBatchesMax,
    };
  }

  start(): void {
    const { ctx, call } = this;
    ctx.calls.begin();
    if (ctx.calls.stopping) {
      this.fail(new RheoError('Unavailable', `node ${ctx.nodeId} is stopping`));
      return;
    }
    this.unsubscribe.push(
      ctx.budget.onPressure(() => this.sendWindow()),
      ctx.calls.onStop(() => this.maybeFinish()),
    );
    call.on('data', (req: pb.ProduceRequest__Output) => this.onRequest(req));
    call.on('end', () => {
      this.clientDone = true;
      this.maybeFinish();
    });
    for (const event of ['cancelled', 'error', 'close'] as const) call.on(event, () => this.close());
    this.sendWindow();
  }

  private window(): ProduceWindowBounds {
    if (!this.ctx.budget.underPressure) return this.normal;
    return {
      inflightBytesMax: Math.max(1, Math.floor(this.normal.inflightBytesMax / pressuredWindowDivisor)),
      inflightBatchesMax: Math.max(1, Math.floor(this.normal.inflightBatchesMax / pressuredWindowDivisor)),
    };
  }

  private sendWindow(): void {
    if (!this.closed) this.call.write({ requestId: 0, window: this.window() });
  }

  private onRequest(req: pb.ProduceRequest__Output): void {
    if (this.closed) return;
    const id = req.requestId;
    const broken = this.protocolError(id);
    if (broken !== undefined) {
      this.fail(broken);
      return;
    }
    try {
      if (req.batch === null) throw new RheoError('InvalidArgument', 'batch is required', { field: 'batch' });
      this.admit(req.batch.recordBatch?.length ?? 0);
      this.run(id, req.batch);
    } catch (err) {
      this.answer(id, { error: errorDetail(err, METHOD, this.ctx) });
    }
  }

  /** A request id no answer could be matched to ends the stream. */
  private protocolError(id: number): RheoError | undefined {
    if (!Number.isSafeInteger(id) || id < 1)
      return new RheoError(
        'InvalidArgument',
        `request_id must be at least 1 (0 marks window messages), got ${id}`,
        {
          field: 'request_id',
        },
      );
    if (this.pending.has(id))
      return new RheoError('InvalidArgument', `request_id ${id} is already in flight on this stream`, {
        field: 'request_id',
      });
    return undefined;
  }

  /** Throws Unavailable or Backpressure when the batch may not be taken now; else takes its bytes. */
  private admit(bytes: number): void {
    const { ctx } = this;
    if (ctx.calls.stopping)
      throw new RheoError('Unavailable', `node ${ctx.nodeId} is stopping; send the batch again elsewhere`);
    const w = this.window();
    const pastBytes = this.pending.size > 0 && this.inflightBytes + bytes > w.inflightBytesMax;
    if (this.pending.size >= w.inflightBatchesMax || pastBytes)
      throw new RheoError(
        'Backpressure',
        `the batch is past this stream's window (${this.pending.size} batches and ${this.inflightBytes} bytes ` +
          `in flight; window ${w.inflightBatchesMax} batches, ${w.inflightBytesMax} bytes)`,
        { retryAfterMs: 0 },
      );
    if (!ctx.budget.tryAcquire(bytes)) throw backpressure(ctx, bytes);
  }

  private run(id: number, batch: pb.PutRecordsRequest__Output): void {
    const bytes = batch.recordBatch?.length ?? 0;
    this.pending.add(id);
    this.inflightBytes += bytes;
    this.ctx.calls.begin();
    writeBatch(this.ctx, batch)
      .then(
        (result) => this.answer(id, { result }),
        (err: unknown) => this.answer(id, { error: errorDetail(err, METHOD, this.ctx) }),
      )
      .finally(() => {
        this.pending.delete(id);
        this.inflightBytes -= bytes;
        this.ctx.budget.release(bytes);
        this.ctx.calls.end();
        this.maybeFinish();
      });
  }

  private answer(requestId: number, outcome: Pick<pb.ProduceResponse, 'result' | 'error'>): void {
    if (this.closed) return;
    // A client that sends without reading its answers (refusals are instant) would make them pile
    // up here: stop reading its requests until it has read what is written (HTTP/2 then holds it back).
    if (!this.call.write({ requestId, ...outcome }) && !this.call.isPaused()) {
      this.call.pause();
      this.call.once('drain', () => this.call.resume());
    }
  }

  /** Ends the stream (OK) once the client is done, or the node stops, and nothing is in flight. */
  private maybeFinish(): void {
    if (this.closed || this.pending.size > 0) return;
    if (!this.clientDone && !this.ctx.calls.stopping) return;
    this.call.end();
    this.close();
  }

  private fail(err: RheoError): void {
    if (this.closed) return;
    this.call.emit('error', serviceError(err, METHOD, this.ctx));
    this.close();
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const u of this.unsubscribe) u();
    this.ctx.calls.end();
  }
}
