// Joint quorums (joint consensus): a decision needs a majority of the
// incoming voters and, during a joint change, of the outgoing voters too.

import { majorityCommitted, majorityVoteResult, type VoteResult } from './majority.js';

export interface JointVoters {
  readonly incoming: ReadonlySet<number>;
  /** Empty unless in a joint configuration. */
  readonly outgoing: ReadonlySet<number>;
}

export function jointCommitted(v: JointVoters, valueFor: (id: number) => number): number {
  return Math.min(majorityCommitted(v.incoming, valueFor), majorityCommitted(v.outgoing, valueFor));
}

export function jointVoteResult(v: JointVoters, votes: ReadonlyMap<number, boolean>): VoteResult {
  const a = majorityVoteResult(v.incoming, votes);
  const b = majorityVoteResult(v.outgoing, votes);
  if (a === b) return a;
  if (a === 'lost' || b === 'lost') return 'lost';
  return 'pending';
}
