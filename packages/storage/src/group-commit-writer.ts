// The node's single writer. Every group's persistence work (log entries,
// hard state, snapshots, app state, metadata) is submitted here as a
// contribution; contributions gathered while the previous batch is being
// written go together into the next LevelDB batch (double buffering), so one
// fsync covers many groups and clients. A contribution's promise resolves
// only after the batch that carries it has returned from a synced write:
// nothing is acknowledged before it is on disk.
//
// Order: contributions are written in submission order (FIFO, also across
// the backpressure wait), and their `onDurable` hooks run in that order
// before any promise resolves, so a group's in-memory view advances exactly
// as its disk state did.

import { assert } from './assert.js';
import { StorageClosedError, StorageWriteError } from './errors.js';
import { eventTurn } from './event-turn.js';

export type BatchOp =
  | { readonly type: 'put'; readonly key: Uint8Array; readonly value: Uint8Array }
  | { readonly type: 'del'; readonly key: Uint8Array };

/** Where batches go: LevelDB in production, an instrumented wrapper in tests. */
export interface BatchSink {
  write(ops: readonly BatchOp[], sync: boolean): Promise<void>;
}

export interface Contribution {
  /** Distinct keys (the writer may reorder ops within one contribution, never across). */
  readonly ops: readonly BatchOp[];
  /** Must the batch carrying this be fsynced? (Ready.mustSync; false for e.g. a commit-index-only change.) */
  readonly sync: boolean;
  /** Runs after the batch is durable, before the promise resolves; in submission order. */
  readonly onDurable?: () => void;
}

export interface WriterLimits {
  /** Bytes (keys + values) gathered into one batch; a single larger contribution goes alone. */
  readonly batchBytesMax: number;
  /** Contributions gathered into one batch. */
  readonly batchContributorsMax: number;
  /** A batch goes to LevelDB as writes of about this many bytes, cut between contributions (see writeBatch). */
  readonly writeChunkBytesMax: number;
}

export interface WriterStats {
  /** LevelDB writes issued. */
  readonly batches: number;
  /** Of which synced (= fsyncs). */
  readonly syncedBatches: number;
  readonly contributions: number;
  readonly bytes: number;
  /** Contributions that had to wait because the next batch was full. */
  readonly backpressureWaits: number;
}

/** One LevelDB write, as an observer sees it once the write returned (metrics: latency, sizes). */
export interface WriteObservation {
  /** Bytes (keys + values) of the contributions it carried. */
  readonly bytes: number;
  readonly contributions: number;
  readonly synced: boolean;
  /** From the call to the sink until it returned: the write and, when synced, the fsync. */
  readonly seconds: number;
}

interface Queued {
  readonly c: Contribution;
  readonly bytes: number;
  readonly resolve: () => void;
  readonly reject: (e: unknown) => void;
}

/** A put at least this large goes after the contribution's other ops (see writeBatch). */
const LARGE_VALUE_BYTES = 16 * 1024;

/**
 * Appends `ops` to `out`, small ops first, large puts last, each in its
 * original order. Safe because the keys of one contribution are distinct.
 */
function orderSmallFirst(ops: readonly BatchOp[], out: BatchOp[]): void {
  let large = 0;
  for (const op of ops) {
    if (op.type === 'put' && op.value.byteLength >= LARGE_VALUE_BYTES) large++;
    else out.push(op);
  }
  if (large === 0) return;
  for (const op of ops) if (op.type === 'put' && op.value.byteLength >= LARGE_VALUE_BYTES) out.push(op);
}

export function opBytes(ops: readonly BatchOp[]): number {
  let n = 0;
  for (const op of ops) n += op.key.byteLength + (op.type === 'put' ? op.value.byteLength : 0);
  return n;
}

export class GroupCommitWriter {
  /** The next batch, accumulating while the current one is written. */
  private next: Queued[] = [];
  private nextBytes = 0;
  /** Contributions that did not fit in `next` (backpressure), FIFO. */
  private waiting: Queued[] = [];
  private writing = false;
  private scheduled = false;
  private failed: StorageWriteError | undefined;
  private closed = false;
  private idleWaiters: Array<() => void> = [];
  private s = { batches: 0, syncedBatches: 0, contributions: 0, bytes: 0, backpressureWaits: 0 };
  /**
   * Told of every successful write (the server's metrics set it). Optional so
   * the writer reads the clock only when someone listens.
   */
  observer: ((w: WriteObservation) => void) | undefined = undefined;

  constructor(
    private readonly sink: BatchSink,
    private readonly limits: WriterLimits,
  ) {
    assert(
      limits.batchBytesMax > 0 && limits.batchContributorsMax > 0,
      'GroupCommitWriter: limits must be positive',
    );
  }

  stats(): WriterStats {
    return { ...this.s };
  }

  /** Resolves once `c` is on disk (synced if c.sync). */
  submit(c: Contribution): Promise<void> {
    if (this.failed) return Promise.reject(this.failed);
    if (this.closed) return Promise.reject(new StorageClosedError('group-commit writer is closed'));
    return new Promise<void>((resolve, reject) => {
      const q: Queued = { c, bytes: opBytes(c.ops), resolve, reject };
      if (this.waiting.length === 0 && this.fits(q)) this.enqueue(q);
      else {
        this.s.backpressureWaits++;
        this.waiting.push(q);
      }
      this.schedule();
    });
  }

