// Seeds that fail because of a known, reported bug in the core, with the
// invariant they break and why. The suite runs them apart from the others
// and reports when they start passing (then delete the entry). Never add a
// seed here to hide a harness bug or to weaken a checker.

export interface KnownFailure {
  readonly seed: number;
  readonly nodes: number;
  readonly invariant: string;
  readonly why: string;
}

export const KNOWN_FAILURES: readonly KnownFailure[] = [
  {
    seed: 195,
    nodes: 5,
    invariant: 'liveness',
    why:
      'Raft.restartGuard is cleared only on a term change; a restarted node that keeps pre-campaigning ' +
      '(pre-vote keeps the term, reset() zeroes electionElapsed) stays inLease() forever and drops every ' +
      "PreVote/Vote as 'lease-held'. Voters {2,3,5}: 2 repairing, 3 restarted and behind, so 5 never gets a quorum. " +
      'Clearing restartGuard when the node becomes pre-candidate (or after one election timeout) fixes it.',
  },
];
