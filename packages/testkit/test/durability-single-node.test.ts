// Durability of one node alone (replication factor 1) under kill -9
// (DESIGN.md §5, issue 4 part 6).
//
// One node process (LocalCluster, the built server), one static stream of
// 2 shards with that node as its only replica: an ack means the record's
// batch was synced to this node's disk. Eight idempotent SDK producers
// write continuously; mid-write the node is killed with SIGKILL; the
// producers keep retrying while it is down; it restarts on its data dir;
// more records are acknowledged; writing stops.
//
// Proven, by the checker (helpers/durability-check.ts) on the read-back of
// every shard from TRIM_HORIZON: every record acknowledged before the kill
// (and after) is present exactly once, at the shard and sequence number of
// its ack, in increasing sequence order, each key's counters increasing, no
// record twice or unsent: nothing acknowledged was lost with the process.
// The process is gone at the end (by pid).
import { afterEach, expect, test } from 'vitest';
import { Scenario } from './helpers/durability-scenario.js';

let scenario: Scenario | undefined;

afterEach(async () => {
  await scenario?.teardown();
}, 60_000);

test('RF1: kill -9 the only node mid-write, restart it: nothing acknowledged lost', async () => {
  scenario = new Scenario({ nodes: 1, shards: 2 });
  const cluster = await scenario.start();
  const workload = scenario.startWriting();
  await workload.waitForAcks(1500, 30_000);

  expect(await cluster.kill(1)).toEqual({ code: null, signal: 'SIGKILL' });
  const ackedAtKill = workload.ackedCount;
  scenario.mark(`kill -9 with ${ackedAtKill} acked`);

  await cluster.restart(1);
  scenario.mark('restarted');
  await workload.waitForAcks(1000, 45_000);
  scenario.mark(`${workload.ackedCount - ackedAtKill} acked since the kill`);
  await scenario.stopAndCheck();
}, 150_000);
