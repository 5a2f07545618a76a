// Linearizable reads. Leases: valid only with checkQuorum and
// ReadOnlyOption.LeaseBased, after a quorum acknowledged a heartbeat round,
// once the leader committed an entry of its term; they expire
// electionTick - margin ticks after the acknowledged round, before any other
// node can be elected (checked at every tick of a partition, over seeds);
// a leadership transfer revokes them. Read index: confirmed by a heartbeat
// round, forwarded from followers, never answered by a cut-off leader.
import { describe, expect, it } from 'vitest';
import { MessageType, ReadOnlyOption } from '../src/index.js';
import { Network } from './helpers/network.js';

const lease = {
  checkQuorum: true,
  preVote: true,
  readOnlyOption: ReadOnlyOption.LeaseBased,
  leaseSafetyMarginTicks: 2,
};
const ctx = (s: string) => new TextEncoder().encode(s);

describe('leader lease', () => {
  it('is held only after a quorum acknowledged a heartbeat round', () => {
    const n = new Network([1, 2, 3], lease);
    n.campaign(1);
    expect(n.node(1).leaseReadIndex()).toBeNull();
    n.tick([1], 1);
    expect(n.node(1).leaseReadIndex()).toBe(1);
    expect(n.node(2).leaseReadIndex()).toBeNull();
  });

  it('expires electionTick - margin ticks after the last acknowledged round', () => {
    const n = new Network([1, 2, 3], lease);
    n.campaign(1);
    n.tick([1], 1); // round at leader tick 1, acknowledged
    n.isolate(1);
    const held: boolean[] = [];
    for (let i = 0; i < 9; i++) {
      n.tick([1], 1);
      held.push(n.node(1).leaseReadIndex() !== null);
    }
    // Ticks 2..8 are within 10 - 2 = 8 ticks of the round at tick 1.
    expect(held).toEqual([true, true, true, true, true, true, true, false, false]);
    expect(n.node(1).status().role).toBe('leader');
  });

  it('is not held before the leader commits an entry of its own term', () => {
    const n = new Network([1, 2, 3], lease);
    n.filter = (m) => m.type !== MessageType.AppResp;
    n.campaign(1);
    n.tick([1], 2);
    expect(n.node(1).status().commit).toBe(0);
    expect(n.node(1).leaseReadIndex()).toBeNull();
  });

  it('is never valid with the Safe option, and leases require checkQuorum', () => {
    const n = new Network([1, 2, 3], { checkQuorum: true });
    n.campaign(1);
    n.tick([1], 2);
    expect(n.node(1).leaseReadIndex()).toBeNull();
    expect(
      () => new Network([1], { readOnlyOption: ReadOnlyOption.LeaseBased, leaseSafetyMarginTicks: 1 }),
    ).toThrow(/requires checkQuorum/);
  });

  it('is revoked for the rest of the term once a transfer sent TimeoutNow', () => {
    const n = new Network([1, 2, 3], lease);
    n.campaign(1);
    n.tick([1], 1);
    n.filter = (m) => m.type !== MessageType.TimeoutNow;
    n.node(1).transferLeadership(2);
    n.stabilize();
    expect(n.node(1).leaseReadIndex()).toBeNull();
    n.tick([1], 12); // the transfer is abandoned; the lease stays revoked in this term
    expect(n.node(1).status().role).toBe('leader');
    expect(n.node(1).leaseReadIndex()).toBeNull();
  });

  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
    it(`no other leader is elected while the old leader's lease holds (seed ${seed})`, () => {
      const n = new Network([1, 2, 3, 4, 5], lease, seed);
      n.campaign(1);
      n.tick(undefined, 3);
      n.isolate(1);
      for (let t = 0; t < 60; t++) {
        n.tick(undefined, 1);
        const other = [2, 3, 4, 5].some((id) => n.node(id).status().role === 'leader');
        if (other) expect(n.node(1).leaseReadIndex()).toBeNull();
      }
      expect([2, 3, 4, 5].some((id) => n.node(id).status().role === 'leader')).toBe(true);
    });
  }

  it('a follower that restarted keeps refusing votes for an election timeout', () => {
    const n = new Network([1, 2, 3], lease);
    n.campaign(1);
    n.tick(undefined, 2);
    const m = n.restart(2);
    m.node.step({
      type: MessageType.Vote,
      to: 2,
      from: 3,
      term: 5,
      logTerm: 1,
      index: 1,
      entries: [],
      commit: 0,
      reject: false,
      rejectHint: 0,
      rejectHintTerm: 0,
      context: new Uint8Array(),
    });
    expect(m.node.stats().dropped['lease-held']).toBe(1);
    expect(m.node.status().term).toBe(1);
  });
  it('a follower keeps the lease through a higher-term message that is not from a leader', () => {
    const n = new Network([1, 2, 3], lease);
    n.campaign(1);
    n.tick(undefined, 2);
    const base = {
      to: 2,
      from: 3,
      logTerm: 1,
      index: 5,
      entries: [],
      commit: 0,
      reject: false,
      rejectHint: 0,
      rejectHintTerm: 0,
      context: new Uint8Array(),
    };
    // A stray answer in a higher term moves node 2 to that term without a leader...
    n.node(2).step({ ...base, type: MessageType.AppResp, term: 5 });
    expect(n.node(2).status()).toMatchObject({ term: 5, leader: 0 });
    // ...but it heard from leader 1 a tick ago, so it still refuses votes.
    expect(n.node(2).step({ ...base, type: MessageType.Vote, term: 6 })).toBe('lease-held');
  });

  it('a follower within the lease does not campaign when asked; it does once the timeout passed', () => {
    const n = new Network([1, 2, 3], lease);
    n.campaign(1);
    n.tick(undefined, 2);
    n.campaign(2);
    expect(n.node(2).stats().elections).toBe(0);
    expect(n.leader()).toBe(1);
    n.isolate(1);
    n.tick([2, 3], 30);
    expect([2, 3]).toContain([2, 3].find((id) => n.node(id).status().role === 'leader'));
  });

  it('the restart guard ends after an election timeout, so restarted nodes can elect', () => {
    const n = new Network([1, 2, 3], lease);
    n.campaign(1);
    n.tick(undefined, 2);
    n.isolate(1);
    n.restart(2);
    n.restart(3);
    n.tick([2, 3], 40);
    expect([2, 3].some((id) => n.node(id).status().role === 'leader')).toBe(true);
  });
});

