// Log matching over durable logs (Raft §5.3): if two logs hold an entry with
// the same index and term, they are identical up to it. Each durable entry
// is observed with the chain hash of its log up to it; the first chain seen
// for an (index, term) is the reference every later one must equal.

import { InvariantViolation, type NodeId } from './violation.js';

export class LogMatching {
  private chains = new Map<string, { chain: number; node: NodeId }>();

  observeDurable(node: NodeId, index: number, term: number, chain: number): void {
    const key = `${index}/${term}`;
    const seen = this.chains.get(key);
    if (seen === undefined) {
      this.chains.set(key, { chain, node });
    } else if (seen.chain !== chain) {
      throw new InvariantViolation(
        'log-matching',
        `nodes ${seen.node} and ${node} both hold an entry at index ${index} term ${term} on durable logs that differ at or before it`,
      );
    }
  }
}
