// All checkers, wired to one shared ledger of committed entries.

import { AckedDurability } from './acked-durability.js';
import { CommitLedger } from './commit-ledger.js';
import { CommitStability } from './commit-stability.js';
import { CommittedOnMajority } from './committed-on-majority.js';
import { ElectionSafety } from './election-safety.js';
import { LeaderCompleteness } from './leader-completeness.js';
import { LeaderOwnTerm } from './leader-own-term.js';
import { LogMatching } from './log-matching.js';
import { PersistBeforeAck } from './persist-before-ack.js';
import { ReadLinearizability } from './read-linearizability.js';
import { StateMachineSafety } from './state-machine-safety.js';

export type { DurableView } from './committed-on-majority.js';
export type { LogView } from './leader-completeness.js';
export type { AckKind } from './persist-before-ack.js';
export { InvariantViolation } from './violation.js';

export class Checkers {
  readonly ledger = new CommitLedger();
  readonly electionSafety = new ElectionSafety();
  readonly logMatching = new LogMatching();
  readonly stateMachineSafety = new StateMachineSafety(this.ledger);
  readonly commitStability = new CommitStability(this.ledger);
  readonly leaderCompleteness = new LeaderCompleteness(this.ledger);
  readonly leaderOwnTerm = new LeaderOwnTerm();
  readonly reads = new ReadLinearizability();
  readonly durability = new AckedDurability(this.ledger);
  readonly persistBeforeAck = new PersistBeforeAck();
  readonly committedOnMajority = new CommittedOnMajority();
}
