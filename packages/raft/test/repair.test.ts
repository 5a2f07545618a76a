// Damaged-log repair: a node whose storage reports a damaged log (or whose
// driver calls markDamaged) neither campaigns nor grants votes nor takes
// proposals; it moves to a new term so a leader of the damaged term steps
// down; it accepts appends, and is repaired once it holds an entry of a term
// later than the damaged one (reported once in Ready.repaired). A scenario
// shows why the leader's commit index alone would not be enough: acks the
// node sent before the damage can still commit entries it no longer holds.
import { describe, expect, it } from 'vitest';
import { type Entry, MemoryStorage, type Message, MessageType } from '../src/index.js';
import { Network } from './helpers/network.js';

class DamagedStorage extends MemoryStorage {
  needsRepair = true;
  override initialState() {
    return { ...super.initialState(), needsRepair: this.needsRepair };
  }
}

/** Replaces node `id` with one whose log was cut after `keep` entries, restarting it in repair. */
function damage(n: Network, id: number, keep: number): void {
  const old = n.get(id).storage;
  const s = new DamagedStorage({
    hardState: old.initialState().hardState,
    confState: old.initialState().confState,
  });
  const ents: Entry[] = keep > 0 ? [...old.entries(1, keep + 1, Number.POSITIVE_INFINITY)] : [];
  s.append(ents);
  s.setHardState({
    ...old.initialState().hardState,
    commit: Math.min(old.initialState().hardState.commit, keep),
  });
  n.members.delete(id);
  n.add(id, s);
}

const leaderAmong = (n: Network, ids: number[]) => ids.find((id) => n.node(id).status().role === 'leader');

const opts = { preVote: true, checkQuorum: true };

describe('damaged-log repair', () => {
  it('refuses to campaign, vote or propose while repairing, then repairs from a new leader', () => {
    const n = new Network([1, 2, 3], opts);
    n.campaign(1);
    for (let i = 0; i < 5; i++) n.propose(1, `e${i}`);
    damage(n, 3, 2);
    const node3 = n.node(3);
    expect(node3.status().repairing).toBe(true);
    expect(node3.status().term).toBe(2);
    expect(node3.propose(new Uint8Array([1]))).toMatchObject({ ok: false, reason: 'repairing' });
    node3.campaign();
    expect(node3.status().role).toBe('follower');
    // Its higher term makes leader 1 (term 1) step down; 1 or 2 is elected in a later term.
    n.tick(undefined, 40);
    const l = n.leader();
    expect([1, 2]).toContain(l);
    expect(n.node(l!).status().term).toBeGreaterThan(2);
    expect(node3.status().repairing).toBe(false);
    expect(n.get(3).repairedReported).toBe(true);
    expect(n.data(3).slice(-5)).toEqual(['e0', 'e1', 'e2', 'e3', 'e4']);
    expect(n.node(3).stats().dropped.repairing).toBeGreaterThan(0);
  });

  it('a stored commit past the cut log starts a repair; applied entries are not re-applied', () => {
    const n = new Network([1, 2, 3], opts);
    n.campaign(1);
    for (let i = 0; i < 5; i++) n.propose(1, `e${i}`);
    const old = n.get(3);
    const hs = old.storage.initialState().hardState;
    expect(hs.commit).toBe(6);
    const s = new MemoryStorage({ hardState: hs, confState: old.storage.initialState().confState });
    s.append([...old.storage.entries(1, 3, Number.POSITIVE_INFINITY)]);
    const appliedBefore = old.applied;
    n.members.delete(3);
    const m = n.add(3, s, { applied: 6 });
    m.applied = [...appliedBefore];
    expect(m.node.status()).toMatchObject({ repairing: true, commit: 2, applied: 6 });
    n.tick(undefined, 40);
    expect(m.node.status().repairing).toBe(false);
    expect(n.data(3)).toEqual(['e0', 'e1', 'e2', 'e3', 'e4']);
  });

  it('a repairing node rejects votes', () => {
    const n = new Network([1, 2, 3], opts);
    n.campaign(1);
    n.node(2).markDamaged();
    n.stabilize();
    n.isolate(1);
    n.tick([2, 3], 60);
    // 3 cannot win without 2's vote, and 2 does not campaign: no leader.
    expect(leaderAmong(n, [2, 3])).toBeUndefined();
    expect(n.node(2).status().repairing).toBe(true);
    n.heal();
    n.tick(undefined, 60);
    expect(n.leader()).toBeDefined();
    expect(n.node(2).status().repairing).toBe(false);
  });

  it('an entry committed with an ack sent before the damage survives the repair', () => {
    const n = new Network([1, 2, 3], opts);
    n.campaign(1);
    n.propose(1, 'base');
    // Node 2 is away; X reaches node 3, whose ack we hold back.
    n.isolate(2);
    let held: Message | undefined;
    n.filter = (m) => {
      if (m.type === MessageType.AppResp && m.from === 3 && !held) {
        held = m;
        return false;
      }
      return true;
    };
    n.node(1).propose(new TextEncoder().encode('X'));
    n.stabilize();
    expect(held).toBeDefined();
    // Node 3 loses X (its log is cut at 'base'), restarts repairing; then its old ack lands.
    damage(n, 3, 2);
    n.filter = (m) => !(m.from === 3 && m.to === 1); // keep 3's new, higher-term answers away from 1
    n.node(1).step(held!);
    n.stabilize();
    expect(n.node(1).status().commit).toBe(3); // X committed by {1, 3}
    // The leader dies. Node 2 returns; 3 is still repairing (no entry of a later term), so no leader.
    n.isolate(1);
    n.filter = undefined;
    n.heal();
    n.isolate(1);
    n.tick([2, 3], 80);
    expect(leaderAmong(n, [2, 3])).toBeUndefined();
    // The leader comes back: whoever leads has X, and X stays committed everywhere.
    n.heal();
    n.tick(undefined, 80);
    for (const id of [1, 2, 3]) expect(n.data(id)).toContain('X');
    expect(n.node(3).status().repairing).toBe(false);
  });
});
