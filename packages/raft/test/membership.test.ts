// Membership changes and leadership transfer: simple changes add and remove
// one voter; joint consensus enters and leaves (automatically or by an
// explicit empty change); learners replicate without voting and are
// promoted; invalid or concurrent changes are refused with reasons; a
// removed leader steps down. Transfer succeeds (catching the transferee up
// first), refuses proposals meanwhile, and is abandoned after an election
// timeout. Each case runs the in-test network, which applies committed
// ConfChange entries through applyConfChange as a driver does.
import { describe, expect, it } from 'vitest';
import { type ConfChange, MemoryStorage, MessageType, newMessage } from '../src/index.js';
import { confState, Network } from './helpers/network.js';

/** A new replica starts from the group's initial membership and replays the log's changes. */
const joining = () => new MemoryStorage({ confState: confState([1, 2, 3]) });

const add = (id: number): ConfChange => ({
  transition: 'auto',
  changes: [{ type: 'add-voter', nodeId: id }],
});
const learner = (id: number): ConfChange => ({
  transition: 'auto',
  changes: [{ type: 'add-learner', nodeId: id }],
});
const removeV = (id: number): ConfChange => ({
  transition: 'auto',
  changes: [{ type: 'remove-voter', nodeId: id }],
});

function started(ids = [1, 2, 3], o = {}): Network {
  const n = new Network(ids, o);
  n.campaign(1);
  return n;
}

describe('simple changes', () => {
  it('adds a voter that catches up from an empty log', () => {
    const n = started();
    n.propose(1, 'before');
    n.add(4, joining());
    expect(n.node(1).proposeConfChange(add(4)).ok).toBe(true);
    n.stabilize();
    n.propose(1, 'after');
    expect(n.node(1).status().confState.voters).toEqual([1, 2, 3, 4]);
    expect(n.data(4)).toEqual(['before', 'after']);
    expect(n.node(4).status().confState.voters).toEqual([1, 2, 3, 4]);
  });

  it('removes a voter; the rest commit without it', () => {
    const n = started();
    n.node(1).proposeConfChange(removeV(3));
    n.stabilize();
    n.isolate(3);
    n.propose(1, 'x');
    expect(n.node(1).status().confState.voters).toEqual([1, 2]);
    expect(n.data(2)).toEqual(['x']);
  });

  it('a removed node is an unknown member: its messages are dropped and counted', () => {
    const n = started();
    n.node(1).proposeConfChange(removeV(3));
    n.stabilize();
    // Node 3 no longer campaigns (not promotable); a stray message from it is dropped.
    n.node(3).campaign();
    n.stabilize();
    expect(n.node(3).stats().elections).toBe(0);
    const before = n.node(1).stats().dropped['unknown-member'];
    const reason = n.node(1).step(newMessage({ type: MessageType.HeartbeatResp, to: 1, from: 3, term: 1 }));
    expect(reason).toBe('unknown-member');
    expect(n.node(1).stats().dropped['unknown-member']).toBe(before + 1);
    expect(n.leader()).toBe(1);
  });

  it('removing the leader makes it step down; the others elect a new one', () => {
    const n = started();
    n.node(1).proposeConfChange(removeV(1));
    n.stabilize();
    expect(n.node(1).status().role).toBe('follower');
    n.tick([2, 3], 30);
    expect([2, 3]).toContain(n.leader());
  });

  it('refuses a second change while one is pending, and invalid changes', () => {
    const n = started();
    const first = n.node(1).proposeConfChange(learner(4));
    expect(first.ok).toBe(true);
    const second = n.node(1).proposeConfChange(learner(5));
    expect(second).toMatchObject({ ok: false, reason: 'conf-change-refused' });
    n.stabilize();
    const two = n.node(1).proposeConfChange({
      transition: 'auto',
      changes: [
        { type: 'add-voter', nodeId: 4 },
        { type: 'add-voter', nodeId: 5 },
      ],
    });
    // Two changes with 'auto' enter a joint configuration: allowed.
    expect(two.ok).toBe(true);
    n.stabilize();
    const none = new Network([1]);
    none.campaign(1);
    expect(none.node(1).proposeConfChange(removeV(1))).toMatchObject({
      ok: false,
      reason: 'conf-change-refused',
      detail: 'removed all voters',
    });
    expect(none.node(1).proposeConfChange({ transition: 'auto', changes: [] })).toMatchObject({
      ok: false,
      detail: 'not in a joint configuration',
    });
  });
});

