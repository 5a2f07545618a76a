// planMembershipStep, case by case: from a leader's view of the membership
// and its peers' progress to the one step it takes toward a target voter
// set. Proven here: new nodes join as learners first; promotion waits for
// every target learner to be within catchUpEntries (and recently active);
// promotion and removal of voters are one change; stale learners leave
// last; a leader outside the target hands leadership to a caught-up target
// voter, or, when the target has none, promotes without removing anyone;
// a joint configuration is waited out (or left, without auto-leave); and
// target ids are checked.
import type { ConfState } from '@rheo/raft';
import { describe, expect, it } from 'vitest';
import { checkTargetVoters, type MembershipView, planMembershipStep } from '../src/membership-step.js';

function conf(
  voters: number[],
  learners: number[] = [],
  outgoing: number[] = [],
  autoLeave = false,
): ConfState {
  return { voters, learners, votersOutgoing: outgoing, learnersNext: [], autoLeave };
}

/** A leader (node 1 unless `self`) at last index 100; `match` per member (recently active unless negative). */
function view(cs: ConfState, match: Record<number, number>, self = 1): MembershipView {
  const progress = new Map(
    Object.entries(match).map(([id, m]) => [Number(id), { match: Math.abs(m), recentActive: m >= 0 }]),
  );
  return { self, lastIndex: 100, confState: cs, progress };
}

const CATCH_UP = 10;
const all = { 1: 100, 2: 100, 3: 100, 4: 100, 5: 100 };

