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

describe('pre-vote and check-quorum', () => {
  const opts = { preVote: true, checkQuorum: true };

  it('a partitioned node rejoining does not disrupt a healthy leader (pre-vote)', () => {
    const n = new Network([1, 2, 3], opts);
    n.campaign(1);
    n.isolate(3);
    // Node 3 times out again and again; with pre-vote its term never moves.
    n.tick([3], 60);
    expect(n.node(3).status().term).toBe(1);
    n.heal();
    n.tick(undefined, 3);
    expect(n.leader()).toBe(1);
    expect(n.node(1).status().term).toBe(1);
  });

  it('without pre-vote, a partitioned node inflates its term but check-quorum followers ignore its votes', () => {
    const n = new Network([1, 2, 3], { checkQuorum: true });
    n.campaign(1);
    n.isolate(3);
    n.tick([3], 60);
    expect(n.node(3).status().term).toBeGreaterThan(1);
    n.heal();
    // Its vote requests reach followers that hear from the leader: dropped as lease-held.
    n.node(3).campaign();
    n.stabilize();
    expect(n.node(2).stats().dropped['lease-held']).toBeGreaterThan(0);
  });

  it('a leader that loses its quorum steps down after an election timeout', () => {
    const n = new Network([1, 2, 3], opts);
    n.campaign(1);
    n.isolate(1);
    n.tick([1], 9);
    expect(n.node(1).status().role).toBe('leader');
    n.tick([1], 12);
    expect(n.node(1).status().role).toBe('follower');
  });

  it('the majority side elects a new leader; the old leader follows after healing', () => {
    const n = new Network([1, 2, 3], opts);
    n.campaign(1);
    n.isolate(1);
    n.tick([2, 3], 40);
    const l = n.leader() === 1 ? [2, 3].find((id) => n.node(id).status().role === 'leader') : n.leader();
    expect([2, 3]).toContain(l);
    n.tick([1], 25);
    n.heal();
    n.tick(undefined, 3);
    expect(n.node(1).status().role).toBe('follower');
    expect(n.node(1).status().leader).toBe(l);
  });
});

describe('vote rules', () => {
  // Each case: the voter's log (terms of entries 1..n) and the candidate's
  // (lastIndex, lastTerm); is the vote granted (Raft §5.4.1)?
  const cases: { voterLog: number[]; cand: [number, number]; granted: boolean }[] = [
    { voterLog: [], cand: [0, 0], granted: true },
    { voterLog: [1, 1], cand: [1, 1], granted: false },
    { voterLog: [1, 1], cand: [2, 1], granted: true },
    { voterLog: [1, 1], cand: [1, 2], granted: true },
    { voterLog: [1, 2], cand: [3, 1], granted: false },
    { voterLog: [1, 2], cand: [2, 2], granted: true },
  ];
  for (const c of cases) {
    it(`voter log ${JSON.stringify(c.voterLog)}, candidate (${c.cand}) -> ${c.granted ? 'granted' : 'rejected'}`, () => {
      const n = new Network([1, 2]);
      const s = n.get(1).storage;
      s.append(c.voterLog.map((term, i) => ({ term, index: i + 1, type: 0, data: new Uint8Array() })));
      s.setHardState({ term: 2, vote: 0, commit: 0 });
      const m = n.restart(1);
      m.node.step({
        type: 5,
        to: 1,
        from: 2,
        term: 3,
        logTerm: c.cand[1],
        index: c.cand[0],
        entries: [],
        commit: 0,
        reject: false,
        rejectHint: 0,
        rejectHintTerm: 0,
        context: new Uint8Array(),
      });
      const rd = m.node.ready();
      const resp = rd.messages.find((x) => x.type === 6)!;
      expect(resp.reject).toBe(!c.granted);
      expect(m.node.status().vote).toBe(c.granted ? 2 : 0);
    });
  }

  it('a node votes once per term', () => {
    const n = new Network([1, 2, 3]);
    n.cutOneWay(3, 2);
    n.node(1).campaign();
    n.node(3).campaign();
    n.stabilize();
    // Node 2 voted for 1 (first asker); 3 cannot win term 1 without it.
    expect(n.leader()).toBe(1);
  });
});
