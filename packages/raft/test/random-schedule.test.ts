// A small randomized check independent of the simulator: over seeded random
// schedules of partitions, one-way cuts, ticks, proposals, restarts,
// leadership transfers and lease reads on 3- and 5-node groups (pre-vote,
// check-quorum, leases on), every node's applied sequence is a prefix of the
// longest one (state-machine safety), at most one leader exists per term,
// a lease read never misses a write acknowledged before it, and after
// healing the group commits again.
import { describe, expect, it } from 'vitest';
import { EntryType, ReadOnlyOption } from '../src/index.js';
import { Network } from './helpers/network.js';
import { seededRandom } from './helpers/random.js';

const opts = {
  preVote: true,
  checkQuorum: true,
  readOnlyOption: ReadOnlyOption.LeaseBased,
  leaseSafetyMarginTicks: 2,
};

function checkSafety(n: Network, leaders: Map<number, number>): void {
  const seqs = [...n.members.values()].map((m) => m.applied.map((e) => `${e.index}/${e.term}`));
  const longest = seqs.reduce((a, b) => (b.length > a.length ? b : a));
  for (const s of seqs) expect(longest.slice(0, s.length)).toEqual(s);
  for (const [id, m] of n.members) {
    const st = m.node.status();
    if (st.role !== 'leader') continue;
    const prev = leaders.get(st.term);
    if (prev !== undefined) expect(prev, `two leaders in term ${st.term}`).toBe(id);
    leaders.set(st.term, id);
  }
}

function run(seed: number, size: number): void {
  const ids = Array.from({ length: size }, (_, i) => i + 1);
  const n = new Network(ids, opts, seed);
  const rnd = seededRandom(seed);
  const pick = () => ids[rnd.int(ids.length)]!;
  const leaders = new Map<number, number>();
  /** Highest index whose write was acknowledged (applied by its leader). */
  let acked = 0;
  for (let step = 0; step < 300; step++) {
    const r = rnd.int(100);
    if (r < 8) n.cut(pick(), pick());
    else if (r < 11) n.cutOneWay(pick(), pick());
    else if (r < 16) n.heal();
    else if (r < 19) n.restart(pick());
    else if (r < 21) n.node(pick()).transferLeadership(pick());
    else if (r < 45) {
      const id = pick();
      const res = n.node(id).propose(new Uint8Array([step & 255]));
      n.stabilize();
      if (res.ok && n.get(id).applied.some((e) => e.index === res.lastIndex && e.term === res.term)) {
        acked = Math.max(acked, res.lastIndex);
      }
    } else if (r < 55) {
      const id = pick();
      const lease = n.node(id).leaseReadIndex();
      if (lease !== null) expect(lease, `stale lease read on n${id}`).toBeGreaterThanOrEqual(acked);
    } else {
      n.tick(undefined, 1);
    }
    checkSafety(n, leaders);
  }
  n.heal();
  n.tick(undefined, 60);
  const l = [...n.members.keys()].find((id) => n.node(id).status().role === 'leader');
  expect(l, 'no leader after healing').toBeDefined();
  const before = n.get(l!).applied.filter((e) => e.type === EntryType.Normal).length;
  n.propose(l!, 'after');
  expect(n.get(l!).applied.filter((e) => e.type === EntryType.Normal).length).toBeGreaterThan(before);
  checkSafety(n, leaders);
}

describe('random schedules', () => {
  for (let seed = 1; seed <= Number(process.env.RHEO_RANDOM_SEEDS ?? 40); seed++) {
    const size = seed % 2 === 0 ? 3 : 5;
    it(`seed ${seed}, ${size} nodes`, () => run(seed, size));
  }
});
