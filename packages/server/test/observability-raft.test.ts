// Raft timings and bytes on disk per stream, on a real node's parts (LevelDB
// store, replica host leading two single-replica streams): every produced
// batch is one proposal, so the leader's commit histogram counts at least
// that many, each persisted Ready is one append, and their sums are
// positive and bounded by the test's run time; the streams' bytes on disk
// follow what each holds once LevelDB has flushed its memtable (the
// estimate counts table files only); stop() detaches the observers.
import { randomBytes } from 'node:crypto';
import { encodeBatch } from '@rheo/wire';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeMetrics, type NodeMetrics } from '../src/observability/index.js';
import { type Family, parseExposition, sampleValue } from './observability-exposition.js';
import { type NodeParts, startNodeParts } from './observability-parts.js';

const BATCHES = 12;
const RECORDS = 20;
const DATA_BYTES = 1_000;

describe('raft timings and bytes on disk per stream', () => {
  let parts: NodeParts;
  let metrics: NodeMetrics;
  let started: number;

  beforeAll(async () => {
    started = performance.now();
    parts = await startNodeParts(['orders', 'clicks']);
    metrics = createNodeMetrics({
      nodeId: 1,
      store: parts.store,
      host: parts.host,
      transport: parts.transport,
      processMetrics: false,
      streamDiskRefreshMs: 0,
    });
    const leader = await parts.leader('orders');
    await parts.leader('clicks');
    for (let b = 0; b < BATCHES; b++)
      await leader.produce(
        encodeBatch(
          Array.from({ length: RECORDS }, (_, i) => ({
            partitionKey: `k${b}-${i}`,
            data: randomBytes(DATA_BYTES), // incompressible: LevelDB's estimate is of compressed tables
          })),
        ),
      );
  });

  afterAll(async () => {
    metrics?.stop();
    await parts?.close();
  });

  async function scrape(): Promise<Map<string, Family>> {
    return parseExposition(await metrics.registry.metrics());
  }

  it("times each proposal to its commit on the leader, and each Ready's append", async () => {
    const f = await scrape();
    const elapsed = (performance.now() - started) / 1000;
    const v = (sample: string, family: string) => sampleValue(f, family, sample, { stream: 'orders' });
    const commits = v('rheo_raft_commit_duration_seconds_count', 'rheo_raft_commit_duration_seconds')!;
    const appends = v('rheo_raft_append_duration_seconds_count', 'rheo_raft_append_duration_seconds')!;
    expect(commits).toBeGreaterThanOrEqual(BATCHES);
    expect(appends).toBeGreaterThanOrEqual(BATCHES);
    for (const family of ['rheo_raft_commit_duration_seconds', 'rheo_raft_append_duration_seconds']) {
      const sum = v(`${family}_sum`, family)!;
      expect(sum, family).toBeGreaterThan(0);
      expect(sum, family).toBeLessThan(elapsed);
      expect(sampleValue(f, family, `${family}_bucket`, { stream: 'orders', le: '+Inf' })).toBe(
        v(`${family}_count`, family),
      );
    }
  });

  it("estimates each stream's bytes on disk from its groups' key ranges", async () => {
    // LevelDB's estimate counts table files: compacting the range flushes the memtable first.
    await parts.store.db.compactRange(Uint8Array.of(0), Uint8Array.of(0xff));
    const f = await scrape();
    const orders = sampleValue(f, 'rheo_stream_disk_bytes', 'rheo_stream_disk_bytes', { stream: 'orders' })!;
    const clicks = sampleValue(f, 'rheo_stream_disk_bytes', 'rheo_stream_disk_bytes', { stream: 'clicks' })!;
    const written = BATCHES * RECORDS * DATA_BYTES;
    expect(orders).toBeGreaterThanOrEqual(written * 0.9);
    expect(orders).toBeLessThanOrEqual(written * 3); // the log entry, and the key index's time points
    expect(clicks).toBeLessThan(written / 10);
    console.log(`observability-raft: orders ~${orders} bytes on disk for ${written} bytes of data`);
  });

  it('stop() detaches the observers from the host', () => {
    expect(parts.host.raftObserver).toBeDefined();
    metrics.stop();
    expect(parts.host.raftObserver).toBeUndefined();
  });
});
