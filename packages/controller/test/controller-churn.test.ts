// Seeded churn against the simulated cluster (sim-cluster.ts), in two
// phases as TigerBeetle's VOPR runs them. Safety, throughout: no broker is
// ever told to delete its replica while it is a voter of a live group, and
// the metadata's desired sets stay well formed. Liveness, after healing
// (every node restarted, every drain undone; the active controller may
// have failed over to a fresh one on the same metadata): each shard of a live stream
// has its replication factor of replicas, the group's voters are exactly
// them with a live leader, deleted streams are forgotten, and no leader
// leads two more groups than a voter of one of its groups. Each run prints its seed; RHEO_SIM_SEED replays one
// (RHEO_SIM_RUNS sets how many seeds, from that one up).
import { describe, expect, it } from 'vitest';
import { SimCluster, seededRandom } from './sim-cluster.js';

const baseSeed = Number(process.env.RHEO_SIM_SEED ?? Math.floor(Math.random() * 2 ** 31));
const runs = Number(process.env.RHEO_SIM_RUNS ?? (process.env.RHEO_SIM_SEED === undefined ? 4 : 1));
const nodeIds = [1, 2, 3, 4, 5, 6];
const racks = ['a', 'b', 'c', 'a', 'b', 'c'];

function checkSafety(sim: SimCluster, seed: number): void {
  expect(sim.violations, `seed=${seed}`).toEqual([]);
  const state = sim.meta.state();
  for (const s of state.allShards()) {
    expect(new Set(s.replicas).size, `seed=${seed}`).toBe(s.replicas.length);
    expect(s.replicas.length, `seed=${seed}`).toBe(state.stream(s.streamName)!.replicationFactor);
  }
}

/** Why the cluster is not healed yet, or undefined when it is. */
function unhealed(sim: SimCluster): string | undefined {
  const state = sim.meta.state();
  const deleting = state.streams().find((s) => s.status === 'DELETING');
  if (deleting !== undefined) return `stream ${deleting.name} still DELETING`;
  const notAlive = state.nodes().find((n) => n.state !== 'ALIVE');
  if (notAlive !== undefined) return `node ${notAlive.id} is ${notAlive.state}`;
  for (const shard of state.allShards()) {
    const g = sim.groups.get(shard.groupId);
    const what = `group ${shard.groupId} (desired ${shard.replicas}, sim ${JSON.stringify(g)})`;
    if (g === undefined || !sim.alive.has(g.leader)) return `${what}: no live leader`;
    if (
      [...g.voters].sort((a, b) => a - b).join() !== shard.replicas.join() ||
      g.learners.length > 0 ||
      g.outgoing.length > 0
    ) {
      return `${what}: membership differs`;
    }
    for (const [node, hosted] of sim.hosted) {
      if (hosted.has(shard.groupId) !== shard.replicas.includes(node))
        return `${what}: node ${node} hosting differs`;
    }
  }
  // Replicas are not re-balanced after a restart (only a death or a drain moves them), so a node may
  // share no group with the busiest one; what must hold is that no single move would even things out:
  // no group led by a node that leads two more than one of its voters.
  const counts = new Map(nodeIds.map((id, i) => [id, sim.leaderCounts(nodeIds)[i]!]));
  for (const shard of state.allShards()) {
    const g = sim.groups.get(shard.groupId)!;
    const under = g.voters.find((v) => counts.get(v)! + 2 <= counts.get(g.leader)!);
    if (under !== undefined)
      return `leaders uneven: ${[...counts]} (group ${shard.groupId} could move to ${under})`;
  }
  return undefined;
}

async function churn(seed: number): Promise<void> {
  const random = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const sim = new SimCluster(seed);
  for (const id of nodeIds) await sim.addNode(id, racks[id - 1]!);
  let streams = 0;
  for (let step = 0; step < 25; step++) {
    const live = nodeIds.filter((id) => sim.alive.has(id));
    const dead = nodeIds.filter((id) => !sim.alive.has(id));
    const event = pick([
      'create',
      'create',
      'delete',
      'kill',
      'revive',
      'drain',
      'undrain',
      'failover',
      'wait',
    ]);
    const c = sim.controller;
    // Refusals (too few live brokers, unknown stream, ...) are part of the game; anything else is a bug.
    const refusedOk = (err: unknown) => {
      if (!(err instanceof Error && 'code' in err)) throw err;
    };
    if (event === 'create') {
      await c
        .createStream({ name: `s${streams++}`, shardCount: 1 + Math.floor(random() * 4) })
        .catch(refusedOk);
    } else if (event === 'delete' && streams > 0) {
      await c.deleteStream(`s${Math.floor(random() * streams)}`).catch(refusedOk);
    } else if (event === 'kill' && live.length > 4) {
      sim.kill(pick(live));
    } else if (event === 'revive' && dead.length > 0) {
      const id = pick(dead);
      await sim.addNode(id, racks[id - 1]!);
    } else if (event === 'drain') {
      await c.drainNode(pick(nodeIds)).catch(refusedOk);
    } else if (event === 'undrain') {
      await c.undrainNode(pick(nodeIds)).catch(refusedOk);
    } else if (event === 'failover') {
      sim.failover();
    }
    await sim.run(500 + Math.floor(random() * 4000));
    checkSafety(sim, seed);
  }
  for (const id of nodeIds) {
    if (!sim.alive.has(id)) await sim.addNode(id, racks[id - 1]!);
    await sim.controller.undrainNode(id);
  }
  const c = sim.controller;
  for (let t = 0; t < 60_000 && unhealed(sim) !== undefined; t += 500) {
    await sim.run(500);
    checkSafety(sim, seed);
  }
  expect(
    unhealed(sim),
    `not healed within 60 s of simulated time; reproduce with RHEO_SIM_SEED=${seed}`,
  ).toBe(undefined);
  const moved = sim.meta
    .state()
    .allShards()
    .filter((s) => s.replicas.join() !== s.founders.join()).length;
  console.log(
    `seed=${seed}: ${sim.meta.state().allShards().length} shards, ${moved} re-placed, metadata epoch ${sim.meta.state().appliedIndex}`,
  );
  // A controller that just took over has heard nothing yet: its counts need one round of heartbeats.
  await sim.run(1_000);
  expect(c.underReplicatedShards(), `seed=${seed}`).toBe(0);
  expect(c.leaderlessShards(), `seed=${seed}`).toBe(0);
}

describe('active controller under seeded churn', () => {
  for (let i = 0; i < runs; i++) {
    const seed = (baseSeed + i) >>> 0;
    it(`heals after kills, restarts, drains and deletes (seed ${seed})`, async () => {
      console.log(`controller churn seed=${seed}`);
      await churn(seed);
    });
  }
});
