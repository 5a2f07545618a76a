// The node's store: every LevelDB write the group-commit writer makes
// (latency and size, observed through its optional observer: one histogram
// update per write, never per record), its running totals (pulled), and the
// data directory's disk use (walked at most once a minute).
import type { NodeStore } from '@rheo/storage';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { DiskUsage } from './disk-usage.js';
import { perScrape, setTotal } from './per-scrape.js';

/** Seconds: 100 µs (a page-cache write) to 5 s (a disk in trouble). */
const writeBucketsSeconds = [
  0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5,
];
/** Bytes: 256 B to 16 MiB, by powers of 4. */
const batchBucketsBytes = [256, 1024, 4096, 16_384, 65_536, 262_144, 1_048_576, 4_194_304, 16_777_216];
const contributionBuckets = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512];

export interface StorageMetricsHandle {
  /** Detaches the writer observer. */
  stop(): void;
}

export function registerStorageMetrics(
  registry: Registry,
  store: NodeStore,
  disk: DiskUsage = new DiskUsage(store.db.location),
): StorageMetricsHandle {
  const duration = new Histogram({
    name: 'rheo_storage_write_duration_seconds',
    help: "Time of one LevelDB write of the group-commit writer; synced='true' includes its fsync.",
    labelNames: ['synced'],
    buckets: writeBucketsSeconds,
    registers: [registry],
  });
  const size = new Histogram({
    name: 'rheo_storage_write_size_bytes',
    help: 'Bytes (keys and values) of one LevelDB write of the group-commit writer.',
    buckets: batchBucketsBytes,
    registers: [registry],
  });
  const contributions = new Histogram({
    name: 'rheo_storage_write_contributions',
    help: 'Contributions (Raft groups persisting, metadata) carried by one LevelDB write: how many share its fsync.',
    buckets: contributionBuckets,
    registers: [registry],
  });
  const synced = { synced: 'true' };
  const unsynced = { synced: 'false' };
  store.writer.observer = (w) => {
    duration.observe(w.synced ? synced : unsynced, w.seconds);
    size.observe(w.bytes);
    contributions.observe(w.contributions);
  };
  registerStoreTotals(registry, store);
  registerDiskFigures(registry, disk);
  return {
    stop() {
      store.writer.observer = undefined;
    },
  };
}

function registerStoreTotals(registry: Registry, store: NodeStore): void {
  const stats = perScrape(() => store.stats());
  const total = (name: string, help: string, read: (s: ReturnType<NodeStore['stats']>) => number) =>
    new Counter({
      name,
      help,
      registers: [registry],
      collect() {
        setTotal(this, [[{}, read(stats())]]);
      },
    });
  total(
    'rheo_storage_written_bytes_total',
    'Bytes (keys and values) the group-commit writer wrote.',
    (s) => s.writer.bytes,
  );
  total(
    'rheo_storage_fsyncs_total',
    'Synced LevelDB writes (one fsync each).',
    (s) => s.writer.syncedBatches,
  );
  total(
    'rheo_storage_backpressure_waits_total',
    'Contributions that waited because the next write was full.',
    (s) => s.writer.backpressureWaits,
  );
  total(
    'rheo_storage_corrupt_values_total',
    'Corrupt values the store found (refused and reported).',
    (s) => s.corruptValues,
  );
  total(
    'rheo_storage_background_errors_total',
    'Failures of background work (trims, deletions).',
    (s) => s.backgroundErrors,
  );
  new Gauge({
    name: 'rheo_storage_groups',
    help: 'Raft groups (shard replicas, metadata) open in the store.',
    registers: [registry],
    collect() {
      this.set(stats().groups);
    },
  });
  new Gauge({
    name: 'rheo_storage_cache_slab_bytes',
    help: "Bytes of the slabs the groups' entry caches keep recent entries in, free ones included.",
    registers: [registry],
    collect() {
      this.set(stats().cacheSlabBytes);
    },
  });
}

function registerDiskFigures(registry: Registry, disk: DiskUsage): void {
  const gauge = (
    name: string,
    help: string,
    read: (f: NonNullable<Awaited<ReturnType<DiskUsage['figures']>>>) => number,
  ) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      async collect() {
        const f = await disk.figures();
        if (f !== undefined) this.set(read(f));
      },
    });
  gauge(
    'rheo_storage_data_dir_bytes',
    'Bytes of the files in the data directory (measured at most once a minute).',
    (f) => f.usedBytes,
  );
  gauge(
    'rheo_storage_filesystem_free_bytes',
    "Bytes still free for the node on its data directory's file system (at most once a minute).",
    (f) => f.freeBytes,
  );
  gauge(
    'rheo_storage_filesystem_size_bytes',
    "Size of the data directory's file system.",
    (f) => f.sizeBytes,
  );
}
