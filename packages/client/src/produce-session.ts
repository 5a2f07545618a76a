// One bidirectional Produce stream to one node, shared by every shard that
// node leads. Many batches ride it at once, each with a request id its
// answer repeats. The server's window (bytes and batches not yet answered)
// is honoured: a batch past it waits here, in a queue bounded by the
// producer's own bounds, instead of being refused by the server.
//
// When the stream breaks, every batch sent and not answered fails with
// OutcomeUnknown (it may have been written; the idempotent producer's retry
// is safe) and every batch not yet sent fails with Unavailable (never sent).
import type { ClientDuplexStream } from '@grpc/grpc-js';
import type { NodeClients } from './connections.js';
import type { PutResult } from './data-calls.js';
import { callError, isUnimplemented } from './errors.js';
import { fromErrorDetail, type pb, RheoError, status } from './grpc.js';
import { toPutResult } from './put-result.js';

interface Waiting {
  readonly batch: pb.PutRecordsRequest;
  readonly bytes: number;
  readonly resolve: (result: PutResult) => void;
  readonly reject: (err: RheoError) => void;
}

interface Sent extends Waiting {
  readonly sentMs: number;
}

type Stream = ClientDuplexStream<pb.ProduceRequest, pb.ProduceResponse__Output>;

export interface ProduceSessionOptions {
  /** A batch unanswered this long breaks the stream (its batches then retry elsewhere or again). */
  readonly batchTimeoutMs: number;
  readonly now: () => number;
}

export class ProduceSession {
  /** Set when the stream ended or failed; the producer then opens a new session. */
  broken = false;
  /** Set when the node does not serve Produce: the producer falls back to unary PutRecords. */
  unimplemented = false;
  private readonly stream: Stream;
  private readonly sent = new Map<number, Sent>();
  private readonly waiting: Waiting[] = [];
  private nextRequestId = 1;
  private sentBytes = 0;
  /** Undefined until the server's first window message. */
  private window: pb.ProduceWindow__Output | undefined;
  private readonly watchdog: NodeJS.Timeout;

  constructor(
    readonly node: NodeClients,
    private readonly options: ProduceSessionOptions,
  ) {
    this.stream = node.data.Produce();
    this.stream.on('data', (message: pb.ProduceResponse__Output) => this.onMessage(message));
    this.stream.on('error', (err: Error) => this.fail(err));
    this.stream.on('end', () => this.fail(new RheoError('Unavailable', 'the Produce stream ended')));
    this.watchdog = setInterval(() => this.checkTimeouts(), Math.max(50, options.batchTimeoutMs / 4));
    this.watchdog.unref();
  }

  /** Number of batches sent or waiting on this stream. */
  get load(): number {
    return this.sent.size + this.waiting.length;
  }

  /** Sends one batch (a PutRecordsRequest) when the window allows; resolves with its answer. */
  submit(batch: pb.PutRecordsRequest, bytes: number): Promise<PutResult> {
    return new Promise<PutResult>((resolve, reject) => {
      if (this.broken) {
        reject(new RheoError('Unavailable', 'the Produce stream is closed'));
        return;
      }
      this.waiting.push({ batch, bytes, resolve, reject });
      this.pump();
    });
  }

  /** Ends the stream after the batches in flight (the server answers them, then closes). */
  end(): void {
    clearInterval(this.watchdog);
    if (!this.broken) this.stream.end();
  }

  /** Breaks the stream at once. */
  cancel(): void {
    this.stream.cancel();
    this.fail(new RheoError('Unavailable', 'the Produce stream was cancelled'));
  }

  private mayWrite(bytes: number): boolean {
    const w = this.window;
    // Before the first window one batch may go, so a slow window message costs no round trip.
    if (w === undefined) return this.sent.size === 0;
    if (this.sent.size >= w.inflightBatchesMax) return false;
    // A batch bigger than the whole window goes alone (the server answers it or refuses it).
    return this.sentBytes + bytes <= w.inflightBytesMax || this.sent.size === 0;
  }

  private pump(): void {
    while (!this.broken && this.waiting.length > 0 && this.mayWrite(this.waiting[0]!.bytes)) {
      const item = this.waiting.shift()!;
      const requestId = this.nextRequestId++;
      this.sent.set(requestId, { ...item, sentMs: this.options.now() });
      this.sentBytes += item.bytes;
      this.stream.write({ requestId, batch: item.batch });
    }
  }

  private onMessage(message: pb.ProduceResponse__Output): void {
    if (message.window !== null) this.window = message.window;
    const id = message.requestId;
    if (id !== 0) {
      const item = this.sent.get(id);
      if (item !== undefined) {
        this.sent.delete(id);
        this.sentBytes -= item.bytes;
        if (message.result != null) item.resolve(toPutResult(message.result));
        else
          item.reject(
            fromErrorDetail(message.error ?? undefined, status.UNKNOWN, 'no outcome in the answer'),
          );
      }
    }
    this.pump();
  }

  private checkTimeouts(): void {
    const now = this.options.now();
    for (const item of this.sent.values()) {
      if (now - item.sentMs > this.options.batchTimeoutMs) {
        this.stream.cancel();
        this.fail(
          new RheoError('OutcomeUnknown', `no answer to a batch within ${this.options.batchTimeoutMs} ms`),
        );
        return;
      }
    }
  }

  private fail(cause: unknown): void {
    if (this.broken) return;
    this.broken = true;
    this.unimplemented = isUnimplemented(cause);
    clearInterval(this.watchdog);
    const err = callError(cause);
    const lost = this.unimplemented
      ? err
      : new RheoError('OutcomeUnknown', `the Produce stream to ${this.node.address} broke: ${err.message}`, {
          cause: err,
        });
    for (const item of this.sent.values()) item.reject(lost);
    const unsent = this.unimplemented
      ? err
      : new RheoError('Unavailable', `the Produce stream to ${this.node.address} broke: ${err.message}`, {
          cause: err,
        });
    for (const item of this.waiting) item.reject(unsent);
    this.sent.clear();
    this.waiting.length = 0;
    this.sentBytes = 0;
  }
}
