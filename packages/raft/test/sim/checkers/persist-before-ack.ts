// "Persistence must be complete before a node acknowledges an append or
// grants a vote" (issue 3, part 6), and a damaged node "refuses to vote or
// lead until it has been repaired". Both are checked where they become
// visible: when a node sends a vote or an append ack, and when it leads.
// This also checks the core's `mustSync`: if it were false when entries or
// the vote changed, the driver would not sync and the ack would be caught.

import { InvariantViolation, type NodeId } from './violation.js';

export type AckKind = 'vote-granted' | 'append-ack' | 'other';

export class PersistBeforeAck {
  /**
   * `unsyncedCritical`: the disk holds entries, a snapshot or a term/vote
   * change that is not synced yet. `repairing`: the disk's durable repair flag.
   */
  observeSend(node: NodeId, to: NodeId, kind: AckKind, unsyncedCritical: boolean, repairing: boolean): void {
    if (kind === 'other') return;
    if (unsyncedCritical) {
      throw new InvariantViolation(
        'persist-before-ack',
        `node ${node} sent ${kind} to ${to} while its entries or vote were not yet synced`,
      );
    }
    if (kind === 'vote-granted' && repairing) {
      throw new InvariantViolation(
        'repair-discipline',
        `node ${node} granted a vote to ${to} with a damaged, unrepaired log`,
      );
    }
  }

  observeLeader(node: NodeId, term: number, repairing: boolean): void {
    if (repairing) {
      throw new InvariantViolation(
        'repair-discipline',
        `node ${node} leads term ${term} with a damaged, unrepaired log`,
      );
    }
  }
}
