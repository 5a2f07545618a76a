// SubscribeToShard's bounds (docs/consumers.md): how long a subscription
// lasts, the per-consumer per-shard rate, the most bytes one event reads
// ahead, how often an idle subscription sends a keep-alive event, and the
// most subscriptions one node serves at once.
import { RheoError } from '@rheo/wire';

export interface SubscriptionBounds {
  /** Kinesis: 5 minutes; the client resubscribes from the continuation. */
  readonly lifetimeMs: number;
  /** Kinesis: 2 MiB/s per consumer per shard. */
  readonly bytesPerS: number;
  /** Bytes of stored batches one event carries at most (one entry always goes, so at most one batch more). */
  readonly eventBytesMax: number;
  /** An idle subscription sends an empty event this often (its continuation and lag). */
  readonly keepAliveMs: number;
  /** Subscriptions one node serves at once; past it, LimitExceeded. */
  readonly perNodeMax: number;
}

const MiB = 1024 * 1024;

export const subscriptionDefaults: SubscriptionBounds = Object.freeze({
  lifetimeMs: 300_000,
  bytesPerS: 2 * MiB,
  eventBytesMax: 1 * MiB,
  keepAliveMs: 5_000,
  perNodeMax: 1_000,
});

/** Subscriptions in progress on one node, bounded. */
export class SubscriptionRegistry {
  private active = 0;
  /** Bytes handed to gRPC and not yet flushed, per subscription id (read by tests and metrics). */
  readonly readAhead = new Map<number, number>();
  /** The most bytes any one subscription had handed to gRPC and not yet flushed. */
  peakReadAheadBytes = 0;
  private nextId = 1;

  constructor(readonly bounds: SubscriptionBounds) {}

  /** Takes a slot; LimitExceeded when the node is full. Returns the subscription's id. */
  enter(): number {
    if (this.active >= this.bounds.perNodeMax)
      throw new RheoError(
        'LimitExceeded',
        `this node serves ${this.bounds.perNodeMax} subscriptions already (subscription_per_node_max); subscribe through another replica of the shard or later`,
      );
    this.active++;
    const id = this.nextId++;
    this.readAhead.set(id, 0);
    return id;
  }

  /** A subscription's unflushed bytes changed by `delta`. */
  noteReadAhead(id: number, delta: number): void {
    const now = (this.readAhead.get(id) ?? 0) + delta;
    if (!this.readAhead.has(id)) return;
    this.readAhead.set(id, now);
    if (now > this.peakReadAheadBytes) this.peakReadAheadBytes = now;
  }

  leave(id: number): void {
    if (this.readAhead.delete(id)) this.active--;
  }

  get count(): number {
    return this.active;
  }
}

const registries = new WeakMap<object, SubscriptionRegistry>();
const everyRegistry = new Set<SubscriptionRegistry>();

/** Every registry made in this process (in-process tests read their figures). */
export function subscriptionRegistries(): ReadonlySet<SubscriptionRegistry> {
  return everyRegistry;
}

/** The node's registry (one per service context), made on first use with `bounds`. */
export function subscriptionRegistry(
  ctx: object,
  bounds: SubscriptionBounds = subscriptionDefaults,
): SubscriptionRegistry {
  let r = registries.get(ctx);
  if (r === undefined) {
    r = new SubscriptionRegistry(bounds);
    registries.set(ctx, r);
    everyRegistry.add(r);
  }
  return r;
}
