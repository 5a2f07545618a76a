// A node whose entry cache holds less than two entries still makes
// progress: a follower that fell behind is caught up from the leader's disk
// (every entry it needs is a cache miss and a background load) while the
// leader keeps applying and answering producers. Each entry here (40 records
// of 1 KiB) is bigger than half the 64 KiB cache, so a load could not stay in
// the cache beside the tail's newest entry: it was evicted as it landed, the
// core missed again, and the leader spun on loads without the follower ever
// catching up (seen with RHEO_STORAGE_CACHE_BYTES=1048576 under load).
import { afterEach, describe, expect, it } from 'vitest';
import { makeBatch } from './helpers/batches.js';
import { TestCluster } from './helpers/cluster.js';

let cluster: TestCluster | undefined;
afterEach(async () => {
  await cluster?.close();
  cluster = undefined;
});

describe('an entry cache smaller than two entries', () => {
  it('catches a lagging follower up from disk while the leader keeps answering', async () => {
    cluster = await TestCluster.start({ store: { nodeCacheBytesMax: 64 * 1024 } });
    const leader = await cluster.leader();
    const leaderId = cluster.leaderId(leader);
    const lagging = cluster.ids.find((id) => id !== leaderId)!;
    cluster.net.isolate(lagging, cluster.ids);
    for (let b = 0; b < 8; b++) await leader.produce(makeBatch(`a${b}`, 40, 1024));
    cluster.net.heal();
    // Acknowledging these needs the leader to apply while it reads the follower's entries back.
    const later = Promise.all(
      Array.from({ length: 4 }, (_, b) => leader.produce(makeBatch(`b${b}`, 40, 1024))),
    );
    later.catch(() => {}); // awaited below, unless the convergence fails first
    await cluster.converge(undefined, 5_000);
    for (const ack of await later) expect(ack.recordCount).toBe(40);
    await cluster.converge(undefined, 5_000);
    expect(cluster.store(leaderId).group(leader.spec.groupName).completedLoads()).toBeGreaterThan(0);
    const want = (await cluster.readAll(leaderId)).map((r) => r.tag);
    expect(want).toHaveLength(12 * 40);
    expect((await cluster.readAll(lagging)).map((r) => r.tag)).toEqual(want);
  });
});
