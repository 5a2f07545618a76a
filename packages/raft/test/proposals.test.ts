// Proposals: the leader returns the index range and term it assigned;
// proposals are refused with the right reason (not-leader with the known
// leader, transfer-in-progress, uncommitted-bytes-max, conf-change-refused,
// repairing); the uncommitted-bytes bound is released as entries apply.
import { describe, expect, it } from 'vitest';
import { Network } from './helpers/network.js';

describe('proposals', () => {
  it('returns the assigned range and term', () => {
    const n = new Network([1, 2, 3]);
    n.campaign(1);
    expect(n.node(1).proposeBatch([new Uint8Array(1), new Uint8Array(2), new Uint8Array(3)])).toEqual({
      ok: true,
      firstIndex: 2,
      lastIndex: 4,
      term: 1,
    });
  });

  it('a follower refuses with not-leader and names the leader', () => {
    const n = new Network([1, 2, 3]);
    expect(n.node(2).propose(new Uint8Array(1))).toMatchObject({
      ok: false,
      reason: 'not-leader',
      leader: 0,
    });
    n.campaign(1);
    expect(n.node(2).propose(new Uint8Array(1))).toMatchObject({
      ok: false,
      reason: 'not-leader',
      leader: 1,
    });
  });

  it('the uncommitted-bytes bound refuses until entries apply', () => {
    const n = new Network([1, 2, 3], { maxUncommittedEntriesBytes: 1000 });
    n.campaign(1);
    n.isolate(1);
    expect(n.node(1).propose(new Uint8Array(600)).ok).toBe(true);
    expect(n.node(1).propose(new Uint8Array(600))).toMatchObject({
      ok: false,
      reason: 'uncommitted-bytes-max',
    });
    n.heal();
    n.tick([1], 2);
    expect(n.node(1).propose(new Uint8Array(600)).ok).toBe(true);
  });

  it('one oversized batch is admitted when nothing is outstanding', () => {
    const n = new Network([1], { maxUncommittedEntriesBytes: 10 });
    n.campaign(1);
    expect(n.node(1).propose(new Uint8Array(100)).ok).toBe(true);
  });

  it('refusal reasons for transfer and repair', () => {
    const n = new Network([1, 2, 3]);
    n.campaign(1);
    n.isolate(2);
    n.node(1).transferLeadership(2);
    expect(n.node(1).propose(new Uint8Array(1))).toMatchObject({ reason: 'transfer-in-progress', leader: 1 });
    n.node(3).markDamaged();
    expect(n.node(3).propose(new Uint8Array(1))).toMatchObject({ reason: 'repairing' });
  });
});
