// Moving a shard's replicas between nodes, on an in-process cluster of four
// hosts with real LevelDB, driven the way the controller will drive it:
// reconfigure is called on whoever leads, again and again with the same
// target, until it answers 'done'. Proven here:
//  - [1,2,3] -> [1,2,4] with node 4 joining empty while an idempotent
//    producer keeps writing: node 4 gets the founding snapshot and the log,
//    is reported as a learner until promoted, node 3 leaves the membership
//    and its replica and data are deleted; every replica left (node 4 as a
//    follower and then as the leader) serves every acknowledged record
//    exactly once, in one order, and still after node 4 crashes and restarts;
//  - the leader itself removed ([L,a,b] -> [a,b,4]): it hands leadership to
//    a target voter first and is never removed while it leads;
//  - [1,2,3] -> [4,5,6], every replica replaced: the new nodes are promoted
//    first (the old leader stays a voter), then leadership moves to one of
//    them, which removes the old voters; the records move with them;
//  - a learner cut off from the leader stays a learner (waiting-catch-up)
//    until it can catch up;
//  - transferLeadership moves leadership (and the lease): the old leader
//    then answers produce with NotLeader naming the new one; on a follower
//    it is a no-op;
//  - reconfigure on a follower answers 'not-leader' and changes nothing; an
//    empty target is InvalidArgument everywhere.
import { RheoError } from '@rheo/wire';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProduceAck, ReconfigureStep, ShardReplica } from '../src/index.js';
import { delivered, makeBatch } from './helpers/batches.js';
import { shardSpec, sleep, TestCluster } from './helpers/cluster.js';
import { produceUntilAcked } from './helpers/produce-retry.js';

let cluster: TestCluster | undefined;
afterEach(async () => {
  await cluster?.close();
  cluster = undefined;
});

/** Four hosts; the shard's founders are nodes 1..3 (node 4 hosts nothing yet). */
function fourNodes(): Promise<TestCluster> {
  return TestCluster.start({ nodes: 4, shards: [shardSpec(0, [1, 2, 3])] });
}

interface Acked {
  readonly tag: string;
  readonly count: number;
  readonly ack: ProduceAck;
}

/** One idempotent producer writing batches of 5 records until `stop()`; resolves with every ack. */
function startProducer(
  c: TestCluster,
  name: string,
): { stop(): void; acked: readonly Acked[]; done: Promise<Acked[]> } {
  let stopping = false;
  const acked: Acked[] = [];
  const done = (async () => {
    for (let b = 1; !stopping; b++) {
      const tag = `${name}b${b}`;
      const { ack } = await produceUntilAcked(c, makeBatch(tag, 5), {
        producerId: name,
        producerEpoch: 1,
        batchSequence: b,
      });
      acked.push({ tag, count: 5, ack });
    }
    return acked;
  })();
  done.catch(() => {}); // a failed test's producer may outlive its cluster; the test awaits `done` itself
  return { stop: () => (stopping = true), acked, done };
}

/** The controller's loop: reconfigure on the current leader every `intervalMs` until 'done'. */
async function reconfigureUntilDone(
  c: TestCluster,
  target: readonly number[],
  onStep: (step: ReconfigureStep, leader: ShardReplica) => Promise<void> = async () => {},
): Promise<ReconfigureStep[]> {
  const steps: ReconfigureStep[] = [];
  const deadline = Date.now() + 20_000;
  for (;;) {
    const l = await c.leader();
    const step = l.reconfigure(target);
    steps.push(step);
    if (step === 'done') return steps;
    await onStep(step, l);
    if (Date.now() > deadline) throw new Error(`reconfigure did not finish: ${steps.join(',')}`);
    await sleep(20);
  }
}

/** Every acked record exactly once in `records`, at its acked sequence number; nothing else there. */
function expectExactlyOnce(
  records: readonly { tag: string; sequenceNumber: bigint }[],
  acked: Acked[],
): void {
  const seen = new Map<string, bigint>();
  for (const r of records) {
    expect(seen.has(r.tag), `record ${r.tag} delivered twice`).toBe(false);
    seen.set(r.tag, r.sequenceNumber);
  }
  for (const a of acked) {
    expect(seen.get(`${a.tag}#0`)).toBe(BigInt(a.ack.firstSequenceNumber));
    for (let i = 1; i < a.count; i++) expect(seen.has(`${a.tag}#${i}`)).toBe(true);
  }
  expect(seen.size).toBe(acked.reduce((n, a) => n + a.count, 0));
}

const key = (r: { tag: string; sequenceNumber: bigint }) => `${r.tag}@${r.sequenceNumber}`;

