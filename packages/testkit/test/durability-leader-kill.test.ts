// Durability under kill -9 of a leader (DESIGN.md §5, issue 4 part 6).
//
// Three node processes (LocalCluster, the built server), one static stream
// of 4 shards replicated on all three (RF3). Eight idempotent SDK producers
// (one client each, 4 partition keys each, a per-key counter in the data)
// write continuously. In the middle of writing, the node that leads the most
// shards (Cluster.GetShardMap, all nodes agreeing) is killed with SIGKILL;
// writing goes on through the failover (the SDK retries NotLeader,
// Unavailable, broken streams and OutcomeUnknown) until more records are
// acknowledged by the new leaders; then the killed node restarts on its data
// dir, more records are acknowledged, and writing stops. At the moment of
// the kill one producer crashes too (its client closes without flushing):
// the records it had sent without an answer have an unknown outcome, and
// must appear at most once (and in key order) if at all.
//
// Proven, by the checker (helpers/durability-check.ts) on the read-back of
// every shard from TRIM_HORIZON on EVERY replica (follower reads), once all
// replicas serve the same last sequence number:
// - every acknowledged record is present exactly once on every replica, at
//   the shard and sequence number of its ack;
// - every replica serves the same records in the same order, with strictly
//   increasing sequence numbers;
// - each key's counters appear in increasing order and no record (acked or
//   with an unknown outcome) appears twice; nothing appears that was not sent.
// - reads taken mid-run (on the survivors right after the kill, and on every
//   replica right after the restart) are each a prefix of the final log: no
//   replica served data that was not committed.
// Also: the failover happened (a new leader for every shard the victim led,
// acks after the kill) and every process is gone at the end (by pid).
import { afterEach, expect, test } from 'vitest';
import { Scenario, STREAM } from './helpers/durability-scenario.js';
import { busiestLeader, shardLeaders } from './helpers/durability-workload.js';

let scenario: Scenario | undefined;

afterEach(async () => {
  await scenario?.teardown();
}, 60_000);

test('kill -9 the busiest leader mid-write, restart it: every ack present once, in one order, on every replica', async () => {
  scenario = new Scenario({ nodes: 3, shards: 4 });
  const cluster = await scenario.start();
  const before = await shardLeaders(cluster, scenario.reader!, STREAM);
  const workload = scenario.startWriting();
  await workload.waitForAcks(1000, 30_000);

  const leaders = await shardLeaders(cluster, scenario.reader!, STREAM);
  const victim = busiestLeader(leaders);
  const led = [...leaders].filter(([, id]) => id === victim).map(([shard]) => shard);
  scenario.mark(
    `leaders ${JSON.stringify([...before.values()])}; kill -9 node ${victim} (leads ${led.length})`,
  );
  const killed = cluster.kill(victim);
  const lost = workload.crash(0);
  expect(await killed).toEqual({ code: null, signal: 'SIGKILL' });
  const ackedAtKill = workload.ackedCount;
  scenario.mark(`producer 0 crashed with ${lost} records unanswered`);
  await scenario.snapshot(); // the survivors, mid-failover

  await workload.waitForAcks(1000, 45_000);
  // Throws unless the survivors agree on a leader other than the victim for every shard.
  const after = await shardLeaders(cluster, scenario.reader!, STREAM, { excluding: [victim] });
  scenario.mark(
    `failover: leaders ${JSON.stringify([...after.values()])}, ${workload.ackedCount - ackedAtKill} acked since the kill`,
  );

  await cluster.restart(victim);
  scenario.mark(`node ${victim} restarted`);
  await scenario.snapshot(); // the restarted node too, maybe behind
  await workload.waitForAcks(600, 30_000);
  await scenario.stopAndCheck();
}, 150_000);
