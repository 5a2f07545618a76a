// What the cluster has reported committed so far: index -> chain hash of the
// log up to that index (see hash.ts), shared by the checkers that need "the"
// committed log. It is filled by the first report for each index; every later
// report for that index must agree (the checkers using it throw otherwise).

export class CommitLedger {
  private chains = new Map<number, number>();
  /** The highest index reported committed anywhere. */
  maxIndex = 0;

  get(index: number): number | undefined {
    return this.chains.get(index);
  }

  /** Records the first report; returns the reference chain for the index. */
  record(index: number, chain: number): number {
    const seen = this.chains.get(index);
    if (seen !== undefined) return seen;
    this.chains.set(index, chain);
    if (index > this.maxIndex) this.maxIndex = index;
    return chain;
  }

  /** The highest recorded index at or below `index` (indexes can be skipped by snapshots). */
  highestAtOrBelow(index: number): number | undefined {
    for (let i = Math.min(index, this.maxIndex); i > 0; i--) if (this.chains.has(i)) return i;
    return undefined;
  }
}
