// One step of moving a shard group's membership toward a target voter set,
// decided from the leader's view alone. The controller asks the leader for
// the same target again and again (level-triggered); each call takes at most
// one step, so a lost answer, a restart or a leader change only repeats a
// check. Pure: the replica turns the plan into a proposal or a transfer.
//
// The steps, in order:
//   1. target nodes that are not members join as learners (one change);
//   2. wait until every learner in the target is within `catchUpEntries` of
//      the leader's last index (promoting a far-behind learner would cost the
//      group its quorum until it catches up);
//   3. one change promotes those learners and removes the voters outside the
//      target: a joint configuration the core leaves by itself (auto-leave),
//      or a simple change when only one voter changes;
//   4. learners outside the target are removed.
// The leader never removes itself: when it is not in the target, it first
// hands leadership to a caught-up voter of the target, and if the target has
// no voter yet, it promotes the target's learners while staying a voter.

import type { ConfChange, ConfChangeSingle, ConfState, NodeId } from '@rheo/raft';

/** What `ShardReplica.reconfigure` did on this call. */
export type ReconfigureStep =
  /** This replica does not lead the group: nothing was done. */
  | 'not-leader'
  /** A membership change is proposed and not yet applied, or the joint configuration is not yet left. */
  | 'pending'
  /** Proposed: the target's new nodes join as learners. */
  | 'added-learners'
  /** A learner of the target is not caught up yet. */
  | 'waiting-catch-up'
  /** Proposed: the caught-up learners become voters and the voters outside the target leave. */
  | 'joint-promoted'
  /** Proposed: learners outside the target leave. */
  | 'removed-learners'
  /** Leadership is moving to a voter of the target (this leader is not in it), or a transfer is under way. */
  | 'transferring'
  /** The membership is the target: its voters, no learners, not joint. */
  | 'done';

export interface PeerMatch {
  readonly match: number;
  readonly recentActive: boolean;
}

/** The leader's view the plan is made from (RawNode.status() on the leader). */
export interface MembershipView {
  readonly self: NodeId;
  readonly lastIndex: number;
  readonly confState: ConfState;
  readonly progress: ReadonlyMap<NodeId, PeerMatch>;
}

export type MembershipPlan =
  | { readonly kind: 'wait'; readonly step: 'pending' | 'waiting-catch-up' | 'done' }
  | {
      readonly kind: 'propose';
      readonly step: 'pending' | 'added-learners' | 'joint-promoted' | 'removed-learners';
      readonly change: ConfChange;
    }
  | { readonly kind: 'transfer'; readonly to: NodeId };

/** The next step toward `target` (distinct node ids, non-empty; the caller checks). */
export function planMembershipStep(
  view: MembershipView,
  target: readonly NodeId[],
  catchUpEntries: number,
): MembershipPlan {
  const cs = view.confState;
  if (cs.votersOutgoing.length > 0) {
    // Our joint changes leave by themselves; a joint configuration without auto-leave is left here.
    return cs.autoLeave
      ? { kind: 'wait', step: 'pending' }
      : { kind: 'propose', step: 'pending', change: { transition: 'explicit', changes: [] } };
  }
  const voters = new Set(cs.voters);
  const learners = new Set(cs.learners);
  const wanted = new Set(target);
  const joining = target.filter((id) => !voters.has(id) && !learners.has(id));
  if (joining.length > 0) return propose('added-learners', joining, 'add-learner');

  const promote = target.filter((id) => learners.has(id));
  const demote = cs.voters.filter((id) => !wanted.has(id));
  if (promote.length > 0 || demote.length > 0) {
    const caughtUp = (id: NodeId) => isCaughtUp(view, id, catchUpEntries);
    if (!promote.every(caughtUp)) return { kind: 'wait', step: 'waiting-catch-up' };
    if (!wanted.has(view.self)) {
      const to = transferTarget(
        view,
        cs.voters.filter((id) => wanted.has(id) && caughtUp(id)),
      );
      if (to !== undefined) return { kind: 'transfer', to };
      // The target has no caught-up voter yet: promote its learners first, leaving the voters as they are.
      if (promote.length === 0) return { kind: 'wait', step: 'waiting-catch-up' };
      return propose('joint-promoted', promote, 'add-voter');
    }
    return {
      kind: 'propose',
      step: 'joint-promoted',
      change: {
        transition: 'auto',
        changes: [...singles(promote, 'add-voter'), ...singles(demote, 'remove-voter')],
      },
    };
  }
  const leaving = cs.learners.filter((id) => !wanted.has(id));
  // remove-voter removes any member, learners included (raft has no separate remove-learner).
  if (leaving.length > 0) return propose('removed-learners', leaving, 'remove-voter');
  return { kind: 'wait', step: 'done' };
}

function propose(
  step: 'added-learners' | 'joint-promoted' | 'removed-learners',
  ids: readonly NodeId[],
  type: ConfChangeSingle['type'],
): MembershipPlan {
  // Several changes enter a joint configuration that auto-leave ends; one is a simple change.
  return { kind: 'propose', step, change: { transition: 'auto', changes: singles(ids, type) } };
}

function singles(ids: readonly NodeId[], type: ConfChangeSingle['type']): ConfChangeSingle[] {
  return ids.map((nodeId) => ({ type, nodeId }));
}

/**
 * Within `catchUpEntries` of the leader's last index, and heard from within
 * the last election timeout. A match of 0 (nothing acknowledged yet, not
 * even the snapshot) never counts, however short the log.
 */
export function isCaughtUp(view: MembershipView, id: NodeId, catchUpEntries: number): boolean {
  const pr = view.progress.get(id);
  return pr?.recentActive === true && pr.match >= Math.max(1, view.lastIndex - catchUpEntries);
}

/** The most caught-up candidate (lowest id on a tie), so the transfer finishes soonest. */
function transferTarget(view: MembershipView, candidates: readonly NodeId[]): NodeId | undefined {
  let best: NodeId | undefined;
  let bestMatch = -1;
  for (const id of [...candidates].sort((a, b) => a - b)) {
    const m = view.progress.get(id)?.match ?? -1;
    if (m > bestMatch) {
      best = id;
      bestMatch = m;
    }
  }
  return best;
}

/** Distinct positive node ids, sorted; the caller turns a message into its error. */
export function checkTargetVoters(target: readonly NodeId[]): NodeId[] | string {
  if (target.length === 0) return 'the target membership has no voters';
  for (const id of target)
    if (!Number.isSafeInteger(id) || id <= 0) return `invalid node id ${String(id)} in the target membership`;
  return [...new Set(target)].sort((a, b) => a - b);
}
