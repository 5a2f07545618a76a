// The leader's side of the controller's membership commands: turns the plan
// of membership-step.ts into a conf-change proposal or a leadership
// transfer on the group's core, and remembers the change it proposed, so a
// repeated command waits for it instead of proposing another.

import { NONE, type NodeId, type ProposeResult, type RaftLogger, Role } from '@rheo/raft';
import type { GroupDriver } from './group-driver.js';
import { planMembershipStep, type ReconfigureStep } from './membership-step.js';

export class ReplicaMembership {
  /** The index of the last membership change proposed here; pending until applied. */
  private proposedIndex = 0;

  constructor(
    private readonly self: NodeId,
    private readonly groupId: number,
    private readonly driver: GroupDriver,
    private readonly catchUpEntries: number,
    private readonly logger: RaftLogger | undefined,
  ) {}

  /** One step toward `target` (checked, sorted) on a leader that has started its term and applied `applied`. */
  step(target: readonly NodeId[], applied: number): ReconfigureStep {
    if (applied < this.proposedIndex) return 'pending';
    const node = this.driver.node;
    const st = node.status();
    if (st.role !== Role.Leader || st.progress === undefined) return 'not-leader';
    if (st.leadTransferee !== NONE) return 'transferring';
    const view = { self: this.self, lastIndex: st.lastIndex, confState: st.confState, progress: st.progress };
    const plan = planMembershipStep(view, target, this.catchUpEntries);
    if (plan.kind === 'wait') return plan.step;
    if (plan.kind === 'transfer') {
      this.transfer(plan.to);
      return 'transferring';
    }
    const res = node.proposeConfChange(plan.change);
    if (!res.ok) {
      this.logger?.warn('membership change refused', {
        group: this.groupId,
        reason: res.reason,
        detail: res.detail,
      });
      return refusedStep(res);
    }
    this.proposedIndex = res.lastIndex;
    this.driver.kick();
    return plan.step;
  }

  /** Starts the core's leadership transfer (the caller checked that this replica leads). */
  transfer(to: NodeId): void {
    this.driver.node.transferLeadership(to);
    this.driver.kick();
  }
}

/** A refused membership proposal: tried again on a later call (or on the leader). */
function refusedStep(res: Extract<ProposeResult, { ok: false }>): ReconfigureStep {
  switch (res.reason) {
    case 'not-leader':
    case 'repairing':
      return 'not-leader';
    case 'transfer-in-progress':
      return 'transferring';
    default:
      // A change still pending in the core, or the uncommitted-bytes bound: the next call retries.
      return 'pending';
  }
}
