// Where a shard's write traffic splits in half, for the on-demand autoscaler
// (docs/resharding.md): the leader samples the hash key of each produced
// batch's first record, weighted by the batch's bytes, into a bounded ring
// of the latest samples; the weighted median of the ring is the key that
// halves the recent traffic. Reported in the heartbeat's ShardTraffic
// (write_split_hash_key); the controller splits a hot shard there rather
// than at its range's middle, so a skewed key space is served.
import { hashKeyBytesLength as hashKeyBytes, RecordCursor, recordHashKey } from '@rheo/wire';

/** Samples kept: the latest batches' keys. */
export const splitSamplesMax = 256;

export class TrafficSplitSampler {
  private readonly keys: bigint[] = [];
  private readonly weights: number[] = [];
  private next = 0;
  private readonly scratch = new Uint8Array(hashKeyBytes);

  /** Samples a validated client batch: its first record's hash key, weighted by `bytes`. */
  addBatch(batch: Uint8Array, bytes: number): void {
    const cursor = new RecordCursor(batch);
    if (!cursor.next()) return;
    recordHashKey(cursor, this.scratch);
    const dv = new DataView(this.scratch.buffer, this.scratch.byteOffset, hashKeyBytes);
    this.add((dv.getBigUint64(0) << 64n) | dv.getBigUint64(8), bytes);
  }

  add(key: bigint, weight: number): void {
    if (this.keys.length < splitSamplesMax) {
      this.keys.push(key);
      this.weights.push(weight);
      return;
    }
    this.keys[this.next] = key;
    this.weights[this.next] = weight;
    this.next = (this.next + 1) % splitSamplesMax;
  }

  /** The weighted median of the samples: half the sampled bytes lie below it. Undefined with none. */
  splitKey(): bigint | undefined {
    if (this.keys.length === 0) return undefined;
    const order = this.keys
      .map((_, i) => i)
      .sort((a, b) => (this.keys[a]! < this.keys[b]! ? -1 : this.keys[a]! > this.keys[b]! ? 1 : 0));
    let total = 0;
    for (const w of this.weights) total += w;
    let below = 0;
    for (const i of order) {
      below += this.weights[i]!;
      // The first key with at least half the weight at or below it starts the upper half.
      if (below * 2 >= total) return this.keys[i]!;
    }
    return this.keys[order[order.length - 1]!]!;
  }
}
