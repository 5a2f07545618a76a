// The entry point for every message from the network: check its shape,
// apply the term rules every role shares (Raft §5.1, with pre-vote and
// check-quorum's lease stickiness), then hand it to the role's step function.

import { handleVoteRequest, hup } from './election.js';
import { isCampaignTransfer, malformation } from './messages.js';
import type { DropReason } from './node-api.js';
import type { Raft } from './raft.js';
import { type Message, MessageType, NONE } from './types.js';

/** Types a leader of a term at least ours may send us even if we do not know it as a member yet. */
function fromLeader(t: MessageType): boolean {
  return t === MessageType.App || t === MessageType.Heartbeat || t === MessageType.Snap;
}

export function step(r: Raft, m: Message): DropReason | null {
  const bad = malformation(m);
  if (bad !== null) {
    r.logger.debug('dropped malformed message', { id: r.id, why: bad });
    return r.drop('malformed');
  }
  if (m.type === MessageType.Hup) {
    // Only this node may tell itself to campaign.
    if (m.from !== r.id || m.to !== r.id) return r.drop('malformed');
    hup(r, 'forced');
    return null;
  }
  if (m.to !== r.id) return r.drop('unexpected');
  if (m.from === NONE || m.from === r.id) return r.drop('malformed');
  if (isUnknownMember(r, m)) return r.drop('unknown-member');
  if (m.term > r.term) {
    const dropped = higherTerm(r, m);
    if (dropped !== undefined) return dropped;
  } else if (m.term < r.term) {
    return lowerTerm(r, m);
  }
  if (m.type === MessageType.Vote || m.type === MessageType.PreVote) return handleVoteRequest(r, m);
  return r.stepFn(r, m);
}

/**
 * A sender we have no progress for. Leaders' messages are exempt (we may
 * not have applied the change that added them yet), and so is everything
 * while we know no configuration (a new node waiting for its first snapshot).
 * Vote requests are answered by the vote rules alone, as Raft prescribes:
 * a candidate may be a member added by an entry we hold but have not
 * applied, and refusing it can leave a group without a leader. Pre-vote and
 * check-quorum keep removed members from disrupting.
 */
function isUnknownMember(r: Raft, m: Message): boolean {
  if (r.trk.progress.size === 0 || r.trk.progress.has(m.from)) return false;
  if (fromLeader(m.type) && m.term >= r.term) return false;
  if (m.type === MessageType.Vote || m.type === MessageType.PreVote) return false;
  // A transfer forwarded by a follower names the transferee in `from`; the leader checks it.
  if (m.type === MessageType.TransferLeader || m.type === MessageType.ReadIndexResp) return false;
  return true;
}

function higherTerm(r: Raft, m: Message): DropReason | null | undefined {
  if (m.type === MessageType.Vote || m.type === MessageType.PreVote) {
    // Lease stickiness: having heard from a leader within the minimum
    // election timeout, we ignore campaigns (unless the leader itself asked
    // for this one, by TimeoutNow). A partitioned node cannot disrupt us.
    if (!isCampaignTransfer(m.context) && r.inLease()) return r.drop('lease-held');
  }
  if (m.type === MessageType.PreVote) return undefined; // a pre-vote never changes our term
  if (m.type === MessageType.PreVoteResp && !m.reject) return undefined; // a granted pre-vote for the term we asked
  r.logger.debug('moving to a higher term', { id: r.id, term: r.term, msgTerm: m.term, from: m.from });
  r.becomeFollower(m.term, fromLeader(m.type) ? m.from : NONE);
  return undefined;
}

function lowerTerm(r: Raft, m: Message): DropReason {
  if (
    (r.cfg.checkQuorum || r.cfg.preVote || r.repairing) &&
    (m.type === MessageType.App || m.type === MessageType.Heartbeat)
  ) {
    // A leader cut off from us while we moved on (e.g. we were partitioned and
    // pre-voted nothing, or we are repairing): our answer in the higher term
    // makes it step down, where ignoring it would leave us stuck.
    r.send({ type: MessageType.AppResp, to: m.from });
  } else if (m.type === MessageType.PreVote) {
    // Reject so the pre-candidate learns our term and does not wait forever.
    r.send({ type: MessageType.PreVoteResp, to: m.from, reject: true });
  }
  return r.drop('stale-term');
}
