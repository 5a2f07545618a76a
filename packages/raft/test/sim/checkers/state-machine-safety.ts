// State-machine safety (Raft §5.4.3): no two nodes apply different entries
// at one index. Observed at every apply with the applier's chain hash, which
// covers the whole applied prefix, so a node that applied a different entry
// anywhere before the index is caught too.

import type { CommitLedger } from './commit-ledger.js';
import { InvariantViolation, type NodeId } from './violation.js';

export class StateMachineSafety {
  constructor(private readonly ledger: CommitLedger) {}

  observeApply(node: NodeId, index: number, chain: number): void {
    const ref = this.ledger.record(index, chain);
    if (ref !== chain) {
      throw new InvariantViolation(
        'state-machine-safety',
        `node ${node} applied a different entry (or prefix) at index ${index} than was applied elsewhere`,
      );
    }
  }
}
