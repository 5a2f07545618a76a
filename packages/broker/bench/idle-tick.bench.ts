// The cost of idle shards: 3 in-process ReplicaHosts (real LevelDB) sharing
// GROUPS shard groups, every group elected and idle; then each host's tick
// of all its groups is timed (the shared timer calls exactly this).
// Run: npm run bench -- idle-tick
import { performance } from 'node:perf_hooks';
import { shardSpec, TestCluster } from '../test/helpers/cluster.js';

const GROUPS = Number(process.env.RHEO_BENCH_GROUPS ?? 100);
const TICKS = 200;

const ids = [1, 2, 3];
const cluster = await TestCluster.start({
  shards: Array.from({ length: GROUPS }, (_, i) => shardSpec(i, ids)),
  replica: { tickIntervalMs: 20 },
});
try {
  await Promise.all(cluster.shards.map((s) => cluster.leader(s.groupId, 60_000)));
  await new Promise((r) => setTimeout(r, 200));
  console.log(`idle ticks: ${GROUPS} groups x 3 replicas, in-process`);
  for (const id of ids) {
    const host = cluster.host(id);
    const leads = [...host.replicas()].filter((r) => r.status().serving).length;
    const t0 = performance.now();
    for (let i = 0; i < TICKS; i++) host.tick();
    const perTickUs = ((performance.now() - t0) * 1000) / TICKS;
    console.log(
      `node ${id}: leads ${leads}/${GROUPS}; one tick of all groups ${perTickUs.toFixed(0)} µs ` +
        `(${(perTickUs / GROUPS).toFixed(2)} µs per group; heartbeats are sent on the next turn)`,
    );
  }
} finally {
  await cluster.close();
}
