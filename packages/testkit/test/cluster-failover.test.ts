// The cluster manages itself (issue 5 part 9), on five real node processes
// on 127.0.0.1: nodes 1-3 run both roles (the metadata group), 4 and 5 are
// brokers. A stream of 6 shards at replication factor 3 is created through
// the admin API and written continuously by idempotent SDK producers while:
//
//   (a) the active controller is killed with SIGKILL (another voter takes
//       over; the killed node later restarts on its data dir);
//   (b) the node leading the most shards (not the controller) is killed
//       with SIGKILL and never returns: after the grace period the
//       controller re-creates its replicas elsewhere;
//   (c) a broker is drained (its leaders and replicas move away), stopped,
//       and removed from the cluster.
//
// Proven afterwards, by the durability checker on every shard read back
// from TRIM_HORIZON on each node of its replica set:
// - every acknowledged record is present exactly once, at its acked shard
//   and sequence number, on every replica, in one order per shard, with
//   strictly increasing sequence numbers and each key's counters in order;
// - every shard has three replicas again, none on the dead or removed node;
// - leaders are spread within one of even over the live brokers;
// - a client whose first seed addresses are dead nodes still finds its way.
import { RheoClient } from '@rheo/client';
import { LocalCluster, pidAlive } from '@rheo/testkit';
import { afterEach, expect, test } from 'vitest';
import {
  clusterCall,
  describeClusterOn,
  readReplicaSets,
  type ShardView,
  shardMapOn,
  waitFor,
} from './helpers/cluster-views.js';
import { checkDurability, checkSnapshots, formatViolations } from './helpers/durability-check.js';
import { Workload, workloadDefaults } from './helpers/durability-workload.js';

const STREAM = 'orders';
const SHARDS = 6;

let cluster: LocalCluster | undefined;
let reader: RheoClient | undefined;
let workload: Workload | undefined;
const marks: string[] = [];
const started = Date.now();
const mark = (what: string): void => {
  marks.push(`${((Date.now() - started) / 1000).toFixed(1)}s ${what}`);
};

afterEach(async () => {
  await workload?.stop().catch(() => undefined);
  reader?.close();
  const pids = cluster?.pids() ?? [];
  await cluster?.destroy();
  for (const pid of pids) expect(pidAlive(pid), `pid ${pid} still running`).toBe(false);
}, 60_000);