describe('joint consensus', () => {
  it('auto: enters the joint configuration and leaves it by itself', () => {
    const n = started([1, 2, 3]);
    n.add(4, joining());
    n.add(5, joining());
    const cc: ConfChange = {
      transition: 'auto',
      changes: [
        { type: 'add-voter', nodeId: 4 },
        { type: 'add-voter', nodeId: 5 },
        { type: 'remove-voter', nodeId: 3 },
      ],
    };
    expect(n.node(1).proposeConfChange(cc).ok).toBe(true);
    n.stabilize();
    const cs = n.node(1).status().confState;
    expect(cs).toMatchObject({ voters: [1, 2, 4, 5], votersOutgoing: [], autoLeave: false });
    for (const id of [2, 4, 5]) expect(n.node(id).status().confState.voters).toEqual([1, 2, 4, 5]);
  });

  it('explicit: stays joint (needing both majorities) until an empty change', () => {
    const n = started([1, 2, 3]);
    n.add(4, joining());
    n.node(1).proposeConfChange({
      transition: 'explicit',
      changes: [
        { type: 'add-voter', nodeId: 4 },
        { type: 'remove-voter', nodeId: 2 },
        { type: 'remove-voter', nodeId: 3 },
      ],
    });
    n.stabilize();
    expect(n.node(1).status().confState).toMatchObject({ voters: [1, 4], votersOutgoing: [1, 2, 3] });
    // With 2 and 3 cut off, the outgoing majority is lost: nothing commits.
    n.isolate(2);
    n.cut(3, 1);
    n.cut(3, 4);
    const before = n.node(1).status().commit;
    n.propose(1, 'stuck');
    expect(n.node(1).status().commit).toBe(before);
    n.heal();
    n.tick([1], 2);
    expect(n.node(1).status().commit).toBeGreaterThan(before);
    expect(n.node(1).proposeConfChange({ transition: 'explicit', changes: [] }).ok).toBe(true);
    n.stabilize();
    expect(n.node(1).status().confState).toMatchObject({ voters: [1, 4], votersOutgoing: [] });
    n.isolate(2);
    n.isolate(3);
    n.heal();
    n.cut(2, 1);
    n.cut(3, 1);
    n.propose(1, 'new-quorum');
    expect(n.data(4)).toContain('new-quorum');
  });
});

describe('learners', () => {
  it('a learner replicates but does not vote or count; promotion makes it a voter', () => {
    const n = started([1, 2, 3]);
    n.add(4, joining());
    n.node(1).proposeConfChange(learner(4));
    n.stabilize();
    n.propose(1, 'l');
    expect(n.data(4)).toEqual(['l']);
    expect(n.node(1).status().progress!.get(4)!.isLearner).toBe(true);
    // A learner never campaigns.
    n.tick([4], 50);
    expect(n.node(4).status().role).toBe('follower');
    expect(n.node(4).stats().elections).toBe(0);
    n.node(1).proposeConfChange(add(4));
    n.stabilize();
    expect(n.node(1).status().confState).toMatchObject({ voters: [1, 2, 3, 4], learners: [] });
  });

  it('demoting a voter in a joint change makes it a learner on leaving', () => {
    const n = started([1, 2, 3]);
    n.node(1).proposeConfChange({ transition: 'auto', changes: [{ type: 'add-learner', nodeId: 3 }] });
    n.stabilize();
    expect(n.node(1).status().confState).toMatchObject({ voters: [1, 2], learners: [3] });
  });
});

describe('leadership transfer', () => {
  it('hands leadership to an up-to-date follower', () => {
    const n = started();
    n.node(1).transferLeadership(2);
    n.stabilize();
    expect(n.leader()).toBe(2);
    expect(n.node(2).status().term).toBe(2);
  });

  it('catches a lagging transferee up first, refusing proposals meanwhile', () => {
    const n = started();
    n.isolate(3);
    n.propose(1, 'a');
    n.heal();
    n.filter = (m) => !(m.to === 3 && m.type === MessageType.App);
    n.node(1).transferLeadership(3);
    n.stabilize();
    expect(n.node(1).status().leadTransferee).toBe(3);
    expect(n.node(1).propose(new Uint8Array([1]))).toMatchObject({
      ok: false,
      reason: 'transfer-in-progress',
    });
    n.filter = undefined;
    n.tick([1], 1);
    expect(n.leader()).toBe(3);
    expect(n.data(3)).toEqual(['a']);
  });

  it('is abandoned after an election timeout when the transferee does not answer', () => {
    const n = started();
    n.isolate(3);
    n.node(1).transferLeadership(3);
    n.stabilize();
    n.tick([1], 9);
    expect(n.node(1).status().leadTransferee).toBe(3);
    n.tick([1], 1);
    expect(n.node(1).status().leadTransferee).toBe(0);
    expect(n.propose(1, 'again').ok).toBe(true);
  });

  it('a follower forwards the request to the leader', () => {
    const n = started();
    n.node(3).transferLeadership(3);
    n.stabilize();
    expect(n.leader()).toBe(3);
  });
});
