// Majority quorums: the committed index of a set of voters and the outcome
// of a vote. A pure function of its inputs, so it is checked in tests
// against a deliberately naive reference.

export type VoteResult = 'pending' | 'lost' | 'won';

/**
 * The largest value that a majority of `voters` have reached, where
 * `valueFor` gives each voter's value (a match index, or a lease tick).
 * An empty set returns +Infinity so that it does not constrain a joint quorum.
 */
export function majorityCommitted(voters: ReadonlySet<number>, valueFor: (id: number) => number): number {
  const n = voters.size;
  if (n === 0) return Number.POSITIVE_INFINITY;
  if (n === 1) {
    for (const id of voters) return valueFor(id);
  }
  const values: number[] = [];
  for (const id of voters) values.push(valueFor(id));
  values.sort((a, b) => b - a);
  // The (n/2+1)-th largest value is held by a majority.
  return values[Math.floor(n / 2)]!;
}

/** The outcome of a vote given the votes received so far (true = granted). */
export function majorityVoteResult(
  voters: ReadonlySet<number>,
  votes: ReadonlyMap<number, boolean>,
): VoteResult {
  if (voters.size === 0) return 'won';
  let granted = 0;
  let missing = 0;
  for (const id of voters) {
    const v = votes.get(id);
    if (v === undefined) missing++;
    else if (v) granted++;
  }
  const q = Math.floor(voters.size / 2) + 1;
  if (granted >= q) return 'won';
  if (granted + missing >= q) return 'pending';
  return 'lost';
}
