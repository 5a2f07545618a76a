// Log replication: a new leader brings every follower's log in line with its
// own (Raft Figure 7 cases a-f), rejections back off a whole term at a time
// (rejectHint/rejectHintTerm), entries of earlier terms are committed only
// through an entry of the leader's own term (Figure 8), proposals batch into
// Apps within maxSizePerMsgBytes, and the inflight window bounds pipelining.
// Each case builds logs in MemoryStorage and runs the in-test network.
import { describe, expect, it } from 'vitest';
import { type Entry, MemoryStorage, MessageType } from '../src/index.js';
import { confState, Network } from './helpers/network.js';

const ents = (terms: number[], from = 1): Entry[] =>
  terms.map((term, i) => ({ term, index: from + i, type: 0, data: new Uint8Array([term, i & 255]) }));

function logTerms(s: MemoryStorage): number[] {
  const out: number[] = [];
  for (let i = s.firstIndex(); i <= s.lastIndex(); i++) out.push(s.term(i));
  return out;
}

function networkWithLogs(logs: Record<number, number[]>, term: number, o = {}): Network {
  const ids = Object.keys(logs).map(Number);
  const n = new Network(ids, o);
  for (const id of ids) {
    const s = new MemoryStorage({ confState: confState(ids), hardState: { term, vote: 0, commit: 0 } });
    s.append(ents(logs[id]!));
    n.members.delete(id);
    n.add(id, s);
  }
  return n;
}

describe('log matching: a new leader repairs every follower (Figure 7)', () => {
  const leaderLog = [1, 1, 1, 4, 4, 5, 5, 6, 6, 6];
  const followers: Record<string, number[]> = {
    a: [1, 1, 1, 4, 4, 5, 5, 6, 6],
    b: [1, 1, 1, 4],
    c: [1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 6],
    d: [1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 7, 7],
    e: [1, 1, 1, 4, 4, 4, 4],
    f: [1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3],
  };
  for (const [name, log] of Object.entries(followers)) {
    it(`case ${name}`, () => {
      // Node 3 (empty log) gives the leader its quorum even when 2 would refuse.
      const n = networkWithLogs({ 1: leaderLog, 2: log, 3: [] }, 7);
      n.campaign(1);
      expect(n.leader()).toBe(1);
      expect(logTerms(n.get(2).storage)).toEqual([...leaderLog, 8]);
      expect(n.node(2).status().commit).toBe(11);
    });
  }

  it('fast back-off skips a divergent term in one round trip', () => {
    const common = new Array(100).fill(1);
    const n = networkWithLogs(
      { 1: [...common, ...new Array(10).fill(3)], 2: [...common, ...new Array(50).fill(2)], 3: [] },
      3,
    );
    n.campaign(1);
    const rejects = n.sent(MessageType.AppResp).filter((m) => m.from === 2 && m.reject);
    expect(rejects.length).toBeLessThanOrEqual(2);
    expect(logTerms(n.get(2).storage)).toEqual(logTerms(n.get(1).storage));
  });
});

describe('commit rule (Figure 8)', () => {
  it('a previous-term entry on a majority is not committed until an own-term entry is', () => {
    const n = networkWithLogs({ 1: [1, 2], 2: [1], 3: [1] }, 2, { maxSizePerMsgBytes: 1 });
    // The first App (prev 2, no-op 3) is rejected and the leader backs off to
    // send entry 2 (term 2) alone; every later App carrying the no-op is held.
    const probed = new Set<number>();
    n.filter = (m) => {
      if (m.type !== MessageType.App || !m.entries.some((e) => e.index >= 3)) return true;
      if (probed.has(m.to)) return false;
      probed.add(m.to);
      return true;
    };
    n.campaign(1);
    expect(n.leader()).toBe(1);
    expect(n.node(1).status().term).toBe(3);
    expect(n.node(1).status().progress!.get(2)!.match).toBe(2);
    expect(n.node(1).status().commit).toBe(0);
    n.filter = undefined;
    n.tick([1], 2);
    expect(n.node(1).status().commit).toBe(3);
    expect(n.node(2).status().commit).toBe(3);
  });

  it('the leader counts its own entries only once persisted (advance)', () => {
    const n = new Network([1]);
    n.campaign(1);
    const node = n.node(1);
    node.propose(new Uint8Array([1]));
    const rd = node.ready();
    expect(rd.entries.map((e) => e.index)).toEqual([2]);
    expect(rd.committedEntries).toEqual([]);
    n.get(1).storage.append(rd.entries);
    node.advance(rd);
    expect(node.ready().committedEntries.map((e) => e.index)).toEqual([2]);
  });
});

describe('batching and flow control', () => {
  it('proposals made between Ready cycles travel in one App per follower', () => {
    const n = new Network([1, 2, 3]);
    n.campaign(1);
    n.delivered = [];
    for (let i = 0; i < 64; i++) n.node(1).propose(new Uint8Array(10));
    n.stabilize();
    const apps = n.sent(MessageType.App).filter((m) => m.entries.length > 0);
    expect(apps.length).toBe(2);
    expect(apps[0]!.entries.length).toBe(64);
  });

  it('Apps respect maxSizePerMsgBytes (at least one entry each)', () => {
    const n = new Network([1, 2], { maxSizePerMsgBytes: 250 });
    n.campaign(1);
    n.delivered = [];
    n.node(1).proposeBatch(new Array(10).fill(new Uint8Array(100)));
    n.stabilize();
    const sizes = n.sent(MessageType.App).map((m) => m.entries.length);
    expect(Math.max(...sizes)).toBe(2);
    expect(n.node(2).status().commit).toBe(11);
  });

  it('the inflight window bounds pipelined Apps to an unresponsive follower', () => {
    const n = new Network([1, 2, 3], { maxSizePerMsgBytes: 1, maxInflightMsgs: 4 });
    n.campaign(1);
    n.cutOneWay(2, 1); // 2's acks are lost
    n.delivered = [];
    for (let round = 0; round < 10; round++) {
      n.node(1).propose(new Uint8Array(8));
      n.stabilize();
    }
    const to2 = n.sent(MessageType.App).filter((m) => m.to === 2 && m.entries.length > 0);
    expect(to2.length).toBe(4);
    expect(n.node(1).status().progress!.get(2)!.inflightMsgs).toBe(4);
    n.heal();
    n.tick([1], 2);
    expect(n.node(2).status().commit).toBe(11);
  });

  it('maxCommittedSizePerReadyBytes splits committed entries across Readies', () => {
    const n = new Network([1], { maxCommittedSizePerReadyBytes: 250 });
    n.campaign(1);
    n.node(1).proposeBatch(new Array(6).fill(new Uint8Array(100)));
    let sizes: number[] = [];
    for (let i = 0; i < 10 && n.node(1).hasReady(); i++) {
      const rd = n.node(1).ready();
      n.get(1).storage.append(rd.entries);
      sizes.push(rd.committedEntries.length);
      n.node(1).advance(rd);
    }
    sizes = sizes.filter((x) => x > 0);
    expect(sizes).toEqual([2, 2, 2]);
  });
});
