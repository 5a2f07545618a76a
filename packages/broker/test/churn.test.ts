// Leadership churn: while idempotent producers write (and resend on every
// retryable or unknown outcome, as the SDK will), the network is cut in a
// new way every 250-450 ms: every other round the leader is isolated, in
// between one direction of a random link is dropped (or nothing). The cuts come from a seeded PRNG (the timing is real,
// so a run is not replayed exactly; the invariants must hold for any
// timing). Proven: after healing, every replica serves the same records in
// the same order, every acked record exactly once at its acked sequence
// number, and nothing that was never sent.
import { afterEach, expect, it } from 'vitest';
import type { ProduceAck } from '../src/index.js';
import { makeBatch } from './helpers/batches.js';
import { sleep, TestCluster } from './helpers/cluster.js';
import { produceUntilAcked } from './helpers/produce-retry.js';

let cluster: TestCluster | undefined;
afterEach(async () => {
  await cluster?.close();
  cluster = undefined;
});

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

it('idempotent producers under random partitions write every acked batch exactly once', async () => {
  const seed = 0x5eed;
  const rand = prng(seed);
  cluster = await TestCluster.start();
  const c = cluster;
  const acked: Array<{ tag: string; count: number; ack: ProduceAck }> = [];
  let done = false;
  let retries = 0;
  let outcomeUnknown = 0;
  const leaderNow = (): number | undefined =>
    c.ids.find((id) => c.isUp(id) && c.replica(id).status().serving);
  const chaos = (async () => {
    await c.leader();
    for (let round = 0; !done; round++) {
      c.net.heal();
      const a = 1 + Math.floor(rand() * 3);
      const b = 1 + ((a + Math.floor(rand() * 2)) % 3);
      const lid = leaderNow();
      // Every other round cuts the leader off; the rounds between drop one direction of a random link, or nothing.
      if (round % 2 === 0 && lid !== undefined) c.net.isolate(lid, c.ids);
      else if (rand() < 0.6) c.net.block(a, b);
      await sleep(250 + Math.floor(rand() * 200));
    }
    c.net.heal();
  })();
  await Promise.all(
    Array.from({ length: 4 }, async (_, p) => {
      for (let b = 1; b <= 40; b++) {
        const tag = `c${p}b${b}`;
        const count = 1 + ((p + b) % 3);
        const { ack, attempts, unknowns } = await produceUntilAcked(
          c,
          makeBatch(tag, count),
          { producerId: `churn-${p}`, producerEpoch: 1, batchSequence: b },
          2000,
        );
        acked.push({ tag, count, ack });
        retries += attempts - 1;
        outcomeUnknown += unknowns;
        await sleep(25);
      }
    }),
  );
  done = true;
  await chaos;
  expect(retries, 'the partitions were felt').toBeGreaterThan(0);
  expect(outcomeUnknown).toBeGreaterThan(0);
  await c.converge();
  const reads = await Promise.all(c.ids.map((id) => c.readAll(id)));
  const first = reads[0]!.map((r) => `${r.tag}@${r.sequenceNumber}`);
  for (const r of reads.slice(1)) expect(r.map((x) => `${x.tag}@${x.sequenceNumber}`)).toEqual(first);
  const seen = new Map<string, number>();
  for (const r of reads[0]!) seen.set(r.tag, (seen.get(r.tag) ?? 0) + 1);
  expect(
    [...seen.values()].every((n) => n === 1),
    `seed ${seed}`,
  ).toBe(true);
  expect(seen.size).toBe(acked.reduce((n, a) => n + a.count, 0));
  const bySeq = new Map(reads[0]!.map((r) => [r.sequenceNumber, r.tag]));
  for (const a of acked) expect(bySeq.get(BigInt(a.ack.firstSequenceNumber))).toBe(`${a.tag}#0`);
});
