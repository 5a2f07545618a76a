// DESIGN.md §5: "A record acknowledged to a producer is on a majority of
// replicas' disks (synced)". A record is acknowledged only once committed,
// so this is checked where commitment happens: whenever a leader advances
// its commit index to c, the entry at c (and so, by the chain hash, the log
// up to it) must be on the synced logs — not what the nodes believe — of a
// majority of each voter set of the leader's membership. Copies destroyed by
// injected disk damage still count: losing them is the fault's doing, which
// repair handles, not the protocol's.

import { InvariantViolation, type NodeId } from './violation.js';

/** What the checker may ask of a node's durable state. */
export interface DurableView {
  /** The chain hash at `index` on the synced log, or 'covered' when a synced snapshot covers it. */
  durableChainAt(index: number): number | 'covered' | undefined;
}

export class CommittedOnMajority {
  observeLeaderCommit(
    leader: NodeId,
    index: number,
    chain: number,
    voterSets: readonly (readonly NodeId[])[],
    durable: (id: NodeId) => DurableView | undefined,
    damaged: (id: NodeId) => boolean,
  ): void {
    for (const voters of voterSets) {
      if (voters.length === 0) continue;
      const holders = voters.filter((id) => {
        if (damaged(id)) return true;
        const c = durable(id)?.durableChainAt(index);
        return c === 'covered' || c === chain;
      });
      if (holders.length * 2 <= voters.length) {
        throw new InvariantViolation(
          'committed-on-majority',
          `leader ${leader} committed index ${index} while it was synced only on [${holders}] of voters [${voters}]`,
        );
      }
    }
  }
}
