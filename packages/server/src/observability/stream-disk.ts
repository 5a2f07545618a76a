// Bytes on disk per stream on this node. Every stream shares the node's one
// LevelDB, so there is no file to measure: the store estimates each group's
// size from LevelDB's index over the group's key ranges, its state and its
// entries in each log segment (NodeStore.approximateGroupBytes: table files
// only, compressed; what is still in the memtable, a few MiB at most, is not
// counted). That costs an index look-up per table file per range, so it
// runs at most once per interval (a minute by default) and scrapes in
// between see the last sums.
import type { ReplicaHost } from '@rheo/broker';
import type { NodeStore } from '@rheo/storage';
import { Gauge, type Registry } from 'prom-client';
import { diskRefreshMsDefault } from './disk-usage.js';

export function registerStreamDisk(
  registry: Registry,
  host: ReplicaHost,
  store: NodeStore,
  refreshMs = diskRefreshMsDefault,
  monoMs: () => number = () => performance.now(),
): void {
  let last = new Map<string, number>();
  let measuredMs = Number.NEGATIVE_INFINITY;
  let running: Promise<Map<string, number>> | undefined;
  const measure = async (): Promise<Map<string, number>> => {
    const sums = new Map<string, number>();
    for (const r of [...host.replicas()]) {
      const bytes = await store.approximateGroupBytes(r.spec.groupName).catch(() => 0);
      sums.set(r.spec.streamName, (sums.get(r.spec.streamName) ?? 0) + bytes);
    }
    last = sums;
    measuredMs = monoMs();
    return sums;
  };
  const sums = (): Promise<Map<string, number>> => {
    if (monoMs() - measuredMs < refreshMs) return Promise.resolve(last);
    running ??= measure().finally(() => {
      running = undefined;
    });
    return running;
  };
  new Gauge({
    name: 'rheo_stream_disk_bytes',
    help: "Approximate bytes the stream's replicas on this node take on disk (LevelDB's estimate over each group's keys; the memtable not counted; at most once a minute).",
    labelNames: ['stream'],
    registers: [registry],
    async collect() {
      const s = await sums();
      this.reset();
      for (const [stream, bytes] of s) this.set({ stream }, bytes);
    },
  });
}
