// Election safety: at most one leader per term (Raft §5.2).

import { InvariantViolation, type NodeId } from './violation.js';

export class ElectionSafety {
  private leaders = new Map<number, NodeId>();

  observeLeader(term: number, id: NodeId): void {
    const prev = this.leaders.get(term);
    if (prev !== undefined && prev !== id) {
      throw new InvariantViolation('election-safety', `nodes ${prev} and ${id} both lead term ${term}`);
    }
    this.leaders.set(term, id);
  }

  leaderOf(term: number): NodeId | undefined {
    return this.leaders.get(term);
  }
}
