// Leader completeness (Raft §5.4): every entry committed before a leader's
// term is in that leader's log. Checked when a node first acts as leader,
// against everything reported committed so far, via one chain comparison at
// the highest committed index (the chain covers the prefix below it).

import type { CommitLedger } from './commit-ledger.js';
import { InvariantViolation, type NodeId } from './violation.js';

export interface LogView {
  chainAt(i: number): number | undefined;
  lastIndex(): number;
}

export class LeaderCompleteness {
  constructor(private readonly ledger: CommitLedger) {}

  observeNewLeader(node: NodeId, term: number, log: LogView): void {
    const m = this.ledger.maxIndex;
    if (m === 0) return;
    if (log.lastIndex() < m) {
      throw new InvariantViolation(
        'leader-completeness',
        `node ${node} leads term ${term} with last index ${log.lastIndex()}, below committed index ${m}`,
      );
    }
    const chain = log.chainAt(m);
    // Compacted past m: the leader's snapshot covers it; later applies are still checked.
    if (chain === undefined) return;
    if (chain !== this.ledger.get(m)) {
      throw new InvariantViolation(
        'leader-completeness',
        `node ${node} leads term ${term} but its log up to committed index ${m} differs from the committed log`,
      );
    }
  }
}
