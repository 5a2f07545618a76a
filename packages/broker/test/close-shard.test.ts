// Closing a shard (resharding) on a 3-replica in-process cluster. Proven:
//  - close() on the leader puts a closing entry through Raft; every replica
//    then reports the ending sequence number: the last acknowledged record's;
//  - batches in flight when the shard closes, and every later produce, are
//    answered ShardClosed and never served (not written);
//  - the closed shard stays readable: every replica serves exactly the acked
//    records, and a read past the end says the shard ended;
//  - a follower answers not-leader; a repeated close changes nothing; a
//    shard closed before any record ends at its starting sequence number.
import { formatSequenceNumber, RheoError, startingSequenceNumber } from '@rheo/wire';
import { afterEach, describe, expect, it } from 'vitest';
import { makeBatch } from './helpers/batches.js';
import { sleep, TestCluster } from './helpers/cluster.js';

let cluster: TestCluster | undefined;
afterEach(async () => {
  await cluster?.close();
  cluster = undefined;
});

async function closeOn(leader: ReturnType<TestCluster['leader']> extends Promise<infer R> ? R : never) {
  for (let i = 0; i < 500; i++) {
    if (leader.close() === 'done') return;
    await sleep(5);
  }
  throw new Error('the shard did not close');
}

describe('closing a shard', () => {
  it('ends at the last acked record; later and in-flight batches are ShardClosed and never served', async () => {
    cluster = await TestCluster.start();
    const leader = await cluster.leader();
    const acked: string[] = [];
    for (let i = 0; i < 5; i++) acked.push((await leader.produce(makeBatch(`a${i}`, 2))).firstSequenceNumber);
    // Batches proposed in the same turn as the closing entry: committed after it, so left out.
    const racing = Array.from({ length: 10 }, (_, i) => leader.produce(makeBatch(`r${i}`, 1)));
    const outcomes = await Promise.allSettled([closeOn(leader), ...racing]);
    const racedAcks = outcomes
      .slice(1)
      .filter((o): o is PromiseFulfilledResult<Awaited<(typeof racing)[number]>> => o.status === 'fulfilled');
    for (const o of outcomes.slice(1))
      if (o.status === 'rejected') expect((o.reason as RheoError).code).toBe('ShardClosed');
    await expect(leader.produce(makeBatch('late', 1))).rejects.toMatchObject({ code: 'ShardClosed' });
    await cluster.converge();
    const racedTags = outcomes.slice(1).flatMap((o, i) => (o.status === 'fulfilled' ? [`r${i}#0`] : []));
    expect(racedTags.length).toBe(racedAcks.length);
    const expectedTags = [
      ...Array.from({ length: 5 }, (_, i) => [`a${i}#0`, `a${i}#1`]).flat(),
      ...racedTags,
    ];
    const lastAcked =
      racedAcks.length > 0 ? racedAcks[racedAcks.length - 1]!.value.firstSequenceNumber : undefined;
    const endingExpected = lastAcked ?? formatSequenceNumber(BigInt(acked[4]!) + 1n);
    for (const id of cluster.ids) {
      const r = cluster.replica(id, leader.spec.groupId);
      expect(r.status().endingSequenceNumber).toBe(endingExpected);
      const got = await cluster.readAll(id);
      expect(got.map((x) => x.tag)).toEqual(expectedTags);
      expect(formatSequenceNumber(got[got.length - 1]!.sequenceNumber)).toBe(endingExpected);
    }
    expect(leader.close()).toBe('done');
    const follower = cluster.ids
      .map((id) => cluster!.replica(id, leader.spec.groupId))
      .find((r) => !r.isLeader)!;
    expect(follower.close()).toBe('done');
  });

  it('an empty shard ends at its starting sequence number; a follower does not close it', async () => {
    cluster = await TestCluster.start();
    const leader = await cluster.leader();
    const follower = cluster.ids
      .map((id) => cluster!.replica(id, leader.spec.groupId))
      .find((r) => !r.isLeader)!;
    expect(follower.close()).toBe('not-leader');
    await closeOn(leader);
    expect(leader.status().endingSequenceNumber).toBe(
      formatSequenceNumber(startingSequenceNumber(leader.spec.sequenceBase)),
    );
    const e = await leader.produce(makeBatch('x', 1)).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(RheoError);
    expect((e as RheoError).code).toBe('ShardClosed');
  });
});