describe('read index', () => {
  it('the leader answers after a heartbeat round (Safe)', () => {
    const n = new Network([1, 2, 3]);
    n.campaign(1);
    n.propose(1, 'a');
    n.node(1).readIndex(ctx('r1'));
    n.stabilize();
    expect(n.get(1).readStates).toEqual([{ index: 2, requestCtx: ctx('r1') }]);
    expect(n.sent(MessageType.Heartbeat).some((m) => m.context.length > 0)).toBe(true);
  });

  it('a follower forwards to the leader and gets the index back', () => {
    const n = new Network([1, 2, 3]);
    n.campaign(1);
    n.node(3).readIndex(ctx('f1'));
    n.stabilize();
    expect(n.get(3).readStates).toEqual([{ index: 1, requestCtx: ctx('f1') }]);
  });

  it('a leader cut off from its quorum never answers', () => {
    const n = new Network([1, 2, 3]);
    n.campaign(1);
    n.isolate(1);
    n.node(1).readIndex(ctx('x'));
    n.tick([1], 3);
    expect(n.get(1).readStates).toEqual([]);
  });

  it('with a held lease, the leader answers without a heartbeat round', () => {
    const n = new Network([1, 2, 3], lease);
    n.campaign(1);
    n.tick([1], 1);
    n.delivered = [];
    n.node(1).readIndex(ctx('l'));
    n.stabilize();
    expect(n.get(1).readStates).toEqual([{ index: 1, requestCtx: ctx('l') }]);
    expect(n.sent(MessageType.Heartbeat)).toEqual([]);
  });

  it('requests wait until the leader commits in its term', () => {
    const n = new Network([1, 2, 3]);
    n.filter = (m) => m.type !== MessageType.AppResp;
    n.campaign(1);
    n.node(1).readIndex(ctx('w'));
    n.stabilize();
    expect(n.get(1).readStates).toEqual([]);
    n.filter = undefined;
    n.tick([1], 2);
    expect(n.get(1).readStates).toEqual([{ index: 1, requestCtx: ctx('w') }]);
  });
});
