// The produce path on a 3-node in-process cluster (real LevelDB per node,
// in-memory network). Proven here:
//  - many concurrent producers: every ack's sequence numbers are strictly
//    increasing in commit order, and every replica serves exactly the acked
//    records, in that order, with no gap and no duplicate;
//  - batches that arrive in one event-loop turn share one Raft entry
//    (entries grow far slower than batches);
//  - bad input (bad CRC, a record outside the shard's range, oversize, a
//    stored batch, bad producer fields) gets its precise error and writes
//    nothing; a follower answers NotLeader with the leader's id;
//  - the per-shard in-flight bound answers Backpressure.
import { batchLimits, hashRangeContains, partitionKeyHashKey, RheoError, sequenceParts } from '@rheo/wire';
import { afterEach, describe, expect, it } from 'vitest';
import { makeBatch } from './helpers/batches.js';
import { evenHashRanges, shardSpec, TestCluster } from './helpers/cluster.js';

let cluster: TestCluster | undefined;
afterEach(async () => {
  await cluster?.close();
  cluster = undefined;
});

describe('produce on a 3-replica shard', () => {
  it('acks increase, and every replica serves exactly the acked records in commit order', async () => {
    cluster = await TestCluster.start();
    const leader = await cluster.leader();
    const producers = 8;
    const batchesEach = 20;
    const acked: Array<{ first: bigint; tag: string; count: number }> = [];
    await Promise.all(
      Array.from({ length: producers }, async (_, p) => {
        for (let b = 0; b < batchesEach; b++) {
          const count = 1 + ((p + b) % 7);
          const ack = await leader.produce(makeBatch(`p${p}b${b}`, count));
          expect(ack.recordCount).toBe(count);
          expect(ack.shardId).toBe('shardId-000000000000');
          expect(ack.duplicate).toBe(false);
          acked.push({ first: BigInt(ack.firstSequenceNumber), tag: `p${p}b${b}`, count });
        }
      }),
    );
    acked.sort((a, b) => (a.first < b.first ? -1 : 1));
    const expected: string[] = [];
    for (const a of acked) for (let i = 0; i < a.count; i++) expected.push(`${a.tag}#${i}`);
    await cluster.converge();
    for (const id of cluster.ids) {
      const got = await cluster.readAll(id);
      expect(got.map((r) => r.tag)).toEqual(expected);
      for (let i = 1; i < got.length; i++)
        expect(got[i]!.sequenceNumber > got[i - 1]!.sequenceNumber).toBe(true);
      // Each ack's first sequence number is the sequence number its first record is read back with.
      const bySeq = new Map(got.map((r) => [r.sequenceNumber, r.tag]));
      for (const a of acked) expect(bySeq.get(a.first)).toBe(`${a.tag}#0`);
    }
  });

  it('batches arriving in one turn share one Raft entry', async () => {
    cluster = await TestCluster.start();
    const leader = await cluster.leader();
    const before = leader.status().lastIndex;
    const acks = await Promise.all(
      Array.from({ length: 50 }, (_, i) => leader.produce(makeBatch(`x${i}`, 3))),
    );
    const entries = leader.status().lastIndex - before;
    expect(entries).toBe(1);
    const indexes = new Set(acks.map((a) => sequenceParts(BigInt(a.firstSequenceNumber)).index));
    expect(indexes.size).toBe(1);
  });

  it('refuses bad input precisely and writes nothing', async () => {
    const ranges = evenHashRanges(2);
    cluster = await TestCluster.start({ shards: [shardSpec(0, [1, 2, 3], ranges[0])] });
    const leader = await cluster.leader();
    const before = leader.status().lastIndex;
    const reason = async (p: Promise<unknown>): Promise<[string, string | undefined, string]> => {
      const e = await p.then(
        () => undefined,
        (err: unknown) => err,
      );
      expect(e).toBeInstanceOf(RheoError);
      const r = e as RheoError;
      return [r.code, r.field, r.message];
    };
    // Find keys on each side of the split.
    const inside = makeBatch('k', 40).subarray(0); // keys k-0..k-39 hash all over the space
    const [code, field, msg] = await reason(leader.produce(inside));
    expect([code, field]).toEqual(['InvalidArgument', 'record_batch']);
    expect(msg).toMatch(/record \d+: its hash key is outside shard shardId-000000000000/);

    const bad = makeBatch('crc', 1);
    bad[bad.length - 1]! ^= 0xff;
    expect((await reason(leader.produce(bad)))[0]).toBe('Corrupt');
    expect((await reason(leader.produce(new Uint8Array(10))))[0]).toBe('InvalidArgument');
    const big = makeBatch('big', 1, 1024 * 1024 + 10, batchLimits({ recordBytesMax: 2 * 1024 * 1024 }));
    const [bigCode, bigField] = await reason(leader.produce(big));
    expect([bigCode, bigField]).toEqual(['InvalidArgument', 'Data']);
    const p = { producerId: '', producerEpoch: 0, batchSequence: 1 };
    let n = 0;
    while (!hashRangeContains(ranges[0]!, partitionKeyHashKey(`z${n}-0`))) n++;
    const ok = makeBatch(`z${n}`, 1);
    expect((await reason(leader.produce(ok, p)))[1]).toBe('producer_id');
    expect((await reason(leader.produce(ok, { ...p, producerId: 'a', batchSequence: 0 })))[1]).toBe(
      'batch_sequence',
    );
    expect(leader.status().lastIndex).toBe(before);
  });

  it('a follower answers NotLeader with the leader hint', async () => {
    cluster = await TestCluster.start();
    const leader = await cluster.leader();
    const lid = cluster.leaderId(leader);
    const fid = cluster.ids.find((id) => id !== lid)!;
    await cluster.converge();
    const e = await cluster
      .replica(fid)
      .produce(makeBatch('f', 1))
      .catch((err: unknown) => err);
    expect(e).toBeInstanceOf(RheoError);
    expect((e as RheoError).code).toBe('NotLeader');
    expect((e as RheoError).leaderHint).toBe(String(lid));
  });

  it('the in-flight bound answers Backpressure', async () => {
    cluster = await TestCluster.start({ replica: { inflightBytesMax: 6 * 1024 * 1024 } });
    const leader = await cluster.leader();
    const batch = (): Buffer => makeBatch('bp', 40, 32 * 1024); // ~1.3 MB each
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => leader.produce(batch())));
    const refused = results.filter((r) => r.status === 'rejected');
    expect(refused.length).toBeGreaterThan(0);
    for (const r of refused)
      expect(((r as PromiseRejectedResult).reason as RheoError).code).toBe('Backpressure');
    expect(results.some((r) => r.status === 'fulfilled')).toBe(true);
  });
});