test('five nodes: kill the controller, lose a leader for good, drain a broker; nothing acknowledged is lost', async () => {
  cluster = await LocalCluster.start({
    nodes: 5,
    controllers: 3,
    args: [
      '--heartbeat-interval-ms',
      '250',
      '--node-suspect-after-ms',
      '1000',
      '--node-dead-after-ms',
      '4000',
    ],
  });
  const c = cluster;
  reader = new RheoClient({ endpoints: c.endpoints() });
  const r = reader;
  const running = (): number[] => c.ids().filter((id) => c.running(id));
  const anyRunning = (): number => running()[0]!;

  await r.admin.createStream(STREAM, { shardCount: SHARDS, replicationFactor: 3 });
  await r.admin.waitForActive(STREAM, 30_000);
  mark('stream active');
  workload = new Workload(c.endpoints(), {
    ...workloadDefaults,
    recordsPerProducerMax: 20_000,
    stream: STREAM,
  });
  await workload.waitForAcks(500, 30_000);

  // (a) The active controller dies; another voter takes over; the node comes back.
  const controller = (await describeClusterOn(c, r, anyRunning())).controllerNodeId;
  expect(controller).toBeGreaterThan(0);
  mark(`kill -9 controller ${controller}`);
  await c.kill(controller);
  const successor = await waitFor('a new active controller', 30_000, async () => {
    const id = (await describeClusterOn(c, r, anyRunning())).controllerNodeId;
    return id !== 0 && id !== controller ? id : undefined;
  });
  mark(`controller ${successor} took over`);
  await workload.waitForAcks(500, 45_000);
  await c.restart(controller);
  mark(`node ${controller} restarted`);

  // (b) The busiest leader other than the active controller dies for good.
  const before = await stableMap(c, r);
  const victim = busiest(before, [successor]);
  mark(`kill -9 node ${victim} for good (leads ${before.filter((s) => s.leader === victim).length})`);
  await c.kill(victim);
  await workload.waitForAcks(500, 60_000);
  await waitFor(`every shard re-replicated away from node ${victim}`, 90_000, async () => {
    const map = await shardMapOn(c, r, anyRunning(), STREAM);
    const done = map.every((s) => s.replicas.length === 3 && !s.replicas.includes(victim) && s.leader > 0);
    return done ? map : undefined;
  });
  mark(`shards re-replicated without node ${victim}`);

  // (c) Drain a broker-only node (a controller voter stays: the metadata group keeps its quorum).
  const drained = [4, 5].find((id) => id !== victim && c.running(id))!;
  await clusterCall(c, r, anyRunning(), 'DrainNode', { nodeId: drained });
  mark(`draining node ${drained}`);
  await waitFor(`node ${drained} DRAINED`, 90_000, async () => {
    const view = await describeClusterOn(c, r, anyRunning());
    return view.nodes.find((n) => n.nodeId === drained)?.state === 'NODE_STATE_DRAINED' ? true : undefined;
  });
  // Stop first, then forget it: a running node that is forgotten registers again (as a restarted one would).
  await c.stop(drained);
  await clusterCall(c, r, anyRunning(), 'RemoveNode', { nodeId: drained });
  mark(`node ${drained} drained, stopped and removed`);
  await workload.waitForAcks(300, 45_000);

  const result = await workload.stop();
  workload = undefined;
  mark(`stopped writing: ${result.acked.length} acked, ${result.unacked.length} not`);

  // Full replication on the survivors, leaders spread within one of even.
  const live = running();
  const final = await waitFor(
    'three replicas per shard on live nodes, leaders balanced',
    60_000,
    async () => {
      const map = await shardMapOn(c, r, anyRunning(), STREAM);
      const ok =
        map.length === SHARDS &&
        map.every(
          (s) => s.replicas.length === 3 && s.replicas.every((id) => live.includes(id)) && s.leader > 0,
        );
      return ok && spread(map, live) <= 1 ? map : undefined;
    },
  );
  // The map is the metadata's intent; the controller counts a replica as healthy only once its
  // node reports hosting it and the group's leader has made it a voter (a moved replica joins
  // as a learner and catches up first), so the count reaches 0 a few heartbeats later.
  const view = await waitFor("no under-replicated shard in the controller's count", 60_000, async () => {
    const v = await describeClusterOn(c, r, anyRunning());
    if (v.underReplicatedShardCount !== 0) throw new Error(`count ${v.underReplicatedShardCount}`);
    return v;
  });
  expect(view.nodes.some((n) => n.nodeId === drained)).toBe(false);

  const replicas = await readReplicaSets(c, r, STREAM, final);
  const hosts = new Map(final.map((s) => [s.shardId, s.replicas]));
  const violations = [
    ...checkDurability({
      acked: result.acked,
      unacked: result.unacked,
      replicas,
      shardIds: final.map((s) => s.shardId),
      hostsOf: (shardId) => hosts.get(shardId) ?? [],
    }),
    ...checkSnapshots(
      [],
      replicas,
      final.map((s) => s.shardId),
    ),
  ];
  const summary = `${marks.join('; ')}; failures ${JSON.stringify([...result.failures])}`;
  expect(formatViolations(violations), summary).toBe('');
  expect(result.acked.length).toBeGreaterThan(1500);
  console.log(summary);

  // A client whose first seeds are gone finds a live node.
  const late = new RheoClient({
    endpoints: [c.node(victim).address, c.node(drained).address, c.node(live[0]!).address],
  });
  try {
    const summaryOfStream = await late.admin.describeStreamSummary(STREAM);
    expect(summaryOfStream.openShardCount).toBe(SHARDS);
    const producer = late.producer({ producerId: 'late-client' });
    const ack = await producer.send(STREAM, { partitionKey: 'late', data: Buffer.from('found its way') });
    expect(ack.sequenceNumber).toMatch(/^\d{56}$/);
    await producer.close();
  } finally {
    late.close();
  }
}, 420_000);

/** The shard map once every shard has a leader. */
async function stableMap(c: LocalCluster, r: RheoClient): Promise<ShardView[]> {
  return waitFor('a leader for every shard', 30_000, async () => {
    const map = await shardMapOn(c, r, c.ids().find((id) => c.running(id))!, STREAM);
    return map.length > 0 && map.every((s) => s.leader > 0) ? map : undefined;
  });
}

/** The node leading the most shards, outside `excluding` (lowest id on a tie). */
function busiest(map: readonly ShardView[], excluding: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const s of map)
    if (!excluding.includes(s.leader)) counts.set(s.leader, (counts.get(s.leader) ?? 0) + 1);
  const [top] = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  if (top === undefined) throw new Error(`no leader outside ${excluding.join(',')}: ${JSON.stringify(map)}`);
  return top[0];
}

/** Max minus min of leaderships over the live brokers. */
function spread(map: readonly ShardView[], live: readonly number[]): number {
  const counts = live.map((id) => map.filter((s) => s.leader === id).length);
  return Math.max(...counts) - Math.min(...counts);
}