describe('planMembershipStep', () => {
  const cases: Array<{ name: string; v: MembershipView; target: number[]; want: unknown }> = [
    {
      name: 'a new node joins as a learner',
      v: view(conf([1, 2, 3]), all),
      target: [1, 2, 4],
      want: {
        kind: 'propose',
        step: 'added-learners',
        change: { transition: 'auto', changes: [{ type: 'add-learner', nodeId: 4 }] },
      },
    },
    {
      name: 'two new nodes join in one change',
      v: view(conf([1, 2, 3]), all),
      target: [1, 4, 5],
      want: {
        kind: 'propose',
        step: 'added-learners',
        change: {
          transition: 'auto',
          changes: [
            { type: 'add-learner', nodeId: 4 },
            { type: 'add-learner', nodeId: 5 },
          ],
        },
      },
    },
    {
      name: 'a learner too far behind is waited for',
      v: view(conf([1, 2, 3], [4]), { ...all, 4: 89 }),
      target: [1, 2, 4],
      want: { kind: 'wait', step: 'waiting-catch-up' },
    },
    {
      name: 'a caught-up learner that stopped answering is waited for',
      v: view(conf([1, 2, 3], [4]), { ...all, 4: -100 }),
      target: [1, 2, 4],
      want: { kind: 'wait', step: 'waiting-catch-up' },
    },
    {
      name: 'a learner within catchUpEntries is promoted and the old voter removed in one change',
      v: view(conf([1, 2, 3], [4]), { ...all, 4: 90 }),
      target: [1, 2, 4],
      want: {
        kind: 'propose',
        step: 'joint-promoted',
        change: {
          transition: 'auto',
          changes: [
            { type: 'add-voter', nodeId: 4 },
            { type: 'remove-voter', nodeId: 3 },
          ],
        },
      },
    },
    {
      name: 'a voter outside the target is removed alone (simple change)',
      v: view(conf([1, 2, 3, 4]), all),
      target: [1, 2, 3],
      want: {
        kind: 'propose',
        step: 'joint-promoted',
        change: { transition: 'auto', changes: [{ type: 'remove-voter', nodeId: 4 }] },
      },
    },
    {
      name: 'a learner outside the target leaves last',
      v: view(conf([1, 2, 3], [5]), all),
      target: [1, 2, 3],
      want: {
        kind: 'propose',
        step: 'removed-learners',
        change: { transition: 'auto', changes: [{ type: 'remove-voter', nodeId: 5 }] },
      },
    },
    {
      name: 'a leader outside the target hands over to the most caught-up target voter',
      v: view(conf([1, 2, 3], [4]), { ...all, 2: 98, 3: 99 }),
      target: [2, 3, 4],
      want: { kind: 'transfer', to: 3 },
    },
    {
      name: 'a leader outside the target waits for a lagging target learner before handing over',
      v: view(conf([1, 2, 3], [4]), { ...all, 4: 5 }),
      target: [2, 3, 4],
      want: { kind: 'wait', step: 'waiting-catch-up' },
    },
    {
      name: 'a leader outside a target with no voter yet promotes and removes no one',
      v: view(conf([1, 2, 3], [4, 5, 6]), { ...all, 6: 100 }),
      target: [4, 5, 6],
      want: {
        kind: 'propose',
        step: 'joint-promoted',
        change: {
          transition: 'auto',
          changes: [
            { type: 'add-voter', nodeId: 4 },
            { type: 'add-voter', nodeId: 5 },
            { type: 'add-voter', nodeId: 6 },
          ],
        },
      },
    },
    {
      name: 'a joint configuration with auto-leave is waited out',
      v: view(conf([1, 2, 4], [], [1, 2, 3], true), all),
      target: [1, 2, 4],
      want: { kind: 'wait', step: 'pending' },
    },
    {
      name: 'a joint configuration without auto-leave is left',
      v: view(conf([1, 2, 4], [], [1, 2, 3], false), all),
      target: [1, 2, 4],
      want: { kind: 'propose', step: 'pending', change: { transition: 'explicit', changes: [] } },
    },
    {
      name: 'the target reached',
      v: view(conf([1, 2, 4]), all),
      target: [1, 2, 4],
      want: { kind: 'wait', step: 'done' },
    },
  ];
  for (const c of cases)
    it(c.name, () => expect(planMembershipStep(c.v, c.target, CATCH_UP)).toEqual(c.want));

  it('walks [1,2,3] to [2,3,4] from leader 1 without ever removing the leader', () => {
    let cs = conf([1, 2, 3]);
    const steps: string[] = [];
    let self = 1;
    for (let i = 0; i < 10; i++) {
      const p = planMembershipStep(view(cs, all, self), [2, 3, 4], CATCH_UP);
      if (p.kind === 'wait') {
        steps.push(p.step);
        if (p.step === 'done') break;
        continue;
      }
      if (p.kind === 'transfer') {
        steps.push(`transfer ${p.to}`);
        self = p.to;
        continue;
      }
      steps.push(p.step);
      for (const ch of p.change.changes) expect([ch.type, ch.nodeId]).not.toEqual(['remove-voter', self]);
      const voters = new Set(cs.voters);
      const learners = new Set(cs.learners);
      for (const ch of p.change.changes) {
        if (ch.type === 'add-learner') learners.add(ch.nodeId);
        if (ch.type === 'add-voter') {
          learners.delete(ch.nodeId);
          voters.add(ch.nodeId);
        }
        if (ch.type === 'remove-voter') {
          voters.delete(ch.nodeId);
          learners.delete(ch.nodeId);
        }
      }
      cs = conf([...voters].sort(), [...learners].sort());
    }
    expect(steps).toEqual(['added-learners', 'transfer 2', 'joint-promoted', 'done']);
    expect(cs.voters).toEqual([2, 3, 4]);
  });
});

describe('checkTargetVoters', () => {
  it('sorts and dedupes; refuses an empty set and bad ids', () => {
    expect(checkTargetVoters([4, 1, 4, 2])).toEqual([1, 2, 4]);
    expect(checkTargetVoters([])).toMatch(/no voters/);
    expect(checkTargetVoters([1, 0])).toMatch(/invalid node id 0/);
    expect(checkTargetVoters([1.5])).toMatch(/invalid node id/);
  });
});
