// A bounded ring buffer of the App messages in flight to one follower, by
// count and by bytes: the leader's per-follower flow-control window in the
// replicate state. An entry is the last index an App carried; an ack for
// index i frees every message up to i.

export class Inflights {
  /** Ring start: the oldest in-flight message. */
  private start = 0;
  /** Number of in-flight messages; invariant 0 <= count <= capacityMsgs. */
  private count = 0;
  /** Sum of the sizes of in-flight messages. */
  private bytes = 0;
  /** Grown lazily (an idle follower costs nothing); length <= capacityMsgs. */
  private indexes: number[] = [];
  private sizes: number[] = [];

  constructor(
    readonly capacityMsgs: number,
    /** 0 = no byte bound. */
    readonly maxBytes: number,
  ) {
    if (!(capacityMsgs > 0)) throw new Error(`Inflights: capacity must be positive, got ${capacityMsgs}`);
  }

  /** Records an App whose last entry is `index`, carrying `bytes` of entry data. */
  add(index: number, bytes: number): void {
    if (this.full()) throw new Error('Inflights.add: window is full');
    if (this.count === this.indexes.length) this.grow();
    let slot = this.start + this.count;
    if (slot >= this.indexes.length) slot -= this.indexes.length;
    this.indexes[slot] = index;
    this.sizes[slot] = bytes;
    this.count++;
    this.bytes += bytes;
  }

  /** Frees the in-flight messages whose last index is <= `to` (the follower acknowledged them). */
  freeLE(to: number): void {
    if (this.count === 0 || to < this.indexes[this.start]!) return;
    const cap = this.indexes.length;
    let i = 0;
    let idx = this.start;
    for (; i < this.count; i++) {
      if (to < this.indexes[idx]!) break;
      this.bytes -= this.sizes[idx]!;
      idx++;
      if (idx >= cap) idx -= cap;
    }
    this.count -= i;
    this.start = this.count === 0 ? 0 : idx;
  }

  full(): boolean {
    return this.count === this.capacityMsgs || (this.maxBytes > 0 && this.bytes >= this.maxBytes);
  }

  size(): number {
    return this.count;
  }

  sizeBytes(): number {
    return this.bytes;
  }

  reset(): void {
    this.start = 0;
    this.count = 0;
    this.bytes = 0;
  }

  /** Doubles the ring (bounded by capacity), unrolling it so start becomes 0. */
  private grow(): void {
    const cap = this.indexes.length;
    const next = Math.min(this.capacityMsgs, Math.max(4, cap * 2));
    const ix: number[] = new Array(next);
    const sz: number[] = new Array(next);
    for (let i = 0; i < this.count; i++) {
      const j = (this.start + i) % cap;
      ix[i] = this.indexes[j]!;
      sz[i] = this.sizes[j]!;
    }
    this.indexes = ix;
    this.sizes = sz;
    this.start = 0;
  }
}
