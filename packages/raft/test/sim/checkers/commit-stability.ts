// Every entry once reported committed stays committed, in place: whenever a
// node's hard state says "committed up to c", its log up to c must be the
// log the cluster reported committed up to c.

import type { CommitLedger } from './commit-ledger.js';
import { InvariantViolation, type NodeId } from './violation.js';

export class CommitStability {
  constructor(private readonly ledger: CommitLedger) {}

  /** `chain` is the node's log chain at `commit`, or undefined when compacted away. */
  observeCommit(node: NodeId, commit: number, chain: number | undefined, lastIndex: number): void {
    if (commit > lastIndex) {
      throw new InvariantViolation(
        'commit-stability',
        `node ${node} persisted commit ${commit} past its last index ${lastIndex}`,
      );
    }
    if (chain === undefined || commit === 0) return;
    const ref = this.ledger.record(commit, chain);
    if (ref !== chain) {
      throw new InvariantViolation(
        'commit-stability',
        `node ${node} reports index ${commit} committed with a log that differs from the committed one`,
      );
    }
  }
}
