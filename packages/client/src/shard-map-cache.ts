// The client's cache of shard maps, one per stream. A fetch goes to any seed
// node (Cluster.GetShardMap) with the cached epoch, so an unchanged map costs
// one small answer. Refreshes are single-flight per stream and spaced by a
// minimum interval: a burst of NotLeader answers after a leader change costs
// one fetch, not one per batch.

import type { pb } from './grpc.js';
import { StreamRoutes } from './shard-routes.js';

export type ShardMapFetch = (
  streamName: string,
  knownEpoch: number,
) => Promise<pb.GetShardMapResponse__Output>;

interface Entry {
  routes: StreamRoutes | undefined;
  fetchedMs: number;
  inflight: Promise<StreamRoutes> | undefined;
}

export class ShardMapCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly fetch: ShardMapFetch,
    private readonly now: () => number,
    private readonly refreshIntervalMinMs: number,
  ) {}

  /** The cached routes, without a fetch (the producer's synchronous hot path). */
  cached(streamName: string): StreamRoutes | undefined {
    return this.entries.get(streamName)?.routes;
  }

  /** The cached routes, fetching them when there are none. */
  get(streamName: string): Promise<StreamRoutes> {
    const routes = this.cached(streamName);
    return routes !== undefined ? Promise.resolve(routes) : this.refresh(streamName);
  }

  /**
   * Fetches the stream's map unless one was fetched within the minimum
   * interval (then the cached one is returned), sharing a fetch in flight.
   */
  refresh(streamName: string, force = false): Promise<StreamRoutes> {
    const entry = this.entry(streamName);
    if (entry.inflight !== undefined) return entry.inflight;
    if (!force && entry.routes !== undefined && this.now() - entry.fetchedMs < this.refreshIntervalMinMs) {
      return Promise.resolve(entry.routes);
    }
    const known = entry.routes?.epoch ?? 0;
    const inflight = this.fetch(streamName, known).then(
      (response) => {
        entry.inflight = undefined;
        entry.fetchedMs = this.now();
        if (!(response.unchanged && entry.routes !== undefined)) {
          entry.routes = StreamRoutes.fromResponse(response, streamName);
        }
        return entry.routes;
      },
      (err: unknown) => {
        entry.inflight = undefined;
        throw err;
      },
    );
    entry.inflight = inflight;
    return inflight;
  }

  /** Takes a NotLeader hint at once (the next batch goes there), ahead of the refresh it also triggers. */
  noteLeader(streamName: string, shardId: string, address: string, leaderNodeId = 0): void {
    const entry = this.entries.get(streamName);
    if (entry?.routes?.shard(shardId) === undefined) return;
    entry.routes = entry.routes.withLeader(shardId, address, leaderNodeId);
  }

  /** Forgets a stream's map (deleted or re-created stream). */
  invalidate(streamName: string): void {
    this.entries.delete(streamName);
  }

  private entry(streamName: string): Entry {
    let entry = this.entries.get(streamName);
    if (entry === undefined) {
      entry = { routes: undefined, fetchedMs: 0, inflight: undefined };
      this.entries.set(streamName, entry);
    }
    return entry;
  }
}
