// Produce throughput and ack latency of one shard replicated on 3 in-process
// ReplicaHosts, each with its own real LevelDB (temp dir, synced group
// commit) and the in-memory network of the broker tests. Every ack means a
// majority has fsynced the entry. Batches: 500 records x 1 KiB (one
// PutRecords call each); N producers each keep one batch in flight (closed
// loop). Run: npm run bench -- broker
import { performance } from 'node:perf_hooks';
import { makeBatch } from '../test/helpers/batches.js';
import { TestCluster } from '../test/helpers/cluster.js';

const RECORDS_PER_BATCH = 500;
const RECORD_BYTES = 1024;
const DURATION_MS = Number(process.env.RHEO_BENCH_MS ?? 3000);
const PRODUCER_COUNTS = (process.env.RHEO_BENCH_PRODUCERS ?? '1,4,16').split(',').map(Number);

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function run(producers: number): Promise<void> {
  const cluster = await TestCluster.start({ replica: { tickIntervalMs: 50 } });
  try {
    const leader = await cluster.leader();
    const pool = Array.from({ length: 16 }, (_, i) =>
      makeBatch(`bench${i}`, RECORDS_PER_BATCH, RECORD_BYTES - 8),
    );
    const payloadBytes = pool[0]!.length;
    await leader.produce(pool[0]!); // warm-up
    const latencies: number[] = [];
    let batches = 0;
    let errors = 0;
    const start = performance.now();
    const end = start + DURATION_MS;
    await Promise.all(
      Array.from({ length: producers }, async (_, p) => {
        let i = p;
        while (performance.now() < end) {
          const t0 = performance.now();
          try {
            await leader.produce(pool[i++ % pool.length]!);
            latencies.push(performance.now() - t0);
            batches++;
          } catch (e) {
            // A leadership change under load: counted, and the run goes on against the same replica.
            errors++;
            if (errors > 1000) throw e;
            await new Promise((r) => setTimeout(r, 20));
          }
        }
      }),
    );
    const seconds = (performance.now() - start) / 1000;
    latencies.sort((a, b) => a - b);
    const records = batches * RECORDS_PER_BATCH;
    const st = leader.status();
    console.log(
      `producers=${String(producers).padStart(2)}  ${Math.round(records / seconds).toLocaleString('en-US')} records/s  ` +
        `${((batches * payloadBytes) / seconds / 1e6).toFixed(1)} MB/s  ack p50 ${percentile(latencies, 50).toFixed(1)} ms  ` +
        `p99 ${percentile(latencies, 99).toFixed(1)} ms  (${batches} batches, ${st.lastIndex} log entries, ` +
        `${cluster.store(cluster.leaderId(leader)).stats().writer.syncedBatches} leader fsyncs, ${errors} errors)`,
    );
  } finally {
    await cluster.close();
  }
}

console.log(
  `broker produce: 1 shard x 3 replicas, in-process, real LevelDB; ${RECORDS_PER_BATCH} x ${RECORD_BYTES} B per batch; ${DURATION_MS} ms per run`,
);
for (const n of PRODUCER_COUNTS) await run(n);
