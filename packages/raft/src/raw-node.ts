// RawNode: the driver's handle on one Raft group member. It turns the state
// machine's effects into Ready bundles and takes their acknowledgement
// (advance), as etcd-io/raft rawnode.go. See types.ts `Ready` for the order
// in which the driver must act on a Ready.

import { encodeConfChange } from './conf-change-codec.js';
import { hup } from './election.js';
import { bcastAppend, handleReadIndex, leaderPersisted, leaseReadIndex, sendAppend } from './leader.js';
import { entriesBytes } from './log.js';
import { applyConfChange } from './membership.js';
import { newMessage } from './messages.js';
import type {
  ConfChange,
  DropReason,
  FollowerProgress,
  ProposeResult,
  RaftNodeApi,
  RaftStats,
  RaftStatus,
} from './node-api.js';
import { proposeConfChange, proposeEntries } from './proposal.js';
import { Raft } from './raft.js';
import { step } from './step.js';
import {
  type ConfState,
  EntryType,
  type HardState,
  type Message,
  MessageType,
  NONE,
  type NodeId,
  type RaftConfig,
  type Ready,
  Role,
  type SoftState,
} from './types.js';

export class RawNode implements RaftNodeApi {
  private readonly r: Raft;
  /** The soft and hard state last handed out in a Ready. */
  private prevSoft: SoftState;
  private prevHard: HardState;
  /** Readies handed out and not yet advanced, oldest first; at most `maxInFlight`. */
  private outstanding: Ready[] = [];
  private readonly maxInFlight: number;

  constructor(config: RaftConfig) {
    this.r = new Raft(config);
    this.maxInFlight = config.maxReadiesInFlight ?? 1;
    this.prevSoft = this.softState();
    this.prevHard = config.storage.initialState().hardState;
  }

  tick(): void {
    this.r.tickFn(this.r);
  }

  step(m: Message): DropReason | null {
    return step(this.r, m);
  }

  propose(data: Uint8Array): ProposeResult {
    return proposeEntries(this.r, [data]);
  }

  proposeBatch(data: readonly Uint8Array[]): ProposeResult {
    return proposeEntries(this.r, data);
  }

  proposeConfChange(cc: ConfChange): ProposeResult {
    return proposeConfChange(this.r, cc);
  }

  applyConfChange(cc: ConfChange): ConfState {
    return applyConfChange(this.r, cc);
  }

  campaign(): void {
    hup(this.r, 'forced');
  }

  transferLeadership(to: NodeId): void {
    const r = this.r;
    if (r.state === Role.Leader) {
      r.stepFn(r, this.local(MessageType.TransferLeader, to));
    } else if (r.lead !== NONE && to !== r.lead) {
      // Forwarded to the leader; `from` names the transferee.
      r.msgs.push({ ...this.local(MessageType.TransferLeader, to), to: r.lead, term: r.term });
    }
  }

  readIndex(ctx: Uint8Array): void {
    const r = this.r;
    if (r.state === Role.Leader) handleReadIndex(r, { from: r.id, ctx });
    else if (r.lead !== NONE) r.send({ type: MessageType.ReadIndex, to: r.lead, context: ctx });
    else r.logger.debug('read index dropped: no leader', { id: r.id });
  }

  leaseReadIndex(): number | null {
    return leaseReadIndex(this.r);
  }

  hasReady(): boolean {
    const r = this.r;
    if (!this.mayHandOut()) return false;
    if (r.bcastPending || r.msgs.length > 0 || r.readStates.length > 0 || r.repairedPending) return true;
    const u = r.log.unstable;
    if (u.hasToPersist() || (u.snapshot && !u.snapshotInProgress)) return true;
    if (!r.applyWaiting && r.log.hasNextCommittedEnts()) return true;
    const s = this.prevSoft;
    if (s.leader !== r.lead || s.role !== r.state) return true;
    const h = this.prevHard;
    return h.term !== r.term || h.vote !== r.vote || h.commit !== r.log.committed;
  }

  /**
   * Whether another Ready may be handed out now: fewer than maxInFlight are
   * outstanding, and no snapshot is involved. A snapshot replaces the whole
   * log and state machine, so a Ready carrying one is handed out alone and
   * nothing follows it until it is advanced.
   */
  private mayHandOut(): boolean {
    const n = this.outstanding.length;
    if (n === 0) return true;
    if (n >= this.maxInFlight) return false;
    const u = this.r.log.unstable;
    if (u.snapshot && !u.snapshotInProgress) return false;
    return this.outstanding[n - 1]!.snapshot === undefined;
  }

