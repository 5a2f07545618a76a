// Durability under kill -9 of a follower (DESIGN.md §5, issue 4 part 6).
//
// Three node processes (LocalCluster, the built server), one static stream
// of 2 shards replicated on all three (RF3): with 2 shards and 3 nodes one
// node leads nothing, and that node is the victim, so it is a pure
// follower. Eight idempotent SDK producers (one client each, 4 partition
// keys each, a per-key counter in the data) write continuously; mid-write
// the follower is killed with SIGKILL; the leaders go on acknowledging with
// the remaining majority; the follower restarts on its data dir and must
// catch up (from the leaders' logs) while writing continues; writing stops.
//
// Proven, by the checker (helpers/durability-check.ts) on the read-back of
// every shard from TRIM_HORIZON on EVERY replica (follower reads), once all
// replicas serve the same last sequence number (the restarted follower
// included): every acknowledged record is present exactly once on every
// replica at the shard and sequence number of its ack; all replicas serve
// the same records in the same order; each key's counters increase; no
// record appears twice or unsent; reads taken mid-run (while the follower
// was down, and while it caught up after the restart) are each a prefix of
// the final log (no replica served uncommitted data). Also: acks continued
// while the follower was down, and every process is gone at the end (by pid).
import { afterEach, expect, test } from 'vitest';
import { Scenario, STREAM } from './helpers/durability-scenario.js';
import { shardLeaders } from './helpers/durability-workload.js';

let scenario: Scenario | undefined;

afterEach(async () => {
  await scenario?.teardown();
}, 60_000);

test('kill -9 a follower mid-write, restart it: it catches up; every ack present once, in one order, on every replica', async () => {
  scenario = new Scenario({ nodes: 3, shards: 2 });
  const cluster = await scenario.start();
  const workload = scenario.startWriting();
  await workload.waitForAcks(1000, 30_000);

  const leaders = await shardLeaders(cluster, scenario.reader!, STREAM);
  const victim = cluster.ids().find((id) => ![...leaders.values()].includes(id));
  expect(victim, `a node leading nothing (leaders ${JSON.stringify([...leaders])})`).toBeDefined();
  scenario.mark(`leaders ${JSON.stringify([...leaders.values()])}; kill -9 follower node ${victim}`);
  expect(await cluster.kill(victim!)).toEqual({ code: null, signal: 'SIGKILL' });

  await workload.waitForAcks(1000, 45_000);
  await scenario.snapshot(); // the two survivors
  scenario.mark(
    `with node ${victim} down: leaders ${JSON.stringify([...(await shardLeaders(cluster, scenario.reader!, STREAM)).values()])}`,
  );

  await cluster.restart(victim!);
  scenario.mark(`node ${victim} restarted`);
  await scenario.snapshot(); // the restarted follower while it catches up
  await workload.waitForAcks(600, 30_000);
  await scenario.stopAndCheck();
}, 150_000);
