// One shard's throttle: four token buckets (write bytes and records, read
// bytes and calls) over the limits in force, on the replica's clock.
//
// - A write batch is admitted whole or refused whole (a batch is atomic in
//   the contract), charged to both write buckets at once.
// - A GetRecords call takes one call token, and is refused while the read
//   bytes bucket is in debt; its bytes are charged once the read is done.
//   So a 10 MiB answer at 2 MiB/s keeps the shard's readers waiting about
//   4 s, much as Kinesis refuses calls for 5 s after a 10 MiB GetRecords.
//
// Refusals are ProvisionedThroughputExceeded with Kinesis's message and a
// retry-after hint (when the bucket will have room), and are counted.
import { RheoError } from '@rheo/wire';
import type { ShardCounters } from './shard-counters.js';
import {
  burstSeconds,
  effectiveShardLimits,
  type ShardLimitsOverride,
  type ShardThroughputLimits,
} from './shard-limits.js';
import { TokenBucket } from './token-bucket.js';

/** Where a throttle sits, for its messages. */
export interface ThrottleSite {
  readonly streamName: string;
  readonly shardId: string;
  /** Kinesis names the account; Rheo's account is the cluster id. */
  readonly account: string;
}

/** The least retry-after hint: a client retrying sooner would only be refused again. */
const retryAfterMsMin = 10;

export class ShardThrottle {
  private readonly writeBytes: TokenBucket;
  private readonly writeRecords: TokenBucket;
  private readonly readBytes: TokenBucket;
  private readonly readCalls: TokenBucket;
  private override: ShardLimitsOverride | undefined = undefined;
  private limitsInForce: ShardThroughputLimits;

  constructor(
    private readonly site: ThrottleSite,
    private readonly cluster: ShardThroughputLimits,
    private readonly nowMs: () => number,
    private readonly counters: ShardCounters,
  ) {
    const now = nowMs();
    const l = cluster;
    this.limitsInForce = l;
    this.writeBytes = new TokenBucket(l.writeBytesPerS, l.writeBytesPerS * burstSeconds, now);
    this.writeRecords = new TokenBucket(l.writeRecordsPerS, l.writeRecordsPerS * burstSeconds, now);
    this.readBytes = new TokenBucket(l.readBytesPerS, l.readBytesPerS * burstSeconds, now);
    this.readCalls = new TokenBucket(l.readCallsPerS, l.readCallsPerS * burstSeconds, now);
  }

  get limits(): ShardThroughputLimits {
    return this.limitsInForce;
  }

  /**
   * The stream's overrides, as the caller's catalog holds them; cheap when
   * unchanged (the same object), so the server passes them on every call.
   */
  useStreamLimits(override: ShardLimitsOverride | undefined): void {
    if (override === this.override) return;
    this.override = override;
    const l = effectiveShardLimits(this.cluster, override);
    this.limitsInForce = l;
    const now = this.nowMs();
    this.writeBytes.configure(l.writeBytesPerS, l.writeBytesPerS * burstSeconds, now);
    this.writeRecords.configure(l.writeRecordsPerS, l.writeRecordsPerS * burstSeconds, now);
    this.readBytes.configure(l.readBytesPerS, l.readBytesPerS * burstSeconds, now);
    this.readCalls.configure(l.readCallsPerS, l.readCallsPerS * burstSeconds, now);
  }

  /** Admits a write batch (charging both write buckets), or answers the refusal. */
  admitWrite(bytes: number, records: number): RheoError | undefined {
    const now = this.nowMs();
    if (this.writeBytes.fits(bytes, now) && this.writeRecords.fits(records, now)) {
      this.writeBytes.tryTake(bytes, now);
      this.writeRecords.tryTake(records, now);
      return undefined;
    }
    this.counters.writeThrottled++;
    this.counters.writeThrottledRecords += records;
    const wait = Math.max(this.writeBytes.waitMs(bytes, now), this.writeRecords.waitMs(records, now));
    return this.exceeded(wait);
  }

  /** Admits one GetRecords call, or answers the refusal. */
  admitRead(): RheoError | undefined {
    const now = this.nowMs();
    if (!this.readBytes.inDebt(now) && this.readCalls.tryTake(1, now)) return undefined;
    this.counters.readThrottled++;
    const wait = Math.max(this.readCalls.waitMs(1, now), this.readBytes.waitMs(0, now));
    return this.exceeded(wait);
  }

  /** The bytes an admitted read handed out. */
  chargeRead(bytes: number): void {
    this.readBytes.charge(bytes, this.nowMs());
  }

  private exceeded(waitMs: number): RheoError {
    const s = this.site;
    return new RheoError(
      'ProvisionedThroughputExceeded',
      `Rate exceeded for shard ${s.shardId} in stream ${s.streamName} under account ${s.account}.`,
      { retryAfterMs: Math.max(retryAfterMsMin, waitMs) },
    );
  }
}
