// A follower that falls behind the retained log catches up from a snapshot
// (the shard state) plus the retained entries. Proven here: after the
// leader and the other follower trim past the lagging follower's position,
// it installs the snapshot, serves the same records from the trim horizon
// as its peers, holds the same idempotent-producer table, and keeps both
// across a crash and restart (the installed state was persisted).
import { afterEach, expect, it } from 'vitest';
import { makeBatch } from './helpers/batches.js';
import { sleep, TestCluster } from './helpers/cluster.js';

let cluster: TestCluster | undefined;
afterEach(async () => {
  await cluster?.close();
  cluster = undefined;
});

it('a follower behind the retained log gets a snapshot and the same state', async () => {
  cluster = await TestCluster.start();
  const c = cluster;
  const l = await c.leader();
  const lid = c.leaderId(l);
  const [f, g] = c.ids.filter((id) => id !== lid) as [number, number];
  await l.produce(makeBatch('early', 1), { producerId: 'p', producerEpoch: 1, batchSequence: 1 });
  await c.converge();
  c.net.isolate(f, c.ids);
  for (let s = 2; s <= 12; s++)
    await l.produce(makeBatch(`b${s}`, 2), { producerId: 'p', producerEpoch: 1, batchSequence: s });
  await l.produce(makeBatch('other', 1), { producerId: 'q', producerEpoch: 4, batchSequence: 9 });
  const trimTo = l.status().appliedIndex - 2;
  expect(await l.trimBefore(trimTo)).toBe(trimTo);
  while (c.replica(g).status().appliedIndex < l.status().appliedIndex) await sleep(5);
  await c.replica(g).trimBefore(trimTo);
  expect(c.replica(f).status().lastIndex).toBeLessThan(trimTo);
  c.net.heal();
  await c.converge();
  const fr = c.replica(f);
  expect(fr.status().firstIndex).toBeGreaterThanOrEqual(trimTo);
  expect(fr.producer('p')).toEqual({ epoch: 1, lastSequence: 12 });
  expect(fr.producer('q')).toEqual({ epoch: 4, lastSequence: 9 });
  const want = (await c.readAll(lid)).map((r) => `${r.tag}@${r.sequenceNumber}`);
  expect((await c.readAll(f)).map((r) => `${r.tag}@${r.sequenceNumber}`)).toEqual(want);
  await c.crashNode(f);
  await c.startNode(f);
  await c.converge();
  expect(c.replica(f).producer('p')).toEqual({ epoch: 1, lastSequence: 12 });
  expect((await c.readAll(f)).map((r) => `${r.tag}@${r.sequenceNumber}`)).toEqual(want);
});
