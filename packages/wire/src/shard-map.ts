// Routing: from a hash key to the open shard whose range holds it. Built once
// from a stream's open shards (sorted, checked for overlaps), then looked up
// many times by binary search; the SDK routes every record through it.
import { RheoError } from './errors.js';
import { hashKeyFromBytes, hashKeyMax, partitionKeyHashKey } from './hash-key.js';
import { type HashRange, hashRangeContains } from './hash-range.js';

/** What the map needs of a shard; callers may carry more (leader, replicas). */
export interface ShardRangeEntry {
  readonly shardId: string;
  readonly range: HashRange;
}

export class ShardMap<S extends ShardRangeEntry = ShardRangeEntry> {
  /** Open shards in order of their range's start. */
  readonly shards: readonly S[];
  /** Range starts, parallel to `shards`, for the binary search. */
  private readonly starts: readonly bigint[];

  private constructor(shards: readonly S[]) {
    this.shards = shards;
    this.starts = shards.map((s) => s.range.start);
  }

  /**
   * Builds the map over open shards. Overlapping ranges mean the metadata is
   * broken, which no caller can fix, so that is an Internal error.
   */
  static build<S extends ShardRangeEntry>(openShards: readonly S[]): ShardMap<S> {
    const sorted = [...openShards].sort((a, b) =>
      a.range.start < b.range.start ? -1 : a.range.start > b.range.start ? 1 : 0,
    );
    for (let i = 1; i < sorted.length; i++) {
      const prev = sorted[i - 1]!;
      const next = sorted[i]!;
      if (next.range.start <= prev.range.end) {
        throw new RheoError(
          'Internal',
          `shards ${prev.shardId} and ${next.shardId} have overlapping hash ranges`,
        );
      }
    }
    return new ShardMap(Object.freeze(sorted));
  }

  /** The open shard holding `hashKey`, or undefined when the key falls in a gap. */
  lookup(hashKey: bigint): S | undefined {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    // Find the last shard whose start is <= hashKey.
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (starts[mid]! <= hashKey) lo = mid + 1;
      else hi = mid - 1;
    }
    const shard = this.shards[hi];
    return shard !== undefined && hashRangeContains(shard.range, hashKey) ? shard : undefined;
  }

  /** The open shard for a 16-byte hash key. */
  lookupBytes(hashKey: Uint8Array, offset = 0): S | undefined {
    return this.lookup(hashKeyFromBytes(hashKey, offset));
  }

  /** The open shard for a record: its explicit hash key, else MD5 of its partition key. */
  route(partitionKey: string, explicitHashKey?: bigint): S | undefined {
    return this.lookup(explicitHashKey ?? partitionKeyHashKey(partitionKey));
  }

  /** True when the open shards cover 0 .. 2^128-1 with no gap, as a stream's must. */
  coversKeySpace(): boolean {
    let next = 0n;
    for (const shard of this.shards) {
      if (shard.range.start !== next) return false;
      next = shard.range.end + 1n;
    }
    return next === hashKeyMax + 1n;
  }
}
