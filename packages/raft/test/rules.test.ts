// Single rules, one table each, after etcd-io/raft's raft_test.go: how a
// follower handles an App (accept, reject with a hint, commit bounded by
// what the App proved), how a heartbeat moves commit, the randomized
// election timeout range, probe-state pacing, reportUnreachable, the edge
// cases of leadership transfer, and a new leader's pending conf change.
import { describe, expect, it } from 'vitest';
import { type Entry, MemoryStorage, type Message, MessageType, newMessage } from '../src/index.js';
import { confState, Network } from './helpers/network.js';

const ent = (index: number, term: number): Entry => ({ index, term, type: 0, data: new Uint8Array() });
const msg = (f: Partial<Message> & Pick<Message, 'type'>): Message =>
  newMessage({ to: 2, from: 1, term: 2, ...f });

/** A follower (id 2) whose log holds terms [1, 2] and knows term 2. */
function follower(): Network {
  const n = new Network([1, 2, 3]);
  const s = new MemoryStorage({
    confState: confState([1, 2, 3]),
    hardState: { term: 2, vote: 0, commit: 0 },
  });
  s.append([ent(1, 1), ent(2, 2)]);
  n.members.delete(2);
  n.add(2, s);
  return n;
}

describe('follower handles App', () => {
  const cases: {
    m: Partial<Message>;
    index: number;
    commit: number;
    reject: boolean;
    hint?: [number, number];
  }[] = [
    // Reject: the entry before the new ones does not match.
    { m: { logTerm: 3, index: 2, commit: 3 }, index: 2, commit: 0, reject: true, hint: [2, 2] },
    // Reject: past our log.
    { m: { logTerm: 3, index: 3, commit: 3 }, index: 3, commit: 0, reject: true, hint: [2, 2] },
    // Accept: commit bounded by what this App proved we hold.
    { m: { logTerm: 1, index: 1, commit: 1 }, index: 1, commit: 1, reject: false },
    { m: { logTerm: 0, index: 0, commit: 1, entries: [ent(1, 2)] }, index: 1, commit: 1, reject: false },
    {
      m: { logTerm: 2, index: 2, commit: 3, entries: [ent(3, 2), ent(4, 2)] },
      index: 4,
      commit: 3,
      reject: false,
    },
    { m: { logTerm: 2, index: 2, commit: 4, entries: [ent(3, 2)] }, index: 3, commit: 3, reject: false },
    { m: { logTerm: 1, index: 1, commit: 4, entries: [ent(2, 2)] }, index: 2, commit: 2, reject: false },
    { m: { logTerm: 1, index: 1, commit: 3 }, index: 1, commit: 1, reject: false },
    { m: { logTerm: 2, index: 2, commit: 4 }, index: 2, commit: 2, reject: false },
  ];
  cases.forEach((c, k) => {
    it(`case ${k}: ${c.reject ? 'reject' : 'accept'} at ${c.index}, commit ${c.commit}`, () => {
      const n = follower();
      const node = n.node(2);
      expect(node.step(msg({ type: MessageType.App, ...c.m }))).toBeNull();
      const rd = node.ready();
      const resp = rd.messages.find((x) => x.type === MessageType.AppResp)!;
      expect({ index: resp.index, reject: resp.reject, commit: node.status().commit }).toEqual({
        index: c.index,
        reject: c.reject,
        commit: c.commit,
      });
      if (c.hint) expect([resp.rejectHint, resp.rejectHintTerm]).toEqual(c.hint);
    });
  });
});

describe('follower handles Heartbeat', () => {
  const cases: { commit: number; want: number }[] = [
    { commit: 1, want: 1 },
    { commit: 2, want: 2 },
    // Never past our own log.
    { commit: 9, want: 2 },
  ];
  for (const c of cases) {
    it(`heartbeat commit ${c.commit} -> ${c.want}`, () => {
      const n = follower();
      n.node(2).step(msg({ type: MessageType.Heartbeat, commit: c.commit, index: 7 }));
      const rd = n.node(2).ready();
      expect(n.node(2).status().commit).toBe(c.want);
      expect(rd.messages[0]).toMatchObject({ type: MessageType.HeartbeatResp, to: 1, index: 7 });
    });
  }
});

describe('timing', () => {
  it('the election timeout is drawn from [electionTick, 2*electionTick)', () => {
    const seen = new Set<number>();
    for (let seed = 1; seed <= 60; seed++) {
      const n = new Network([1], {}, seed);
      let ticks = 0;
      while (n.node(1).status().role !== 'leader') {
        n.tick([1], 1);
        ticks++;
      }
      seen.add(ticks);
    }
    expect(Math.min(...seen)).toBeGreaterThanOrEqual(10);
    expect(Math.max(...seen)).toBeLessThan(20);
    expect(seen.size).toBeGreaterThan(5);
  });
});

describe('flow control states', () => {
  it('probe sends one App at a time until answered; reportUnreachable returns replicate to probe', () => {
    const n = new Network([1, 2, 3], { maxSizePerMsgBytes: 1 });
    n.campaign(1);
    const l = n.node(1);
    expect(l.status().progress!.get(2)!.state).toBe('replicate');
    l.reportUnreachable(2);
    expect(l.status().progress!.get(2)!.state).toBe('probe');
    let appsTo2 = 0;
    n.filter = (m) => {
      if (m.to !== 2 || m.type !== MessageType.App) return true;
      appsTo2++;
      return false;
    };
    for (let i = 0; i < 5; i++) n.propose(1, `p${i}`);
    // The probe went unanswered: one App, not five.
    expect(appsTo2).toBe(1);
    n.filter = undefined;
    n.tick([1], 1);
    expect(n.node(2).status().commit).toBe(6);
    expect(l.status().progress!.get(2)!.state).toBe('replicate');
  });
});

describe('transfer edge cases', () => {
  it('to itself, to a non-member, and a second transfer to another node', () => {
    const n = new Network([1, 2, 3]);
    n.campaign(1);
    n.node(1).transferLeadership(1);
    expect(n.node(1).status().leadTransferee).toBe(0);
    n.node(1).transferLeadership(9);
    expect(n.node(1).status().leadTransferee).toBe(0);
    n.isolate(3);
    n.node(1).transferLeadership(3);
    n.stabilize();
    expect(n.node(1).status().leadTransferee).toBe(3);
    n.heal();
    n.node(1).transferLeadership(2);
    n.stabilize();
    expect(n.leader()).toBe(2);
  });
});

describe('conf change on a new leader', () => {
  it('a new leader refuses a conf change until its log tail is applied', () => {
    const n = new Network([1, 2, 3]);
    // Node 1's log has an entry beyond its commit: it may hold a conf change.
    const s = new MemoryStorage({
      confState: confState([1, 2, 3]),
      hardState: { term: 1, vote: 0, commit: 1 },
    });
    s.append([ent(1, 1), ent(2, 1)]);
    n.members.delete(1);
    n.add(1, s);
    n.filter = (m) => m.type !== MessageType.AppResp;
    n.campaign(1);
    expect(n.node(1).status().role).toBe('leader');
    expect(
      n.node(1).proposeConfChange({ transition: 'auto', changes: [{ type: 'add-learner', nodeId: 4 }] }),
    ).toMatchObject({ ok: false, reason: 'conf-change-refused' });
    n.filter = undefined;
    n.tick([1], 1);
    expect(
      n.node(1).proposeConfChange({ transition: 'auto', changes: [{ type: 'add-learner', nodeId: 4 }] }).ok,
    ).toBe(true);
  });
});
