// What the service handlers need from the node: its streams, replicas,
// peers and bounds. An interface, so the handlers can be read (and tested)
// without the node's start-up around them.
import type { ReplicaHost } from '@rheo/broker';
import type { ServiceMetrics } from '../observability/index.js';
import type { TransportStats } from '../transport/transport-types.js';
import type { Catalog } from './catalog.js';
import type { ClusterAccess } from './cluster-access.js';
import type { InflightBudget } from './inflight-budget.js';
import type { ErrorContext } from './service-errors.js';
import type { SubscriptionBounds } from './subscribe-options.js';

/** The window a Produce stream starts with (the config's per-stream bounds). */
export interface ProduceWindowBounds {
  readonly inflightBytesMax: number;
  readonly inflightBatchesMax: number;
}

export interface ServiceContext extends ErrorContext {
  readonly clusterId: string;
  /** This node's rack label (DescribeCluster). */
  readonly rack: string;
  /** Streams and shards: the static streams, or the metadata in cluster mode. */
  readonly catalog: Catalog;
  /** Cluster mode: the metadata, the controller and forwarding to it; undefined in static mode. */
  readonly cluster?: ClusterAccess | undefined;
  readonly host: ReplicaHost;
  readonly budget: InflightBudget;
  readonly window: ProduceWindowBounds;
  /** Same secret as the replicas': the server reads a token's shard before routing it. */
  readonly iteratorSecret: Uint8Array;
  readonly iteratorTtlMs: number;
  readonly calls: CallTracker;
  readonly transportStats: () => TransportStats;
  readonly nowMs: () => number;
  /** SubscribeToShard's bounds; the defaults (subscribe-options.ts) when left out. */
  readonly subscriptions?: SubscriptionBounds | undefined;
  /** Put and get latencies, throttles (docs/metrics.md); undefined where no metrics are kept. */
  readonly metrics?: ServiceMetrics | undefined;
}

/**
 * Calls in progress, for a graceful stop: once `stopping`, new calls and
 * new batches are refused (Unavailable), and `idle()` resolves when the
 * ones already taken have been answered.
 */
export class CallTracker {
  private active = 0;
  private stoppingFlag = false;
  private idleWaiters: Array<() => void> = [];
  private readonly stopListeners = new Set<() => void>();

  get stopping(): boolean {
    return this.stoppingFlag;
  }

  get inflight(): number {
    return this.active;
  }

  begin(): void {
    this.active++;
  }

  end(): void {
    this.active--;
    if (this.active === 0) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const w of waiters) w();
    }
  }

  /** Refuses new work from now on and tells open streams (they end once their batches are answered). */
  stop(): void {
    if (this.stoppingFlag) return;
    this.stoppingFlag = true;
    for (const l of this.stopListeners) l();
  }

  onStop(listener: () => void): () => void {
    this.stopListeners.add(listener);
    return () => this.stopListeners.delete(listener);
  }

  /** Resolves when no call or batch is in progress. */
  idle(): Promise<void> {
    if (this.active === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }
}
