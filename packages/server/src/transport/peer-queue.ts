// The bounded queue of messages waiting for one peer's stream. Bounded by
// count and by bytes (upper bounds of the encoded sizes): when either bound
// is reached, new messages are refused and the caller drops them, which
// Raft tolerates (it resends on its own timers). A FIFO over an array with a
// moving head; the array is compacted when the consumed part dominates.
import type { Message } from '@rheo/raft';
import type { CoalesceKind } from './coalesce.js';

export interface QueuedMessage {
  readonly groupId: number;
  readonly msg: Message;
  /** Upper bound of its encoded size (frame-size.ts). */
  readonly bytes: number;
  readonly kind: CoalesceKind;
}

const COMPACT_HEAD_MIN = 1024;

export class PeerQueue {
  private items: QueuedMessage[] = [];
  private head = 0;
  private queuedBytes = 0;

  constructor(
    private readonly messagesMax: number,
    private readonly bytesMax: number,
  ) {}

  get length(): number {
    return this.items.length - this.head;
  }

  get bytes(): number {
    return this.queuedBytes;
  }

  /** Adds `item` unless a bound would be passed; false means "full, drop it". */
  push(item: QueuedMessage): boolean {
    if (this.length >= this.messagesMax || this.queuedBytes + item.bytes > this.bytesMax) return false;
    this.items.push(item);
    this.queuedBytes += item.bytes;
    return true;
  }

  peek(): QueuedMessage | undefined {
    return this.items[this.head];
  }

  shift(): QueuedMessage | undefined {
    const item = this.items[this.head];
    if (item === undefined) return undefined;
    this.items[this.head] = undefined as unknown as QueuedMessage;
    this.head++;
    this.queuedBytes -= item.bytes;
    if (this.head === this.items.length) {
      this.items = [];
      this.head = 0;
    } else if (this.head >= COMPACT_HEAD_MIN && this.head * 2 >= this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }

  /** Group ids of the queued messages. */
  groupIds(into: Set<number>): Set<number> {
    for (let i = this.head; i < this.items.length; i++) into.add(this.items[i]!.groupId);
    return into;
  }
}
