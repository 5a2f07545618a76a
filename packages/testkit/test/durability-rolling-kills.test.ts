// Durability under repeated leader crashes (DESIGN.md §5, issue 4 part 6).
//
// Three node processes (LocalCluster, the built server), one static stream
// of 4 shards replicated on all three (RF3), eight idempotent SDK producers
// writing continuously. Two rounds, each while writing: find the node
// that leads the most shards, kill it with SIGKILL, wait for the survivors
// to elect other leaders and for more acks, restart it on its data dir,
// wait for more acks. Each round's victim is whoever leads most then, so a
// node restarted in one round (and maybe still catching up) can be the next
// round's new leader or victim. Then writing stops.
//
// Proven, by the checker (helpers/durability-check.ts) on the read-back of
// every shard from TRIM_HORIZON on EVERY replica once they agree: every
// acknowledged record is present exactly once at the shard and sequence
// number of its ack, all replicas serve the same records in the same order,
// each key's counters increase, nothing appears twice or unsent; reads of
// every running replica taken after each kill and each restart are prefixes
// of the final log. Every process is gone at the end (by pid).
import { afterEach, expect, test } from 'vitest';
import { Scenario, STREAM } from './helpers/durability-scenario.js';
import { busiestLeader, shardLeaders } from './helpers/durability-workload.js';

let scenario: Scenario | undefined;

afterEach(async () => {
  await scenario?.teardown();
}, 60_000);

const ROUNDS = 2;

test('two rounds of kill -9 of the busiest leader and restart, under writes: every ack present once, in one order, on every replica', async () => {
  scenario = new Scenario({ nodes: 3, shards: 4, workload: { recordsPerProducerMax: 10_000 } });
  const cluster = await scenario.start();
  const workload = scenario.startWriting();
  await workload.waitForAcks(500, 30_000);
  for (let round = 0; round < ROUNDS; round++) {
    const victim = busiestLeader(await shardLeaders(cluster, scenario.reader!, STREAM));
    expect(await cluster.kill(victim)).toEqual({ code: null, signal: 'SIGKILL' });
    scenario.mark(`round ${round}: kill -9 node ${victim}`);
    await scenario.snapshot();
    await shardLeaders(cluster, scenario.reader!, STREAM, { excluding: [victim] });
    await workload.waitForAcks(500, 45_000);
    await cluster.restart(victim);
    scenario.mark(`round ${round}: node ${victim} restarted`);
    await scenario.snapshot();
    await workload.waitForAcks(300, 30_000);
  }
  await scenario.stopAndCheck();
}, 150_000);
