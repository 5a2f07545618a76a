// The idempotent producer on a 3-node in-process cluster. Proven here:
//  - a retried batch is answered with its original ack (duplicate: true)
//    and nothing is written; a retry while the batch is in flight joins it;
//  - a lower epoch is fenced (producer_epoch), a gap and a retry too old
//    to answer are refused (batch_sequence);
//  - OutcomeUnknown: a leader that loses its quorum after proposing answers
//    OutcomeUnknown; the retry at the next leader is written exactly once,
//    both when the entry survived (answered as a duplicate) and when it was
//    lost (written anew);
//  - the table is replicated: after the leader crashes, the new leader
//    answers a retry of an acked batch with the same sequence numbers.
import { RheoError } from '@rheo/wire';
import { afterEach, describe, expect, it } from 'vitest';
import { makeBatch } from './helpers/batches.js';
import { sleep, TestCluster } from './helpers/cluster.js';
import { produceUntilAcked } from './helpers/produce-retry.js';

let cluster: TestCluster | undefined;
afterEach(async () => {
  await cluster?.close();
  cluster = undefined;
});

const stamp = (batchSequence: number, producerEpoch = 1, producerId = 'prod-a') => ({
  producerId,
  producerEpoch,
  batchSequence,
});

async function errorOf(p: Promise<unknown>): Promise<RheoError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(RheoError);
  return e as RheoError;
}

describe('idempotent producer', () => {
  it('answers a retry with the original ack and writes nothing; a retry in flight joins the batch', async () => {
    cluster = await TestCluster.start();
    const leader = await cluster.leader();
    const a1 = await leader.produce(makeBatch('a', 3), stamp(1));
    const last = leader.status().lastIndex;
    const again = await leader.produce(makeBatch('a', 3), stamp(1));
    expect(again).toEqual({ ...a1, duplicate: true });
    expect(leader.status().lastIndex).toBe(last);
    // Two sends of batch 2 in one turn: one write, one answer.
    const [x, y] = await Promise.all([
      leader.produce(makeBatch('b', 2), stamp(2)),
      leader.produce(makeBatch('b', 2), stamp(2)),
    ]);
    expect(y.firstSequenceNumber).toBe(x.firstSequenceNumber);
    await cluster.converge();
    const tags = (await cluster.readAll(1)).map((r) => r.tag);
    expect(tags).toEqual(['a#0', 'a#1', 'a#2', 'b#0', 'b#1']);
  });

  it('fences a lower epoch and refuses gaps and answers too old to give', async () => {
    cluster = await TestCluster.start({ replica: { producerBatchesKept: 2 } });
    const leader = await cluster.leader();
    for (let s = 1; s <= 4; s++) await leader.produce(makeBatch(`s${s}`, 1), stamp(s, 2));
    const fenced = await errorOf(leader.produce(makeBatch('z', 1), stamp(5, 1)));
    expect([fenced.code, fenced.field]).toEqual(['InvalidArgument', 'producer_epoch']);
    const gap = await errorOf(leader.produce(makeBatch('z', 1), stamp(7, 2)));
    expect([gap.code, gap.field]).toEqual(['InvalidArgument', 'batch_sequence']);
    expect(gap.message).toMatch(/next expected is 5/);
    const stale = await errorOf(leader.produce(makeBatch('z', 1), stamp(1, 2)));
    expect([stale.code, stale.field]).toEqual(['InvalidArgument', 'batch_sequence']);
    expect((await leader.produce(makeBatch('s3', 1), stamp(3, 2))).duplicate).toBe(true);
    // A new epoch starts afresh; the old one is fenced from then on.
    expect((await leader.produce(makeBatch('e3', 1), stamp(1, 3))).duplicate).toBe(false);
    expect((await errorOf(leader.produce(makeBatch('z', 1), stamp(5, 2)))).field).toBe('producer_epoch');
  });

  it('OutcomeUnknown, entry survived: the retry at the new leader is a duplicate', async () => {
    cluster = await TestCluster.start();
    const c = cluster;
    const old = await c.leader();
    const lid = c.leaderId(old);
    const others = c.ids.filter((id) => id !== lid);
    await c.converge();
    // Followers hear the leader (so they append), the leader hears nobody: it cannot commit and steps down.
    for (const f of others) c.net.block(f, lid);
    const e = await errorOf(old.produce(makeBatch('u', 2), stamp(1)));
    expect(e.code).toBe('OutcomeUnknown');
    c.net.heal();
    const { ack } = await produceUntilAcked(c, makeBatch('u', 2), stamp(1));
    await c.converge();
    for (const id of c.ids) expect((await c.readAll(id)).map((r) => r.tag)).toEqual(['u#0', 'u#1']);
    expect(ack.duplicate).toBe(true);
  });

  it('OutcomeUnknown, entry lost: the retry is written once', async () => {
    cluster = await TestCluster.start();
    const c = cluster;
    const old = await c.leader();
    const lid = c.leaderId(old);
    await c.converge();
    c.net.isolate(lid, c.ids);
    const e = await errorOf(old.produce(makeBatch('v', 1), stamp(1)));
    expect(e.code).toBe('OutcomeUnknown');
    // A new leader among the other two, then the old one rejoins and loses its uncommitted entry.
    const others = c.ids.filter((id) => id !== lid);
    let fresh = await c.leader();
    while (c.leaderId(fresh) === lid) {
      await sleep(10);
      fresh = await c.leader();
    }
    c.net.heal();
    const { ack } = await produceUntilAcked(c, makeBatch('v', 1), stamp(1));
    expect(ack.duplicate).toBe(false);
    await c.converge();
    for (const id of [...others, lid]) expect((await c.readAll(id)).map((r) => r.tag)).toEqual(['v#0']);
  });

  it('the table survives a leader crash: the new leader answers a retry with the same ack', async () => {
    cluster = await TestCluster.start();
    const c = cluster;
    const old = await c.leader();
    const acks = [];
    for (let s = 1; s <= 3; s++) acks.push(await old.produce(makeBatch(`d${s}`, 2), stamp(s)));
    await c.converge();
    await c.crashNode(c.leaderId(old));
    const again = await produceUntilAcked(c, makeBatch('d3', 2), stamp(3));
    expect(again.ack).toEqual({ ...acks[2], duplicate: true });
    const next = await produceUntilAcked(c, makeBatch('d4', 2), stamp(4));
    expect(next.ack.duplicate).toBe(false);
  });
});
