// A new leader exposes nothing as committed until it has committed an entry
// of its own term (Raft §5.4.2; etcd's "commit only current-term entries by
// counting"): its commit index may only move to an index whose entry has its
// term, and it may not serve a lease read or a read index before that.

import { InvariantViolation, type NodeId } from './violation.js';

export class LeaderOwnTerm {
  /** The commit index each leader had when its tenure began, by "node/term". */
  private startCommit = new Map<string, number>();

  observeTenureStart(node: NodeId, term: number, commit: number): void {
    this.startCommit.set(`${node}/${term}`, commit);
  }

  observeLeaderCommit(node: NodeId, term: number, commit: number, termAtCommit: number): void {
    const start = this.startCommit.get(`${node}/${term}`) ?? 0;
    if (commit > start && termAtCommit !== term) {
      throw new InvariantViolation(
        'leader-own-term-commit',
        `leader ${node} of term ${term} advanced its commit to ${commit}, an entry of term ${termAtCommit}`,
      );
    }
  }

  /** A leader served a read (lease or read index) while its commit index was `commit`. */
  observeLeaderRead(node: NodeId, term: number, kind: string, termAtCommit: number): void {
    if (termAtCommit !== term) {
      throw new InvariantViolation(
        'leader-own-term-commit',
        `leader ${node} of term ${term} answered a ${kind} read before committing an entry of its term`,
      );
    }
  }
}
