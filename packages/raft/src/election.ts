// Elections: starting a campaign (pre-vote first when enabled), answering
// vote requests, and counting votes.

import { CAMPAIGN_TRANSFER, EMPTY_BYTES } from './messages.js';
import type { DropReason } from './node-api.js';
import type { Raft } from './raft.js';
import { EntryType, type Message, MessageType, Role } from './types.js';

/**
 * Why a campaign starts: the election timeout elapsed, the driver asked
 * (`campaign()`), or the leader asked by TimeoutNow (a transfer).
 */
export type HupCause = 'timeout' | 'forced' | 'transfer';

/** Start an election. */
export function hup(r: Raft, cause: HupCause): void {
  if (r.state === Role.Leader) return;
  if (!r.promotable()) {
    r.logger.debug('not campaigning: not promotable', { id: r.id, repairing: r.repairing });
    return;
  }
  // A node that heard from a leader within the election timeout is part of
  // that leader's lease: campaigning now (and voting for itself) could
  // elect a second leader while the first still serves lease reads.
  if (cause === 'forced' && r.inLease()) {
    r.logger.debug('not campaigning: a leader was heard within the election timeout', { id: r.id });
    return;
  }
  // A conf change committed but not applied may change who votes: wait for it.
  if (hasUnappliedConfChange(r)) {
    r.logger.debug('not campaigning: unapplied conf change', { id: r.id });
    return;
  }
  const transfer = cause === 'transfer';
  campaign(r, r.cfg.preVote && !transfer ? 'pre-election' : 'election', transfer);
}

function hasUnappliedConfChange(r: Raft): boolean {
  const { applied, committed } = r.log;
  if (committed <= applied) return false;
  const ents = r.log.slice(applied + 1, committed + 1, Number.POSITIVE_INFINITY);
  // Not loaded yet: be conservative, try again at the next timeout.
  if (ents === null) return true;
  return ents.some((e) => e.type === EntryType.ConfChange);
}

export function campaign(r: Raft, kind: 'pre-election' | 'election', transfer: boolean): void {
  let voteType: typeof MessageType.Vote | typeof MessageType.PreVote;
  let term: number;
  if (kind === 'pre-election') {
    r.becomePreCandidate();
    voteType = MessageType.PreVote;
    // Ask for the term we would campaign in, without moving to it.
    term = r.term + 1;
  } else {
    r.becomeCandidate();
    voteType = MessageType.Vote;
    term = r.term;
  }
  if (poll(r, r.id, true) === 'won') {
    // A single voter wins at once.
    if (kind === 'pre-election') campaign(r, 'election', transfer);
    else r.becomeLeader();
    return;
  }
  const context = transfer ? CAMPAIGN_TRANSFER : EMPTY_BYTES;
  const lastIndex = r.log.lastIndex();
  const logTerm = r.log.lastTerm();
  for (const id of r.trk.voterIds()) {
    if (id === r.id) continue;
    r.send({ type: voteType, to: id, term, index: lastIndex, logTerm, context });
  }
}

export function poll(r: Raft, id: number, granted: boolean): 'pending' | 'won' | 'lost' {
  r.trk.recordVote(id, granted);
  return r.trk.tallyVotes().result;
}

/** Answer a Vote or PreVote (after the term rules of step() have run). */
export function handleVoteRequest(r: Raft, m: Message): DropReason | null {
  const respType = m.type === MessageType.Vote ? MessageType.VoteResp : MessageType.PreVoteResp;
  // We can vote for m.from if we already did, or have not voted and know no
  // leader in this term, or it is a pre-vote for a later term.
  const canVote =
    r.vote === m.from ||
    (r.vote === 0 && r.lead === 0) ||
    (m.type === MessageType.PreVote && m.term > r.term);
  if (canVote && !r.repairing && r.log.isUpToDate(m.index, m.logTerm)) {
    // A pre-vote answer carries the term asked for, so the pre-candidate counts it.
    r.send({ type: respType, to: m.from, term: m.term });
    if (m.type === MessageType.Vote) {
      r.electionElapsed = 0;
      r.vote = m.from;
    }
  } else {
    r.send({ type: respType, to: m.from, term: r.term, reject: true });
  }
  return r.repairing ? r.drop('repairing') : null;
}
