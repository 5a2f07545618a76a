// Acknowledged writes are never lost, even across crashes of a minority:
// at the end of a run, the leader's log still holds every acknowledged write
// in place and has it committed.

import type { CommitLedger } from './commit-ledger.js';
import type { LogView } from './leader-completeness.js';
import { InvariantViolation, type NodeId } from './violation.js';

export class AckedDurability {
  private acked: { id: number; index: number }[] = [];

  constructor(private readonly ledger: CommitLedger) {}

  observeAck(id: number, index: number): void {
    this.acked.push({ id, index });
  }

  get count(): number {
    return this.acked.length;
  }

  checkLeader(node: NodeId, commit: number, log: LogView): void {
    for (const w of this.acked) {
      if (commit < w.index) {
        throw new InvariantViolation(
          'acked-write-lost',
          `write ${w.id} was acknowledged at index ${w.index}, but leader ${node} has commit ${commit}`,
        );
      }
      const chain = log.chainAt(w.index);
      if (chain !== undefined && chain !== this.ledger.get(w.index)) {
        throw new InvariantViolation(
          'acked-write-lost',
          `write ${w.id} was acknowledged at index ${w.index}, but leader ${node} holds something else there`,
        );
      }
    }
  }
}