describe('membership changes', () => {
  it('[1,2,3] -> [1,2,4]: node 4 joins empty and serves every record; node 3 is deleted', async () => {
    cluster = await fourNodes();
    const c = cluster;
    const spec = c.shards[0]!;
    const before = startProducer(c, 'pre');
    while (before.acked.length < 60) await sleep(5);
    before.stop();
    const preAcked = await before.done;
    expect(preAcked.length * 5).toBeGreaterThanOrEqual(300);

    const during = startProducer(c, 'mid');
    // As CREATE_REPLICA for a replacement: no voters, the membership comes from the leader.
    await c.host(4).addShard({ ...spec, replicas: [] }, { join: true });
    const ackedBefore = during.acked.length;
    let sawLearner = false;
    let leaderPeers: number[] = [];
    const steps = await reconfigureUntilDone(c, [1, 2, 4], async (step, l) => {
      if (step !== 'added-learners') return;
      // Until the next call promotes it, node 4 is a learner once it applied its own addition.
      for (let i = 0; i < 500 && c.replica(4).status().role !== 'learner'; i++) await sleep(10);
      sawLearner = c.replica(4).status().role === 'learner';
      leaderPeers = l.status().peers.map((p) => p.nodeId);
    });
    expect(during.acked.length).toBeGreaterThan(ackedBefore); // writes went on during the change
    expect(sawLearner).toBe(true);
    expect(leaderPeers).toContain(4);
    expect(steps).toContain('added-learners');
    expect(steps).toContain('joint-promoted');
    expect(steps.filter((s) => s === 'added-learners' || s === 'joint-promoted')).toEqual([
      'added-learners',
      'joint-promoted',
    ]);
    // Called again with the same target: nothing more to do.
    const l = await c.leader();
    expect(l.reconfigure([4, 2, 1])).toBe('done');
    const st = l.status();
    expect(st.confState).toMatchObject({ voters: [1, 2, 4], learners: [], votersOutgoing: [] });
    expect(st.peers.map((p) => p.nodeId)).toEqual([1, 2, 4].filter((id) => id !== c.leaderId(l)));

    await c.host(3).deleteShard(spec.groupId);
    expect(c.host(3).replica(spec.groupId)).toBeUndefined();
    expect(c.store(3).hasGroup(spec.groupName)).toBe(false);

    await sleep(100); // writes continue on the new membership
    during.stop();
    const acked = [...preAcked, ...(await during.done)];
    await c.converge();
    const want = (await c.readAll(c.leaderId(await c.leader()))).map(key);
    const got = await c.readAll(4);
    expect(got.map(key)).toEqual(want);
    expectExactlyOnce(got, acked);
    expect(c.replica(4).status()).toMatchObject({ role: 'follower', needsRepair: false });

    // Node 4 as the leader serves the same records under its lease.
    const old = await c.leader();
    if (c.leaderId(old) !== 4) old.transferLeadership(4);
    for (let i = 0; i < 500 && !c.replica(4).status().serving; i++) await sleep(10);
    expect(c.replica(4).status().serving).toBe(true);
    const r4 = c.replica(4);
    let it4 = await r4.getShardIterator({ type: 'TRIM_HORIZON' });
    const led: string[] = [];
    for (;;) {
      const page = await r4.getRecords(it4);
      led.push(...delivered(page.batches, page.firstBatchSkipRecords, page.recordCount).map(key));
      if (page.recordCount === 0) break;
      it4 = page.nextIterator;
    }
    expect(led).toEqual(want);

    // The joiner's membership and records survive a crash. It reopens from its stored data even when
    // the spec names only the founders (node 4 is not one) and no join: nothing is bootstrapped again.
    await c.crashNode(4);
    await c.startNode(4);
    await c.host(4).addShard(spec);
    await c.converge();
    expect(c.replica(4).status().confState.voters).toEqual([1, 2, 4]);
    expect((await c.readAll(4)).map(key)).toEqual(want);
  });

  it('[L,a,b] -> [a,b,4]: the leader hands over before it is removed', async () => {
    cluster = await fourNodes();
    const c = cluster;
    const spec = c.shards[0]!;
    const first = await c.leader();
    const lid = c.leaderId(first);
    const target = [...[1, 2, 3].filter((id) => id !== lid), 4];
    const acked: Acked[] = [];
    for (let b = 1; b <= 20; b++) {
      const { ack } = await produceUntilAcked(c, makeBatch(`x${b}`, 5), {
        producerId: 'x',
        producerEpoch: 1,
        batchSequence: b,
      });
      acked.push({ tag: `x${b}`, count: 5, ack });
    }
    await c.host(4).addShard({ ...spec, replicas: [] }, { join: true });
    const leaders = new Set<number>();
    const steps = await reconfigureUntilDone(c, target, async (_s, l) => {
      leaders.add(c.leaderId(l));
      // Whenever the old leader leads, it is still a voter of the configuration it leads.
      if (c.leaderId(l) === lid) expect(l.status().confState.voters).toContain(lid);
    });
    expect(steps).toContain('transferring');
    const now = await c.leader();
    expect(c.leaderId(now)).not.toBe(lid);
    expect(now.status().confState).toMatchObject({ voters: target, learners: [], votersOutgoing: [] });
    await c.host(lid).deleteShard(spec.groupId);
    await c.converge();
    expectExactlyOnce(await c.readAll(4), acked);
  });

  it('[1,2,3] -> [4,5,6]: every replica moves; learners are promoted before the leader hands over', async () => {
    cluster = await TestCluster.start({ nodes: 6, shards: [shardSpec(0, [1, 2, 3])] });
    const c = cluster;
    const spec = c.shards[0]!;
    const acked: Acked[] = [];
    for (let b = 1; b <= 10; b++) {
      const { ack } = await produceUntilAcked(c, makeBatch(`y${b}`, 3), {
        producerId: 'y',
        producerEpoch: 1,
        batchSequence: b,
      });
      acked.push({ tag: `y${b}`, count: 3, ack });
    }
    for (const id of [4, 5, 6]) await c.host(id).addShard({ ...spec, replicas: [] }, { join: true });
    const steps = await reconfigureUntilDone(c, [4, 5, 6], async (_s, l) => {
      // A leader from the old set stays a voter of every configuration it leads.
      const lid = c.leaderId(l);
      if (lid <= 3) expect(l.status().confState.voters).toContain(lid);
    });
    const major = steps.filter((s) => s !== 'pending' && s !== 'waiting-catch-up');
    expect(major.slice(0, 2)).toEqual(['added-learners', 'joint-promoted']);
    expect(major).toContain('transferring');
    const l = await c.leader();
    expect(c.leaderId(l)).toBeGreaterThan(3);
    expect(l.status().confState).toMatchObject({ voters: [4, 5, 6], learners: [], votersOutgoing: [] });
    for (const id of [1, 2, 3]) await c.host(id).deleteShard(spec.groupId);
    await c.converge();
    const want = (await c.readAll(4)).map(key);
    for (const id of [5, 6]) expect((await c.readAll(id)).map(key)).toEqual(want);
    expectExactlyOnce(await c.readAll(5), acked);
    await produceUntilAcked(c, makeBatch('after', 1), {
      producerId: 'y',
      producerEpoch: 1,
      batchSequence: 11,
    });
  });

  it('a learner that cannot catch up is never promoted; once it can, the change completes', async () => {
    cluster = await fourNodes();
    const c = cluster;
    const spec = c.shards[0]!;
    const l0 = await c.leader();
    for (let i = 0; i < 5; i++) await l0.produce(makeBatch(`z${i}`, 2));
    c.net.isolate(4, c.ids);
    await c.host(4).addShard({ ...spec, replicas: [] }, { join: true });
    const steps: ReconfigureStep[] = [];
    for (let i = 0; i < 20; i++) {
      steps.push((await c.leader()).reconfigure([1, 2, 4]));
      await sleep(20);
    }
    expect(steps[0]).toBe('added-learners');
    for (const s of steps.slice(1)) expect(['pending', 'waiting-catch-up']).toContain(s);
    expect(steps.at(-1)).toBe('waiting-catch-up');
    expect((await c.leader()).status().confState).toMatchObject({ voters: [1, 2, 3], learners: [4] });
    c.net.heal();
    await reconfigureUntilDone(c, [1, 2, 4]);
    expect((await c.leader()).status().confState).toMatchObject({ voters: [1, 2, 4], learners: [] });
  });

  it('transferLeadership moves the lease; the old leader answers NotLeader naming the new one', async () => {
    cluster = await TestCluster.start();
    const c = cluster;
    const old = await c.leader();
    const oid = c.leaderId(old);
    await old.produce(makeBatch('before', 2));
    const [to, other] = c.ids.filter((id) => id !== oid) as [number, number];
    // On a follower: nothing happens.
    c.replica(other).transferLeadership(to);
    await sleep(50);
    expect(c.leaderId(await c.leader())).toBe(oid);
    expect(() => old.transferLeadership(0)).toThrow(RheoError);

    old.transferLeadership(to);
    for (let i = 0; i < 500 && !c.replica(to).status().serving; i++) await sleep(10);
    expect(c.replica(to).status()).toMatchObject({ role: 'leader', serving: true });
    const err = await old.produce(makeBatch('after', 1)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RheoError);
    expect(err).toMatchObject({ code: 'NotLeader', leaderHint: String(to) });
    // The new leader serves linearizable reads under its own lease.
    const it0 = await c.replica(to).getShardIterator({ type: 'TRIM_HORIZON' });
    expect((await c.replica(to).getRecords(it0)).recordCount).toBe(2);
  });

  it('reconfigure on a follower does nothing; an empty target is InvalidArgument', async () => {
    cluster = await fourNodes();
    const c = cluster;
    const l = await c.leader();
    const f = c.replica([1, 2, 3].find((id) => id !== c.leaderId(l))!);
    const before = l.status();
    expect(f.reconfigure([1, 2, 4])).toBe('not-leader');
    expect(f.reconfigure([1, 2, 4])).toBe('not-leader');
    for (const r of [l, f]) {
      expect(() => r.reconfigure([])).toThrow(RheoError);
      try {
        r.reconfigure([]);
      } catch (e) {
        expect(e).toMatchObject({ code: 'InvalidArgument' });
      }
    }
    await l.produce(makeBatch('after', 1));
    await c.converge();
    const after = l.status();
    expect(after.lastIndex).toBe(before.lastIndex + 1); // the batch, and no membership change
    expect(after.confState).toEqual(before.confState);
    expect(l.reconfigure([3, 2, 1])).toBe('done');
  });
});