  ready(): Ready {
    if (!this.mayHandOut()) {
      throw new Error(
        this.maxInFlight === 1
          ? 'RawNode.ready: the previous Ready was not advanced'
          : `RawNode.ready: ${this.outstanding.length} Readies in flight (max ${this.maxInFlight}, a snapshot goes alone)`,
      );
    }
    const r = this.r;
    if (r.bcastPending && r.state === Role.Leader) bcastAppend(r);
    let committed = r.applyWaiting ? [] : r.log.nextCommittedEnts();
    if (committed === null) {
      r.applyWaiting = true;
      committed = [];
    }
    if (committed.length > 0) r.log.applying = committed[committed.length - 1]!.index;
    const u = r.log.unstable;
    const entries = u.toPersist();
    const hs = this.hardState();
    const hardChanged = !sameHardState(hs, this.prevHard);
    const soft = this.softState();
    const softChanged = soft.leader !== this.prevSoft.leader || soft.role !== this.prevSoft.role;
    const snapshot = u.snapshot && !u.snapshotInProgress ? u.snapshot : undefined;
    u.acceptInProgress();
    const rd: Ready = {
      ...(softChanged ? { softState: soft } : {}),
      ...(hardChanged ? { hardState: hs } : {}),
      entries,
      ...(snapshot ? { snapshot } : {}),
      committedEntries: committed,
      messages: r.msgs,
      readStates: r.readStates,
      mustSync:
        entries.length > 0 ||
        snapshot !== undefined ||
        r.repairedPending ||
        hs.term !== this.prevHard.term ||
        hs.vote !== this.prevHard.vote,
      ...(r.repairedPending ? { repaired: true } : {}),
    };
    r.msgs = [];
    r.readStates = [];
    r.repairedPending = false;
    if (softChanged) this.prevSoft = soft;
    if (hardChanged) this.prevHard = hs;
    this.outstanding.push(rd);
    return rd;
  }

  advance(rd: Ready): void {
    if (rd !== this.outstanding[0]) {
      throw new Error(
        this.outstanding.length === 0
          ? 'RawNode.advance: no Ready is outstanding'
          : 'RawNode.advance: not the oldest outstanding Ready (Readies are advanced in the order handed out)',
      );
    }
    this.outstanding.shift();
    const r = this.r;
    if (rd.snapshot) {
      // The state machine now is the snapshot's, even if it had applied more (a cut log).
      r.log.resetApplied(rd.snapshot.metadata.index);
      r.log.unstable.stableSnapTo(rd.snapshot.metadata.index);
    }
    const n = rd.committedEntries.length;
    if (n > 0) {
      r.log.appliedTo(rd.committedEntries[n - 1]!.index);
      if (r.state === Role.Leader) {
        r.uncommittedBytes = Math.max(0, r.uncommittedBytes - entriesBytes(rd.committedEntries));
      }
    }
    if (rd.entries.length > 0) {
      const last = rd.entries[rd.entries.length - 1]!;
      r.log.unstable.stableTo(last.index, last.term);
      if (r.state === Role.Leader) leaderPersisted(r, r.log.persistedIndex());
    }
    this.maybeAutoLeave();
  }

  /** A joint configuration with autoLeave is left by the leader once it is applied. */
  private maybeAutoLeave(): void {
    const r = this.r;
    if (r.state !== Role.Leader || !r.trk.config.autoLeave || r.log.applied < r.pendingConfIndex) return;
    if (r.leadTransferee !== NONE) return;
    const res = proposeEntries(
      r,
      [encodeConfChange({ transition: 'auto', changes: [] })],
      EntryType.ConfChange,
    );
    if (res.ok) r.pendingConfIndex = res.lastIndex;
  }

  reportUnreachable(id: NodeId): void {
    const pr = this.r.state === Role.Leader ? this.r.trk.progress.get(id) : undefined;
    // Pipelined Apps were probably lost: probe again.
    if (pr?.state === 'replicate') pr.becomeProbe();
  }

  reportSnapshot(id: NodeId, ok: boolean): void {
    const pr = this.r.state === Role.Leader ? this.r.trk.progress.get(id) : undefined;
    if (pr?.state !== 'snapshot') return;
    if (!ok) pr.pendingSnapshot = 0;
    // Resume from the snapshot (or retry) once the follower answers a heartbeat.
    pr.becomeProbe();
    pr.msgAppFlowPaused = true;
  }

  notifyStorageLoaded(): void {
    const r = this.r;
    r.applyWaiting = false;
    if (r.state !== Role.Leader) return;
    for (const id of r.trk.memberIds()) if (id !== r.id) sendAppend(r, id, false);
  }

  markDamaged(): void {
    this.r.enterRepair('driver reported a damaged log');
  }

  lastIndex(): number {
    return this.r.log.lastIndex();
  }

  commitIndex(): number {
    return this.r.log.committed;
  }

  status(): RaftStatus {
    const r = this.r;
    const base = {
      id: r.id,
      term: r.term,
      vote: r.vote,
      commit: r.log.committed,
      applied: r.log.applied,
      role: r.state,
      leader: r.lead,
      lastIndex: r.log.lastIndex(),
      firstIndex: r.log.firstIndex(),
      confState: r.trk.confState(),
      leadTransferee: r.leadTransferee,
      repairing: r.repairing,
    };
    if (r.state !== Role.Leader) return base;
    const progress = new Map<NodeId, FollowerProgress>();
    for (const [id, pr] of r.trk.progress) {
      progress.set(id, {
        match: pr.match,
        next: pr.next,
        state: pr.state,
        recentActive: pr.recentActive,
        inflightMsgs: pr.inflights.size(),
        isLearner: pr.isLearner,
      });
    }
    return { ...base, progress };
  }

  stats(): RaftStats {
    const r = this.r;
    return { dropped: { ...r.dropped }, elections: r.elections, leaderChanges: r.leaderChanges };
  }

  private softState(): SoftState {
    return { leader: this.r.lead, role: this.r.state };
  }

  private hardState(): HardState {
    return { term: this.r.term, vote: this.r.vote, commit: this.r.log.committed };
  }

  private local(type: MessageType, from: NodeId): Message {
    return newMessage({ type, to: this.r.id, from });
  }
}

function sameHardState(a: HardState, b: HardState): boolean {
  return a.term === b.term && a.vote === b.vote && a.commit === b.commit;
}
