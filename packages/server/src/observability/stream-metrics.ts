// Per-stream traffic (and per-shard, for streams with enhanced monitoring),
// pulled at scrape time from each shard replica's plain counters
// (@rheo/broker ShardCounters), so produce and read paths do no metric work.
// Each node reports what it did itself: incoming figures on the shard's
// leader, outgoing on the replica that served the read; summing over nodes
// gives the cluster's figures.
import type { ReplicaHost, ShardReplica } from '@rheo/broker';
import { Counter, Gauge, type Registry } from 'prom-client';
import type { EnhancedMonitoring, ShardLevelMetric } from './enhanced-monitoring.js';
import { perScrape, setTotal } from './per-scrape.js';

type Counters = ShardReplica['counters'];

interface Figure {
  /** Name after rheo_stream_ / rheo_shard_. */
  readonly name: string;
  readonly help: string;
  readonly read: (c: Counters) => number;
  readonly shardMetric: ShardLevelMetric;
}

const figures: readonly Figure[] = [
  {
    name: 'incoming_bytes_total',
    help: 'Bytes of newly written records (their Raft entries), counted by the leader when the write commits',
    read: (c) => c.incomingBytes,
    shardMetric: 'IncomingBytes',
  },
  {
    name: 'incoming_records_total',
    help: 'Records newly written (duplicates of an idempotent producer not counted), counted by the leader',
    read: (c) => c.incomingRecords,
    shardMetric: 'IncomingRecords',
  },
  {
    name: 'outgoing_bytes_total',
    help: 'Bytes of stored record batches returned by GetRecords on this node',
    read: (c) => c.outgoingBytes,
    shardMetric: 'OutgoingBytes',
  },
  {
    name: 'outgoing_records_total',
    help: 'Records returned by GetRecords on this node',
    read: (c) => c.outgoingRecords,
    shardMetric: 'OutgoingRecords',
  },
];

interface Row {
  readonly stream: string;
  readonly shard: string;
  readonly c: Counters;
}

export function registerStreamMetrics(
  registry: Registry,
  host: ReplicaHost,
  enhanced: EnhancedMonitoring,
): void {
  const rows = perScrape((): Row[] =>
    [...host.replicas()].map((r) => ({ stream: r.spec.streamName, shard: r.spec.shardId, c: r.counters })),
  );
  for (const f of figures) {
    new Counter({
      name: `rheo_stream_${f.name}`,
      help: `${f.help}.`,
      labelNames: ['stream'],
      registers: [registry],
      collect() {
        setTotal(this, sumByStream(rows(), f.read));
      },
    });
    new Counter({
      name: `rheo_shard_${f.name}`,
      help: `${f.help}; per shard, for streams with enhanced monitoring (${f.shardMetric}).`,
      labelNames: ['stream', 'shard'],
      registers: [registry],
      collect() {
        setTotal(
          this,
          rows()
            .filter((r) => enhanced.has(r.stream, f.shardMetric))
            .map((r) => [{ stream: r.stream, shard: r.shard }, f.read(r.c)] as const),
        );
      },
    });
  }
  registerIteratorAge(registry, rows, enhanced);
}

function sumByStream(
  rows: readonly Row[],
  read: (c: Counters) => number,
): Array<[{ stream: string }, number]> {
  const sums = new Map<string, number>();
  for (const r of rows) sums.set(r.stream, (sums.get(r.stream) ?? 0) + read(r.c));
  return [...sums].map(([stream, n]) => [{ stream }, n]);
}

/**
 * Kinesis's GetRecords.IteratorAgeMilliseconds: how far behind the newest
 * record the last answer's reader was (its millisBehindLatest), per shard
 * replica that has served a read; the stream's figure is the largest.
 */
function registerIteratorAge(
  registry: Registry,
  rows: () => readonly Row[],
  enhanced: EnhancedMonitoring,
): void {
  new Gauge({
    name: 'rheo_stream_iterator_age_seconds',
    help: 'Largest, over the shards read on this node, of how far the last GetRecords answer was behind the newest record.',
    labelNames: ['stream'],
    registers: [registry],
    collect() {
      this.reset();
      const max = new Map<string, number>();
      for (const r of rows())
        if (r.c.reads > 0) max.set(r.stream, Math.max(max.get(r.stream) ?? 0, r.c.iteratorAgeMs));
      for (const [stream, ms] of max) this.set({ stream }, ms / 1000);
    },
  });
  new Gauge({
    name: 'rheo_shard_iterator_age_seconds',
    help: 'How far the last GetRecords answer of the shard on this node was behind its newest record; for streams with enhanced monitoring (IteratorAgeMilliseconds).',
    labelNames: ['stream', 'shard'],
    registers: [registry],
    collect() {
      this.reset();
      for (const r of rows())
        if (r.c.reads > 0 && enhanced.has(r.stream, 'IteratorAgeMilliseconds'))
          this.set({ stream: r.stream, shard: r.shard }, r.c.iteratorAgeMs / 1000);
    },
  });
}
