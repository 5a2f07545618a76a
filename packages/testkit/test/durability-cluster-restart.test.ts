// Durability under a whole-cluster crash (DESIGN.md §5, issue 4 part 6).
//
// Three node processes (LocalCluster, the built server), one static stream
// of 4 shards replicated on all three (RF3). Eight idempotent SDK producers
// (one client each, 4 partition keys each, a per-key counter in the data)
// write continuously; mid-write all three nodes are killed with SIGKILL at
// once (batches in flight lose their answers: their outcome is unknown);
// the producers keep retrying while the cluster is down; all three restart
// on their data dirs, elect leaders again from what is on disk, and take
// the retries (the idempotent producer's state is part of the replicated
// shard state, so a batch written before the crash is answered, not
// written again); more records are acknowledged; writing stops.
//
// Proven, by the checker (helpers/durability-check.ts) on the read-back of
// every shard from TRIM_HORIZON on EVERY replica (follower reads), once all
// replicas serve the same last sequence number: every acknowledged record
// (before and after the crash) is present exactly once on every replica at
// the shard and sequence number of its ack; all replicas serve the same
// records in the same order; each key's counters increase; no record
// appears twice or unsent; a read of every replica right after the restart
// is a prefix of the final log. Every process is gone at the end (by pid).
import { afterEach, expect, test } from 'vitest';
import { Scenario } from './helpers/durability-scenario.js';

let scenario: Scenario | undefined;

afterEach(async () => {
  await scenario?.teardown();
}, 60_000);

test('kill -9 all three nodes at once mid-write, restart all: every ack present once, in one order, on every replica', async () => {
  scenario = new Scenario({ nodes: 3, shards: 4 });
  const cluster = await scenario.start();
  const workload = scenario.startWriting();
  await workload.waitForAcks(1500, 30_000);

  const exits = await Promise.all(cluster.ids().map((id) => cluster.kill(id)));
  for (const exit of exits) expect(exit).toEqual({ code: null, signal: 'SIGKILL' });
  const ackedAtKill = workload.ackedCount;
  scenario.mark(`kill -9 of every node with ${ackedAtKill} acked`);

  await Promise.all(cluster.ids().map((id) => cluster.restart(id)));
  scenario.mark('every node restarted');
  await scenario.snapshot(); // what each node serves right after recovery
  await workload.waitForAcks(1500, 45_000);
  scenario.mark(`${workload.ackedCount - ackedAtKill} acked since the crash`);
  await scenario.stopAndCheck();
}, 150_000);
