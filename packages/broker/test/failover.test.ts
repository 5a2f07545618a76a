// Crashes and restarts on a 3-node in-process cluster with real LevelDB.
// A crash halts the node at once (no more Readys, no state persisted) and
// closes its store; writes already handed to LevelDB survive, as they do
// when a process is killed (the OS keeps its page cache). Proven here, with
// many concurrent idempotent producers retrying as the SDK will:
//  - leader crash mid-write, then a new leader, then the old node back:
//    every acked record is present exactly once, and every replica serves
//    the same records in the same order;
//  - the same with a follower crashed and back;
//  - the whole cluster crashed and restarted: the shard state (dedup table)
//    is rebuilt by re-applying the log after the last persisted state, so
//    a retry of an acked batch is still answered as a duplicate.
import { afterEach, describe, expect, it } from 'vitest';
import type { ProduceAck } from '../src/index.js';
import { makeBatch } from './helpers/batches.js';
import { sleep, TestCluster } from './helpers/cluster.js';
import { produceUntilAcked } from './helpers/produce-retry.js';

let cluster: TestCluster | undefined;
afterEach(async () => {
  await cluster?.close();
  cluster = undefined;
});

interface Acked {
  readonly tag: string;
  readonly count: number;
  readonly ack: ProduceAck;
}

/** Producers each writing `batches` batches (1..4 records) with their own producer id, until acked. */
function runProducers(c: TestCluster, producers: number, batches: number, acked: Acked[]): Promise<number> {
  let retries = 0;
  const all = Promise.all(
    Array.from({ length: producers }, async (_, p) => {
      for (let b = 1; b <= batches; b++) {
        const tag = `p${p}b${b}`;
        const count = 1 + ((p * 7 + b) % 4);
        const { ack, attempts } = await produceUntilAcked(c, makeBatch(tag, count), {
          producerId: `producer-${p}`,
          producerEpoch: 1,
          batchSequence: b,
        });
        retries += attempts - 1;
        acked.push({ tag, count, ack });
      }
    }),
  );
  return all.then(() => retries);
}

/** Every replica serves each acked record exactly once, all in the same order. */
async function checkExactlyOnce(c: TestCluster, acked: readonly Acked[]): Promise<void> {
  await c.converge();
  const reads = await Promise.all(c.ids.map((id) => c.readAll(id)));
  const first = reads[0]!.map((r) => `${r.tag}@${r.sequenceNumber}`);
  for (const r of reads.slice(1)) expect(r.map((x) => `${x.tag}@${x.sequenceNumber}`)).toEqual(first);
  const seen = new Map<string, number>();
  for (const r of reads[0]!) seen.set(r.tag, (seen.get(r.tag) ?? 0) + 1);
  for (const a of acked) {
    for (let i = 0; i < a.count; i++) expect(seen.get(`${a.tag}#${i}`)).toBe(1);
  }
  for (const [tag, n] of seen) expect([tag, n]).toEqual([tag, 1]);
  const bySeq = new Map(reads[0]!.map((r) => [r.sequenceNumber, r.tag]));
  for (const a of acked) expect(bySeq.get(BigInt(a.ack.firstSequenceNumber))).toBe(`${a.tag}#0`);
}

describe('crashes', () => {
  it('leader crash mid-write: every acked record exactly once on every replica', async () => {
    cluster = await TestCluster.start({ replica: { statePersistEntries: 1_000_000 } });
    const c = cluster;
    const acked: Acked[] = [];
    const writing = runProducers(c, 6, 25, acked);
    while (acked.length < 40) await sleep(5);
    const old = c.leaderId(await c.leader());
    await c.crashNode(old);
    while (acked.length < 100) await sleep(5);
    await c.startNode(old);
    expect(await writing).toBeGreaterThan(0); // the crash was felt: some batches were resent
    await checkExactlyOnce(c, acked);
  });

  it('follower crash mid-write, then back', async () => {
    cluster = await TestCluster.start();
    const c = cluster;
    const acked: Acked[] = [];
    const writing = runProducers(c, 4, 20, acked);
    while (acked.length < 20) await sleep(5);
    const lid = c.leaderId(await c.leader());
    const fid = c.ids.find((id) => id !== lid)!;
    await c.crashNode(fid);
    while (acked.length < 50) await sleep(5);
    await c.startNode(fid);
    await writing;
    await checkExactlyOnce(c, acked);
  });

  it('whole cluster crashed and restarted: records and the dedup table come back', async () => {
    cluster = await TestCluster.start({
      replica: { statePersistEntries: 1_000_000, statePersistIntervalMs: 3_600_000 },
    });
    const c = cluster;
    const acked: Acked[] = [];
    await runProducers(c, 3, 10, acked);
    await c.converge();
    for (const id of c.ids) await c.crashNode(id);
    await Promise.all(c.ids.map((id) => c.startNode(id)));
    const last = acked.find((a) => a.tag === 'p1b10')!;
    const again = await produceUntilAcked(c, makeBatch('p1b10', last.count), {
      producerId: 'producer-1',
      producerEpoch: 1,
      batchSequence: 10,
    });
    expect(again.ack).toEqual({ ...last.ack, duplicate: true });
    await checkExactlyOnce(c, acked);
  });

  it('graceful restart of every node keeps records and the dedup table', async () => {
    cluster = await TestCluster.start();
    const c = cluster;
    const acked: Acked[] = [];
    await runProducers(c, 2, 5, acked);
    await c.converge();
    for (const id of c.ids) await c.stopNode(id);
    await Promise.all(c.ids.map((id) => c.startNode(id)));
    const a = acked.find((x) => x.tag === 'p0b5')!;
    const again = await produceUntilAcked(c, makeBatch('p0b5', a.count), {
      producerId: 'producer-0',
      producerEpoch: 1,
      batchSequence: 5,
    });
    expect(again.ack.duplicate).toBe(true);
    await checkExactlyOnce(c, acked);
  });
});
