// The follower and candidate rules: accepting appends, heartbeats and
// snapshots from the leader, counting votes as a candidate, forwarding
// transfer and read requests to the leader, and finishing a repair.

import { restore as restoreConfig } from './confchange.js';
import { campaign, hup, poll } from './election.js';
import { switchToConfig } from './membership.js';
import type { DropReason } from './node-api.js';
import type { Raft } from './raft.js';
import { type Message, MessageType, NONE, Role } from './types.js';

export function stepFollower(r: Raft, m: Message): DropReason | null {
  switch (m.type) {
    case MessageType.App:
      r.heardFromLeader(m.from);
      return handleAppendEntries(r, m);
    case MessageType.Heartbeat:
      r.heardFromLeader(m.from);
      handleHeartbeat(r, m);
      return null;
    case MessageType.Snap:
      r.heardFromLeader(m.from);
      handleSnapshot(r, m);
      return null;
    case MessageType.TransferLeader:
    case MessageType.ReadIndex:
      if (r.lead === NONE) return r.drop('not-leader');
      // Forwarded as is: for a transfer, `from` names the transferee.
      r.msgs.push({ ...m, to: r.lead, term: r.term });
      return null;
    case MessageType.TimeoutNow:
      // The leader asks us to campaign now, past leases (it stopped serving them).
      hup(r, 'transfer');
      return null;
    case MessageType.ReadIndexResp:
      r.readStates.push({ index: m.index, requestCtx: m.context });
      return null;
    default:
      return ignoreLateResponse(r, m);
  }
}

/** Answers to a role we no longer hold arrive after every role change: ignore them quietly. */
function ignoreLateResponse(r: Raft, m: Message): DropReason | null {
  switch (m.type) {
    case MessageType.AppResp:
    case MessageType.HeartbeatResp:
    case MessageType.VoteResp:
    case MessageType.PreVoteResp:
      return null;
    default:
      return r.drop('unexpected');
  }
}

export function stepCandidate(r: Raft, m: Message): DropReason | null {
  const myResp = r.state === Role.PreCandidate ? MessageType.PreVoteResp : MessageType.VoteResp;
  switch (m.type) {
    case MessageType.App:
      r.becomeFollower(m.term, m.from);
      r.heardFromLeader(m.from);
      return handleAppendEntries(r, m);
    case MessageType.Heartbeat:
      r.becomeFollower(m.term, m.from);
      r.heardFromLeader(m.from);
      handleHeartbeat(r, m);
      return null;
    case MessageType.Snap:
      r.becomeFollower(m.term, m.from);
      r.heardFromLeader(m.from);
      handleSnapshot(r, m);
      return null;
    case MessageType.TimeoutNow:
      return null;
    case myResp: {
      const res = poll(r, m.from, !m.reject);
      if (res === 'won') {
        if (r.state === Role.PreCandidate) campaign(r, 'election', false);
        else r.becomeLeader();
      } else if (res === 'lost') {
        r.becomeFollower(r.term, NONE);
      }
      return null;
    }
    case MessageType.ReadIndex:
    case MessageType.TransferLeader:
      return r.drop('not-leader');
    default:
      return ignoreLateResponse(r, m);
  }
}

function handleAppendEntries(r: Raft, m: Message): DropReason | null {
  if (m.index < r.log.committed) {
    r.send({ type: MessageType.AppResp, to: m.from, index: r.log.committed });
    return null;
  }
  const res = r.log.maybeAppend(m.index, m.logTerm, m.commit, m.entries);
  if (res === 'conflict-below-commit') {
    // Only a faulty leader rewrites committed entries: refuse, loudly.
    r.logger.error('App would overwrite committed entries; dropped', {
      id: r.id,
      from: m.from,
      index: m.index,
    });
    return r.drop('unexpected');
  }
  if (res !== undefined) {
    r.send({ type: MessageType.AppResp, to: m.from, index: res });
    r.maybeFinishRepair();
    return null;
  }
  // Fast back-off: tell the leader the last index where our log may agree,
  // with its term, so it can skip a whole term of mismatches per round trip.
  const hint = r.log.findConflictByTerm(Math.min(m.index, r.log.lastIndex()), m.logTerm);
  r.send({
    type: MessageType.AppResp,
    to: m.from,
    index: m.index,
    reject: true,
    rejectHint: hint.index,
    rejectHintTerm: hint.term,
  });
  return null;
}

function handleHeartbeat(r: Raft, m: Message): void {
  // The leader sends min(match, commit); bound by our log in case our log was cut by damage.
  r.log.commitTo(Math.min(m.commit, r.log.lastIndex()));
  // Echo the round (index) and read context: the leader's lease and read index count these.
  r.send({ type: MessageType.HeartbeatResp, to: m.from, index: m.index, context: m.context });
}

function handleSnapshot(r: Raft, m: Message): void {
  const s = m.snapshot!;
  if (restoreSnapshot(r, m)) {
    r.logger.info('restored snapshot', { id: r.id, index: s.metadata.index, term: s.metadata.term });
    r.send({ type: MessageType.AppResp, to: m.from, index: r.log.lastIndex() });
    r.maybeFinishRepair();
  } else {
    r.send({ type: MessageType.AppResp, to: m.from, index: r.log.committed });
  }
}

function restoreSnapshot(r: Raft, m: Message): boolean {
  const s = m.snapshot!;
  const { index, term, confState } = s.metadata;
  if (index <= r.log.committed) return false;
  const cs = confState;
  const member = cs.voters.includes(r.id) || cs.learners.includes(r.id) || cs.votersOutgoing.includes(r.id);
  if (!member) {
    r.logger.warn('snapshot does not include this node; ignored', { id: r.id, index });
    return false;
  }
  // We already have the snapshot's last entry: just move commit forward.
  if (r.log.matchTerm(index, term)) {
    r.log.commitTo(index);
    return false;
  }
  const restored = restoreConfig({ ...r.changerLimits(), lastIndex: index }, cs);
  if (typeof restored === 'string') {
    r.logger.error('snapshot conf state is invalid; ignored', { id: r.id, why: restored });
    return false;
  }
  r.log.restore(s);
  switchToConfig(r, restored.config, restored.progress);
  return true;
}
