// The leader's rules: replicating the log to each follower within its
// flow-control window, counting matches into commits, heartbeats (which also
// measure the lease), answering read-index requests and leadership transfer.

import { isLogCompacted } from './errors.js';
import { entriesBytes } from './log.js';
import { EMPTY_BYTES, NO_ENTRIES } from './messages.js';
import type { DropReason } from './node-api.js';
import type { Progress } from './progress.js';
import type { Raft } from './raft.js';
import type { ReadIndexRequest } from './read-only.js';
import { type Entry, type Message, MessageType, NONE, type NodeId, ReadOnlyOption } from './types.js';

export function stepLeader(r: Raft, m: Message): DropReason | null {
  switch (m.type) {
    case MessageType.ReadIndex:
      if (!r.trk.progress.has(m.from)) return r.drop('unknown-member');
      handleReadIndex(r, { from: m.from, ctx: m.context });
      return null;
    case MessageType.TransferLeader:
      return handleTransferLeader(r, m.from);
    case MessageType.VoteResp:
    case MessageType.PreVoteResp:
      // Late answers from the election we already won.
      return null;
  }
  const pr = r.trk.progress.get(m.from);
  if (!pr) return r.drop('unknown-member');
  switch (m.type) {
    case MessageType.AppResp:
      return handleAppendResponse(r, m, pr);
    case MessageType.HeartbeatResp:
      handleHeartbeatResponse(r, m, pr);
      return null;
    default:
      // App, Heartbeat, Snap, TimeoutNow in our own term: not from a correct peer.
      return r.drop('unexpected');
  }
}

/**
 * Sends the follower the entries it needs next (or a snapshot when they are
 * compacted). With `sendIfEmpty` false, sends only if there are entries.
 * Returns whether a message was sent.
 */
export function sendAppend(r: Raft, to: NodeId, sendIfEmpty: boolean): boolean {
  const pr = r.trk.progress.get(to);
  if (!pr || pr.isPaused()) return false;
  const prevIndex = pr.next - 1;
  const prevTerm = r.log.term(prevIndex);
  if (prevTerm === undefined) return sendSnapshot(r, to, pr);
  let ents: readonly Entry[] = NO_ENTRIES;
  // A full window sends only empty Apps (they still carry commit and probe liveness).
  if (pr.state !== 'replicate' || !pr.inflights.full()) {
    try {
      const got = r.log.slice(pr.next, r.log.lastIndex() + 1, r.cfg.maxSizePerMsgBytes);
      // Not loaded yet: retried on notifyStorageLoaded (and the next heartbeat response).
      if (got === null) return false;
      ents = got;
    } catch (e) {
      if (isLogCompacted(e)) return sendSnapshot(r, to, pr);
      throw e;
    }
  }
  if (ents.length === 0 && !sendIfEmpty) return false;
  r.send({
    type: MessageType.App,
    to,
    index: prevIndex,
    logTerm: prevTerm,
    entries: ents,
    commit: r.log.committed,
  });
  pr.sentEntries(ents.length, ents.length === 0 ? 0 : entriesBytes(ents));
  return true;
}

function sendSnapshot(r: Raft, to: NodeId, pr: Progress): boolean {
  // An inactive follower would not take it; do not pin a snapshot for it.
  if (!pr.recentActive) return false;
  const snap = r.log.snapshot();
  if (snap.metadata.index < r.log.firstIndex() - 1) {
    r.logger.error('storage snapshot is older than its compaction point; cannot catch up follower', {
      id: r.id,
      to,
      snapshotIndex: snap.metadata.index,
      firstIndex: r.log.firstIndex(),
    });
    return false;
  }
  pr.becomeSnapshot(snap.metadata.index);
  r.send({ type: MessageType.Snap, to, snapshot: snap });
  return true;
}

/** Sends every follower what it needs (empty Apps too, to spread the commit index). */
export function bcastAppend(r: Raft): void {
  r.bcastPending = false;
  for (const id of r.trk.memberIds()) if (id !== r.id) sendAppend(r, id, true);
}

