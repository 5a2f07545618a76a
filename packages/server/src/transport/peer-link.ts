// One peer as the transport sees it: the bounded queue of messages waiting
// for it, the verified stream to it (whichever side opened it), the flush
// that turns the queue into stream writes, and its counters.
//
// Writes respect the stream's backpressure: when a write reports a full
// buffer, flushing stops until 'drain', and messages wait in the bounded
// queue (and are dropped past its bounds) instead of piling up in memory.
import assert from 'node:assert/strict';
import type { Message } from '@rheo/raft';
import { grpcMessageBytesMax } from '@rheo/wire';
import { takeBatch } from './batch-builder.js';
import { CoalesceKind, coalesceKind } from './coalesce.js';
import {
  coalescedEntryBytesMax,
  frameMessageBytesMax,
  groupMessageBytesMax,
  splitToFit,
} from './frame-size.js';
import { PeerQueue, type QueuedMessage } from './peer-queue.js';
import { encodeBatch } from './raw-service.js';
import { type DropReason, emptyDrops, type PeerStats } from './transport-types.js';

/** Either end of a gRPC Exchange call, once the peer's hello checked out. */
export interface PeerStream {
  /** Writes one encoded RaftBatch; false means the buffer is full (wait for drain). */
  write(frame: Buffer): boolean;
  onceDrain(cb: () => void): void;
  /** Ends the call (the peer sees the stream close). */
  close(): void;
}

export interface PeerLinkBounds {
  readonly messagesMax: number;
  readonly bytesMax: number;
  readonly batchBytesMax: number;
}

export class PeerLink {
  readonly queue: PeerQueue;
  readonly stats: PeerStats;
  private current: PeerStream | null = null;
  private waitingDrain = false;
  /** Groups that used the current stream: a break may have lost any of their messages. */
  private readonly sentGroups = new Set<number>();
  /** Groups to report unreachable at the end of this turn. */
  private readonly unreachable = new Set<number>();
  /** Groups already reported during the current outage (reported once per outage, not per message). */
  private readonly reportedWhileDown = new Set<number>();
  /**
   * True once a dial failed or the stream broke, until a stream is attached again. The
   * opener starts up (it learns of failures from its dials); the acceptor starts down,
   * since it cannot tell a peer that is slow to dial from one that is gone.
   */
  private down: boolean;
  /** The peer process's incarnation on the last stream (a change means it restarted). */
  incarnation = '';

  constructor(
    readonly id: number,
    public address: string,
    private readonly bounds: PeerLinkBounds,
    /** Asks the transport to flush this link on the next turn. */
    private readonly wake: (link: PeerLink) => void,
    startDown: boolean,
  ) {
    this.down = startDown;
    this.queue = new PeerQueue(bounds.messagesMax, bounds.bytesMax);
    this.stats = {
      peerId: id,
      connected: false,
      messagesSent: 0,
      bytesSent: 0,
      batchesSent: 0,
      messagesReceived: 0,
      bytesReceived: 0,
      batchesReceived: 0,
      reconnects: 0,
      connects: 0,
      queuedMessages: 0,
      queuedBytes: 0,
      drops: emptyDrops(),
    };
  }

  get stream(): PeerStream | null {
    return this.current;
  }

  drop(reason: DropReason, count: number): void {
    this.stats.drops[reason] += count;
  }

  /** Queues `msg` (split if it is an App too big for one frame); drops what does not fit. */
  enqueue(groupId: number, msg: Message): void {
    const kind = coalesceKind(msg);
    if (kind !== CoalesceKind.None) this.push({ groupId, msg, bytes: coalescedEntryBytesMax, kind });
    else {
      const bytes = groupMessageBytesMax(msg);
      if (bytes <= frameMessageBytesMax) this.push({ groupId, msg, bytes, kind });
      else
        for (const part of splitToFit(msg, frameMessageBytesMax))
          this.push({ groupId, msg: part, bytes: groupMessageBytesMax(part), kind });
    }
    if (this.down && !this.reportedWhileDown.has(groupId)) {
      this.reportedWhileDown.add(groupId);
      this.unreachable.add(groupId);
    }
    this.wake(this);
  }

  private push(item: QueuedMessage): void {
    if (this.queue.push(item)) return;
    this.drop('queue-full', 1);
    this.unreachable.add(item.groupId);
  }

  /** A verified stream to the peer; it replaces any earlier one. */
  attach(stream: PeerStream, incarnation: string): void {
    const old = this.current;
    this.current = null;
    old?.close();
    this.current = stream;
    this.incarnation = incarnation;
    this.waitingDrain = false;
    this.down = false;
    this.sentGroups.clear();
    this.reportedWhileDown.clear();
    if (this.stats.connects > 0) this.stats.reconnects++;
    this.stats.connects++;
    this.stats.connected = true;
    this.wake(this);
  }

  /** The stream ended or failed; false if `stream` was not the current one (already replaced). */
  detach(stream: PeerStream): boolean {
    if (this.current !== stream) return false;
    this.current = null;
    this.waitingDrain = false;
    this.stats.connected = false;
    for (const g of this.sentGroups) this.unreachable.add(g);
    this.sentGroups.clear();
    this.down = false;
    this.markDown();
    return true;
  }

  /** No stream and the last attempt failed: queued groups are reported now, later ones as they send. */
  markDown(): void {
    if (this.current !== null || this.down) return;
    this.down = true;
    this.queue.groupIds(this.unreachable);
    for (const g of this.unreachable) this.reportedWhileDown.add(g);
    this.wake(this);
  }

  /** Writes queued messages as batches while the stream accepts them. */
  flush(): void {
    while (this.current !== null && !this.waitingDrain && this.queue.length > 0) {
      const stream = this.current;
      const { batch, messages } = takeBatch(this.queue, this.bounds.batchBytesMax, this.sentGroups);
      const frame = encodeBatch(batch);
      assert(
        frame.length <= grpcMessageBytesMax,
        `a Raft batch of ${frame.length} bytes passed the gRPC bound`,
      );
      const more = stream.write(frame);
      this.stats.batchesSent++;
      this.stats.messagesSent += messages;
      this.stats.bytesSent += frame.length;
      if (!more) {
        this.waitingDrain = true;
        stream.onceDrain(() => {
          if (this.current !== stream) return;
          this.waitingDrain = false;
          this.wake(this);
        });
      }
    }
  }

  /** The groups to report unreachable since the last call (empty most turns). */
  takeUnreachable(): number[] {
    if (this.unreachable.size === 0) return [];
    const groups = [...this.unreachable];
    this.unreachable.clear();
    return groups;
  }

  /** Empties the queue, counting its messages as dropped for `reason`. */
  discardQueue(reason: DropReason): void {
    let n = 0;
    while (this.queue.shift() !== undefined) n++;
    this.drop(reason, n);
  }

  snapshotStats(): PeerStats {
    return {
      ...this.stats,
      queuedMessages: this.queue.length,
      queuedBytes: this.queue.bytes,
      drops: { ...this.stats.drops },
    };
  }
}