  /** Resolves when nothing is queued or being written. */
  idle(): Promise<void> {
    if (!this.writing && this.next.length === 0 && this.waiting.length === 0) return Promise.resolve();
    return new Promise((r) => this.idleWaiters.push(r));
  }

  /** Writes what is queued, then refuses new work. */
  async close(): Promise<void> {
    this.closed = true;
    await this.idle();
  }

  private fits(q: Queued): boolean {
    if (this.next.length === 0) return true;
    return (
      this.next.length < this.limits.batchContributorsMax &&
      this.nextBytes + q.bytes <= this.limits.batchBytesMax
    );
  }

  private admitWaiting(): void {
    while (this.waiting.length > 0 && this.fits(this.waiting[0]!)) this.enqueue(this.waiting.shift()!);
  }

  private enqueue(q: Queued): void {
    this.next.push(q);
    this.nextBytes += q.bytes;
  }

  private schedule(): void {
    if (this.writing || this.scheduled) return;
    this.scheduled = true;
    // After the turn's work, not a microtask: submissions made by the rest
    // of this event-loop turn (other groups' Readies, other clients) join
    // the batch, and a write asked for by a group driver's pass starts at the
    // end of that pass's turn, not one loop iteration later (event-turn.ts).
    eventTurn.afterWork(() => {
      this.scheduled = false;
      void this.writeLoop();
    });
  }

  private async writeLoop(): Promise<void> {
    if (this.writing) return;
    this.writing = true;
    while (!this.failed) {
      this.admitWaiting();
      if (this.next.length === 0) break;
      const batch = this.next;
      this.next = [];
      this.nextBytes = 0;
      // Double buffering: waiting contributions start filling the next batch while this one is written.
      this.admitWaiting();
      await this.writeBatch(batch);
      // One turn of the event loop before the next batch is taken: the
      // write just done released its contributors, and what they do next
      // (a group's next Ready, a leader's next proposals) runs through a
      // chain of microtasks and the drivers' passes of that turn. Taken at
      // once, the next batch would leave that work behind for a whole
      // further write; after the turn's work it joins.
      await new Promise<void>((r) => eventTurn.afterWork(r));
    }
    this.writing = false;
    if (this.failed) this.rejectAll(this.failed);
    if (this.next.length === 0 && this.waiting.length === 0) {
      for (const w of this.idleWaiters.splice(0)) w();
    }
  }

  /**
   * Writes one batch as a sequence of LevelDB writes ("chunks") of about
   * writeChunkBytesMax each, cut at contribution boundaries, each synced when
   * it carries a contribution that must be. Measured on classic-level 3
   * (LevelDB 1.20): one write holding several large values, or a large value
   * followed by other puts, runs 2-4x slower per byte than separate writes,
   * synced or not (bench/group-commit.bench.ts; docs/storage.md). So a
   * batch of many small contributions still shares one fsync, and large
   * record batches go one per write, each with its own small ops first.
   * Every chunk is synced rather than only the last: LevelDB does not sync
   * the old log file when it switches memtables, so an unsynced chunk could
   * be lost to a power failure even after a later synced one returned.
   */
  private async writeBatch(batch: Queued[]): Promise<void> {
    let start = 0;
    while (start < batch.length) {
      let end = start;
      let bytes = 0;
      while (end < batch.length && (end === start || bytes < this.limits.writeChunkBytesMax))
        bytes += batch[end++]!.bytes;
      if (!(await this.writeChunk(batch.slice(start, end), bytes))) {
        for (const q of batch.slice(end)) q.reject(this.failed);
        return;
      }
      start = end;
    }
  }

  /** Returns false when the write failed (its contributors are rejected and the writer stops). */
  private async writeChunk(chunk: Queued[], bytes: number): Promise<boolean> {
    const ops: BatchOp[] = [];
    let sync = false;
    for (const q of chunk) {
      orderSmallFirst(q.c.ops, ops);
      sync ||= q.c.sync;
    }
    const started = this.observer === undefined ? 0 : performance.now();
    try {
      await this.sink.write(ops, sync);
    } catch (e) {
      this.failed = new StorageWriteError(
        `batch write of ${ops.length} ops failed: ${(e as Error).message}`,
        {
          cause: e,
        },
      );
      for (const q of chunk) q.reject(this.failed);
      return false;
    }
    this.s.batches++;
    if (sync) this.s.syncedBatches++;
    this.s.contributions += chunk.length;
    this.s.bytes += bytes;
    if (started > 0)
      this.observe({
        bytes,
        contributions: chunk.length,
        synced: sync,
        seconds: (performance.now() - started) / 1000,
      });
    // All hooks first, then all resolutions: a caller woken by its promise
    // sees every group's memory as of this write.
    for (const q of chunk) {
      try {
        q.c.onDurable?.();
      } catch (e) {
        // A broken hook means memory no longer matches disk: stop writing (fail-stop).
        this.failed = new StorageWriteError(`onDurable hook failed: ${(e as Error).message}`, { cause: e });
      }
    }
    for (const q of chunk) q.resolve();
    return this.failed === undefined;
  }

  private observe(w: WriteObservation): void {
    try {
      this.observer?.(w);
    } catch {
      // Metrics are not worth a stopped writer: a broken observer loses its figures, nothing else.
    }
  }

  private rejectAll(e: Error): void {
    for (const q of [...this.next, ...this.waiting]) q.reject(e);
    this.next = [];
    this.waiting = [];
    this.nextBytes = 0;
  }
}
