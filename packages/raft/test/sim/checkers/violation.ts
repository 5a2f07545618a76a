// The one error a checker throws. Checkers see only observations (what the
// nodes did), never the core's internals, so they can judge any core; they
// do not even import its types.

/** A node id, as the checkers see it. */
export type NodeId = number;

export class InvariantViolation extends Error {
  override readonly name = 'InvariantViolation' as const;
  constructor(
    readonly invariant: string,
    detail: string,
  ) {
    super(`${invariant}: ${detail}`);
  }
}
