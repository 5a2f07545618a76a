// Leader completeness (Raft §5.4): an entry committed in term t is in the
// log of every leader of a term after t. The committing term is known when a
// leader advances its commit index (observeLeaderCommit); a new leader of
// term T is then checked at the highest index committed in any term below T,
// with one chain comparison (the chain covers the prefix below it). Checking
// against "everything committed so far" instead would be wrong: a leader
// elected late with older votes need not hold what a later term committed.

import type { CommitLedger } from './commit-ledger.js';
import { InvariantViolation, type NodeId } from './violation.js';

export interface LogView {
  chainAt(i: number): number | undefined;
  lastIndex(): number;
}

export class LeaderCompleteness {
  /** The highest index each term's leader committed. */
  private committedByTerm = new Map<number, number>();

  constructor(private readonly ledger: CommitLedger) {}

  observeLeaderCommit(term: number, index: number): void {
    if (index > (this.committedByTerm.get(term) ?? 0)) this.committedByTerm.set(term, index);
  }

  private committedBefore(term: number): number {
    let m = 0;
    for (const [t, index] of this.committedByTerm) if (t < term && index > m) m = index;
    return m;
  }

  observeNewLeader(node: NodeId, term: number, log: LogView): void {
    const m = this.committedBefore(term);
    if (m === 0) return;
    if (log.lastIndex() < m) {
      throw new InvariantViolation(
        'leader-completeness',
        `node ${node} leads term ${term} with last index ${log.lastIndex()}, below index ${m} committed in an earlier term`,
      );
    }
    const chain = log.chainAt(m);
    const ref = this.ledger.get(m);
    // Compacted past m: the leader's snapshot covers it; later applies are still checked.
    if (chain === undefined || ref === undefined) return;
    if (chain !== ref) {
      throw new InvariantViolation(
        'leader-completeness',
        `node ${node} leads term ${term} but its log up to index ${m}, committed in an earlier term, differs from the committed log`,
      );
    }
  }
}