/**
 * The commit index moved. Eagerly (the default) every follower hears of it
 * at once; with lazyCommitSpread only followers that have entries to receive
 * get an App now, and the rest learn the commit from their next App or
 * heartbeat. `alsoTo` still gets an App, empty or not (a follower whose
 * paused flow just resumed).
 */
function spreadCommit(r: Raft, alsoTo: NodeId | undefined): void {
  if (r.cfg.lazyCommitSpread !== true) {
    bcastAppend(r);
    return;
  }
  // This sends every pending entry a broadcast would, so it is the broadcast:
  // left pending, the next Ready would add an empty App to every follower.
  r.bcastPending = false;
  for (const id of r.trk.memberIds()) if (id !== r.id) sendAppend(r, id, id === alsoTo);
}

/** Sends each follower a heartbeat; the round (index) is the leader tick, echoed back for leases. */
export function bcastHeartbeat(r: Raft, ctx: Uint8Array | undefined): void {
  const context = ctx ?? r.readOnly.lastPendingRequestCtx() ?? EMPTY_BYTES;
  for (const id of r.trk.memberIds()) {
    if (id === r.id) continue;
    const pr = r.trk.progress.get(id)!;
    // Never tell a follower to commit past what it is known to hold.
    const commit = Math.min(pr.match, r.log.committed);
    // Built directly (no fields object): this is the idle leader's hot path.
    r.msgs.push({
      type: MessageType.Heartbeat,
      to: id,
      from: r.id,
      term: r.term,
      logTerm: 0,
      index: r.leaderTick,
      entries: NO_ENTRIES,
      commit,
      reject: false,
      rejectHint: 0,
      rejectHintTerm: 0,
      context,
    });
  }
}

export function maybeCommit(r: Raft): boolean {
  const mci = r.trk.committed();
  if (!Number.isFinite(mci)) return false;
  return r.log.maybeCommit(mci, r.term);
}

/** The leader's own entries reached disk (advance): count them now, not before. */
export function leaderPersisted(r: Raft, index: number): void {
  const pr = r.trk.progress.get(r.id);
  if (!pr?.maybeUpdate(index)) return;
  if (maybeCommit(r)) {
    releasePendingReadIndex(r);
    spreadCommit(r, undefined);
  }
}

function handleAppendResponse(r: Raft, m: Message, pr: Progress): DropReason | null {
  if (m.index > r.log.lastIndex()) return r.drop('malformed');
  pr.recentActive = true;
  if (m.reject) {
    // Fast back-off: skip to where the follower's log may agree with ours.
    const probe =
      m.rejectHintTerm > 0 ? r.log.findConflictByTerm(m.rejectHint, m.rejectHintTerm).index : m.rejectHint;
    if (pr.maybeDecrTo(m.index, probe)) {
      if (pr.state === 'replicate') pr.becomeProbe();
      sendAppend(r, m.from, true);
    }
    return null;
  }
  const wasPaused = pr.isPaused();
  if (!pr.maybeUpdate(m.index) && !(pr.match === m.index && pr.state === 'probe')) return null;
  if (pr.state === 'probe') pr.becomeReplicate();
  else if (pr.state === 'snapshot' && pr.match + 1 >= r.log.firstIndex()) {
    pr.becomeProbe();
    pr.becomeReplicate();
  } else if (pr.state === 'replicate') pr.inflights.freeLE(m.index);
  if (maybeCommit(r)) {
    releasePendingReadIndex(r);
    spreadCommit(r, wasPaused ? m.from : undefined);
  } else if (wasPaused) sendAppend(r, m.from, true);
  // Fill the window: each send moves next, and stops when paused or caught up.
  while (sendAppend(r, m.from, false)) {}
  if (m.from === r.leadTransferee && pr.match === r.log.lastIndex()) sendTimeoutNow(r, m.from);
  return null;
}

function handleHeartbeatResponse(r: Raft, m: Message, pr: Progress): void {
  pr.recentActive = true;
  pr.msgAppFlowPaused = false;
  if (m.index <= r.leaderTick && m.index > pr.heartbeatAckTick) pr.heartbeatAckTick = m.index;
  if (pr.match < r.log.lastIndex() || pr.state === 'probe') sendAppend(r, m.from, true);
  if (m.context.length === 0) return;
  const acks = r.readOnly.recvAck(m.from, m.context);
  if (!acks || !r.trk.quorumHas(acks)) return;
  for (const rs of r.readOnly.advance(m.context)) respondReadIndex(r, rs.req, rs.index);
}

export function handleReadIndex(r: Raft, req: ReadIndexRequest): void {
  // Until it commits an entry of its term, the leader's commit index may be
  // behind what earlier leaders committed: hold reads until then.
  if (!r.committedInCurrentTerm()) {
    if (!r.queueReadIndex(req)) r.logger.warn('read index queue full; request dropped', { id: r.id });
    return;
  }
  sendReadIndexResponse(r, req);
}

function sendReadIndexResponse(r: Raft, req: ReadIndexRequest): void {
  if (r.trk.isSingleton() || leaseReadIndex(r) !== null) {
    respondReadIndex(r, req, r.log.committed);
    return;
  }
  // Confirm leadership with a heartbeat round first.
  if (!r.readOnly.addRequest(r.log.committed, req)) return;
  r.readOnly.recvAck(r.id, req.ctx);
  bcastHeartbeat(r, req.ctx);
}

function respondReadIndex(r: Raft, req: ReadIndexRequest, index: number): void {
  if (req.from === r.id) r.readStates.push({ index, requestCtx: req.ctx });
  else r.send({ type: MessageType.ReadIndexResp, to: req.from, index, context: req.ctx });
}

export function releasePendingReadIndex(r: Raft): void {
  if (r.pendingReadIndex.length === 0 || !r.committedInCurrentTerm()) return;
  const reqs = r.pendingReadIndex;
  r.pendingReadIndex = [];
  for (const req of reqs) sendReadIndexResponse(r, req);
}

/**
 * The commit index a read may be served at without a round trip, or null.
 * Sound because a quorum acknowledged a heartbeat round that started at
 * tick `start`; each of them then ignores votes for at least electionTick
 * ticks after receiving it (check-quorum's lease stickiness), so no other
 * leader can be elected before start + electionTick; we stop a margin earlier.
 */
export function leaseReadIndex(r: Raft): number | null {
  if (r.cfg.readOnlyOption !== ReadOnlyOption.LeaseBased || !r.cfg.checkQuorum) return null;
  if (r.lead !== r.id || r.leadTransferee !== NONE || r.leaseRevoked) return null;
  if (!r.committedInCurrentTerm()) return null;
  const start = r.trk.quorumAckTick(r.id, r.leaderTick);
  if (start < 0) return null;
  if (r.leaderTick - start >= r.electionTimeout - r.cfg.leaseSafetyMarginTicks) return null;
  return r.log.committed;
}

function handleTransferLeader(r: Raft, transferee: NodeId): DropReason | null {
  const pr = r.trk.progress.get(transferee);
  if (!pr) return r.drop('unknown-member');
  if (pr.isLearner) {
    r.logger.info('ignored transfer to a learner', { id: r.id, transferee });
    return null;
  }
  if (r.leadTransferee !== NONE) {
    if (r.leadTransferee === transferee) return null;
    r.leadTransferee = NONE;
  }
  if (transferee === r.id) return null;
  // The transfer must finish within one election timeout (then it is abandoned).
  r.electionElapsed = 0;
  r.leadTransferee = transferee;
  if (pr.match === r.log.lastIndex()) sendTimeoutNow(r, transferee);
  else sendAppend(r, transferee, true);
  return null;
}

function sendTimeoutNow(r: Raft, to: NodeId): void {
  // The transferee will win votes past leases: ours is over for this term.
  r.leaseRevoked = true;
  r.send({ type: MessageType.TimeoutNow, to });
}
