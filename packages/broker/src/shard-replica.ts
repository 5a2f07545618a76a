// One shard's replica on this node: a Raft group whose log is the shard's
// record log (DESIGN §2), driven by a GroupDriver over the node's store.
// The leader takes produced batches (produce-pipeline.ts); every replica
// applies committed entries to the shard state (shard-applier.ts) and serves
// reads of committed entries (shard-reads.ts).

import {
  type Entry,
  type Message,
  type NodeId,
  type RaftLogger,
  type RandomSource,
  Role,
  type SoftState,
} from '@rheo/raft';
import type { GroupLog, NodeStore } from '@rheo/storage';
import {
  firstRecordOutsideRange,
  formatHashKey,
  type HashRangeBytes,
  hashRangeBytes,
  RheoError,
  startingSequenceNumber,
  validateClientBatch,
} from '@rheo/wire';
import { assert } from './assert.js';
import { encodeClosingEntry, shardClosedError } from './closing-entry.js';
import { CommitListeners } from './commit-listeners.js';
import { GroupDriver, type GroupObserver } from './group-driver.js';
import { groupRaftLogger } from './group-logger.js';
import { snapshotForJoiner } from './joiner-snapshot.js';
import { checkTargetVoters, type ReconfigureStep } from './membership-step.js';
import type { ReplicaOptions } from './options.js';
import { ProducePipeline } from './produce-pipeline.js';
import { checkProducer } from './producer-check.js';
import { ReadGate } from './read-gate.js';
import { ReplicaMembership } from './replica-membership.js';
import { openShardGroup, shardRaftNode } from './replica-open.js';
import { replicaStatus } from './replica-status.js';
import { retentionCut } from './retention-cut.js';
import { ShardApplier } from './shard-applier.js';
import type { BatchOutcome } from './shard-apply.js';
import { ShardCounters } from './shard-counters.js';
import { shardIterator } from './shard-iterator.js';
import { type ShardThroughputLimits, unthrottledShardLimits } from './shard-limits.js';
import { ShardThrottle } from './shard-limits-throttle.js';
import { getRecords, type ReadAccess } from './shard-reads.js';
import type { ShardState } from './shard-state.js';
import type {
  GetRecordsOptions,
  GetRecordsResult,
  GetShardIteratorRequest,
  ProduceAck,
  ProducerStamp,
  ReadOptions,
  ReplicaStatus,
  ShardSpec,
} from './types.js';

export interface ReplicaDeps {
  readonly nodeId: NodeId;
  readonly store: NodeStore;
  /** Hands one message to the transport (fire and forget). */
  readonly send: (groupId: number, msg: Message) => void;
  readonly nowMs: () => number;
  /** False while the host's ticks may trail real time (after a stall): leases are not to be trusted then. */
  readonly leasesTrusted?: (() => boolean) | undefined;
  readonly options: ReplicaOptions;
  readonly random: RandomSource;
  readonly logger?: RaftLogger | undefined;
  /** The group stopped on a storage or apply error; it needs repair. */
  readonly onFatal?: ((replica: ShardReplica, err: unknown) => void) | undefined;
  /** Metrics: the Raft timing observer of a shard's group, asked per Ready (none: no clock reads). */
  readonly raftObserver?: ((spec: ShardSpec) => GroupObserver | undefined) | undefined;
  /** The cluster's per-shard throughput limits (none when left out) and the account its messages name. */
  readonly throughput?: { readonly limits: ShardThroughputLimits; readonly account: string } | undefined;
}

/** Batches held while a new leader starts its term (usually one round trip). */
export const termWaitersMax = 4096;

export class ShardReplica {
  private readonly driver: GroupDriver;
  private readonly pipeline: ProducePipeline;
  private readonly gate: ReadGate;
  private readonly range: HashRangeBytes;
  private readonly reads: ReadAccess;
  private role: Role = Role.Follower;
  private leader: NodeId = 0;
  private leaderTerm = 0;
  private termStarted = false;
  private termWaiters: Array<{ resolve: () => void; reject: (e: unknown) => void }> = [];
  private readonly applier: ShardApplier;
  private readonly membership: ReplicaMembership;
  /** Traffic counters and the Raft core's figures, read by the server's metrics on scrape. */
  readonly counters = new ShardCounters(() => this.driver.node);
  /** The shard's throughput limits (docs/limits.md); the server passes the stream's overrides in. */
  readonly throttle: ShardThrottle;
  /** Told of every apply: fan-out subscriptions wait here for the next commit instead of polling. */
  readonly commits = new CommitListeners();

  /** True while this replica leads its group (as of the last Ready). */
  get isLeader(): boolean {
    return this.role === Role.Leader;
  }
  private failure: unknown = undefined;
  private stopped = false;
  /** The closing entry this leader proposed, until applied (close()). */
  private closingProposal: { readonly index: number; readonly term: number } | undefined;

  /** Opens (creating and bootstrapping when new) the shard's group on this node. */
  static async open(
    spec: ShardSpec,
    deps: ReplicaDeps,
    init: { join?: boolean } = {},
  ): Promise<ShardReplica> {
    assert(Number.isSafeInteger(spec.groupId) && spec.groupId > 0, `group id ${spec.groupId}`);
    // Only a new founding replica bootstraps; stored data (a joiner's, after a restart) opens as it is.
    assert(
      init.join === true || spec.replicas.includes(deps.nodeId) || deps.store.hasGroup(spec.groupName),
      'a founding replica is one of the voters',
    );
    const o = deps.options;
    const g = await openShardGroup(deps.store, spec.groupName, spec.replicas, o, init.join === true);
    return new ShardReplica(spec, deps, g.log, g.state, g.applied);
  }

  private constructor(
    readonly spec: ShardSpec,
    private readonly deps: ReplicaDeps,
    private readonly log: GroupLog,
    state: ShardState,
    applied: number,
  ) {
    const o = deps.options;
    this.range = hashRangeBytes(spec.hashRange);
    this.throttle = new ShardThrottle(
      { streamName: spec.streamName, shardId: spec.shardId, account: deps.throughput?.account ?? 'rheo' },
      deps.throughput?.limits ?? unthrottledShardLimits,
      deps.nowMs,
      this.counters,
    );
    const raftLog = deps.logger === undefined ? undefined : groupRaftLogger(deps.logger, spec.groupId);
    const node = shardRaftNode(deps.nodeId, log, applied, o, deps.random, raftLog);
    this.driver = new GroupDriver(deps.nodeId, node, {
      persist: (w) => log.persist(w),
      send: (msgs) => {
        for (const m of msgs) deps.send(spec.groupId, m);
      },
      apply: (snap, entries) => {
        if (this.stopped) return;
        this.applier.apply(snap, entries);
        this.gate.onApplied(this.applier.applied);
        this.commits.notify(this.applier.applied);
      },
      onSoftState: (s) => this.onSoftState(s),
      onReadStates: (rs) => this.gate.onReadStates(rs),
      onFatal: (err) => this.fail(err),
      observer: () => deps.raftObserver?.(spec),
    });
    this.applier = new ShardApplier(log, state, applied, o, deps.nowMs, {
      applyConfChange: (cc) => node.applyConfChange(cc),
      onEntry: (e, outcomes) => this.onApplied(e, outcomes),
      onFatal: (err) => this.fail(err),
    });
    this.commits.notify(applied);
    this.pipeline = new ProducePipeline(
      {
        shardId: spec.shardId,
        sequenceBase: spec.sequenceBase,
        lastIndex: () => node.lastIndex(),
        propose: (data) => this.driver.propose(data),
        nowMs: deps.nowMs,
        leaderHint: () => this.leaderHint(),
        admit: (bytes, records) => this.throttle.admitWrite(bytes, records),
      },
      o,
    );
    this.membership = new ReplicaMembership(
      deps.nodeId,
      spec.groupId,
      this.driver,
      o.catchUpEntries,
      raftLog,
    );
    this.gate = new ReadGate((ctx) => {
      node.readIndex(ctx);
      this.driver.kick();
    }, o.readIndexTimeoutTicks);
    const self = this;
    this.reads = {
      spec,
      log,
      get state() {
        return self.applier.state;
      },
      iteratorSecret: o.iteratorSecret,
      iteratorTtlMs: o.iteratorTtlMs,
      readStepEntries: o.readStepEntries,
      nowMs: deps.nowMs,
    };
    log.setSnapshotProvider(() => this.applier.state.encode());
    log.onLoaded = () => {
      node.notifyStorageLoaded();
      this.driver.kick();
    };
    this.driver.kick();
  }

  // ---- Produce ----

  /**
   * Writes one client record batch (validated here: CRCs, limits, every
   * record's hash key inside the shard's range) and resolves once it is
   * committed, with its sequence numbers. Rejects with a RheoError:
   * NotLeader (with the leader hint), InvalidArgument / Corrupt (bad batch,
   * producer fields), Backpressure, ShardClosed, OutcomeUnknown (leadership
   * changed after proposing: retry with the same batch_sequence), Unavailable.
   */
  produce(batch: Uint8Array, producer?: ProducerStamp): Promise<ProduceAck> {
    try {
      this.assertUsable();
      if (this.role !== Role.Leader) throw this.notLeader();
      if (!this.termStarted) return this.whenTermStarted().then(() => this.produce(batch, producer));
      const info = validateClientBatch(batch, this.deps.options.batchLimits);
      const outside = firstRecordOutsideRange(batch, this.range);
      if (outside >= 0) throw this.outsideRange(outside);
      this.counters.writeKeys.addBatch(batch, batch.length);
      if (producer !== undefined) checkProducer(producer);
      if (this.applier.state.closed && !this.isWrittenBatch(producer))
        throw shardClosedError(this.spec.shardId);
      return this.pipeline.enqueue(batch, info.recordCount, producer, this.applier.state.producers);
    } catch (e) {
      return Promise.reject(e);
    }
  }

  /** A retry of a batch the shard wrote (before it closed): the pipeline answers it from the table. */
  private isWrittenBatch(producer: ProducerStamp | undefined): boolean {
    if (producer === undefined) return false;
    const v = this.applier.state.producers.check(
      producer.producerId,
      producer.producerEpoch,
      producer.batchSequence,
    );
    return v.kind === 'duplicate';
  }

  private outsideRange(record: number): RheoError {
    const r = this.spec.hashRange;
    return new RheoError(
      'InvalidArgument',
      `record batch: record ${record}: its hash key is outside shard ${this.spec.shardId}'s range ` +
        `[${formatHashKey(r.start)}, ${formatHashKey(r.end)}]`,
      { field: 'record_batch' },
    );
  }

  /** A new leader takes batches once it has applied an entry of its term (producer-window.ts says why). */
  private whenTermStarted(): Promise<void> {
    if (this.termWaiters.length >= termWaitersMax)
      return Promise.reject(
        new RheoError('Backpressure', `shard ${this.spec.shardId}: too many batches wait for the new leader`),
      );
    return new Promise((resolve, reject) => this.termWaiters.push({ resolve, reject }));
  }

  // ---- Reads ----

  /** A signed shard iterator. AT/AFTER_SEQUENCE_NUMBER must name a record of this shard not beyond the newest. */
  async getShardIterator(req: GetShardIteratorRequest, opts: ReadOptions = {}): Promise<string> {
    const hi = await this.readHorizon(opts);
    return shardIterator(this.reads, req, hi);
  }

  /** Committed records from the iterator's position: at most limitRecords (≤ 10,000) and about 10 MiB. */
  getRecords(token: string, opts: GetRecordsOptions = {}): Promise<GetRecordsResult> {
    // The shard's read limits, on whichever replica answers (a follower read spends that replica's).
    const throttled = this.throttle.admitRead();
    if (throttled !== undefined) return Promise.reject(throttled);
    return getRecords(this.reads, token, () => this.readHorizon(opts), opts).then((r) => {
      let bytes = 0;
      for (const b of r.batches) bytes += b.byteLength;
      this.throttle.chargeRead(bytes);
      return this.counters.countRead(r);
    });
  }

  /**
   * GetRecords for a fan-out subscription: the same read, outside the
   * shard's pull limits (a subscription has its own per-consumer rate,
   * enforced by the server's subscription).
   */
  readForSubscription(token: string, opts: GetRecordsOptions = {}): Promise<GetRecordsResult> {
    return getRecords(this.reads, token, () => this.readHorizon(opts), opts).then(this.counters.countRead);
  }

  /** The newest applied record's sequence number (a subscription from LATEST continues after it). */
  get newestSequence(): bigint | undefined {
    return this.applier.state.newestSequence;
  }

  /**
   * The highest index a reader may see now. The leader serves its applied
   * index while its lease holds (every acknowledged batch is applied on it),
   * else after a read-index round; a new leader serves nothing until it has
   * applied an entry of its own term. A follower serves its applied index
   * when the caller allows it.
   */
  private async readHorizon(opts: ReadOptions): Promise<number> {
    this.assertUsable();
    if (this.role === Role.Leader) {
      // Ticks lost to a stall would stretch the lease in real time (tick-clock.ts).
      const leaseUsable = this.deps.leasesTrusted?.() ?? true;
      if (this.termStarted && leaseUsable && this.driver.node.leaseReadIndex() !== null) {
        return this.applier.applied;
      }
      try {
        const index = await this.gate.readIndex();
        await this.gate.whenApplied(index, this.applier.applied);
        return this.applier.applied;
      } catch (e) {
        if (opts.allowFollower !== true) throw e;
      }
    }
    if (opts.allowFollower === true) return this.applier.applied;
    throw this.notLeader();
  }

  // ---- Apply ----

  private onApplied(e: Entry, outcomes: BatchOutcome[] | undefined): void {
    if (this.role === Role.Leader) this.counters.countWritten(e, outcomes);
    this.pipeline.onApplied(e.index, e.term, outcomes);
    if (this.role === Role.Leader && !this.termStarted && e.term === this.leaderTerm) this.startTerm();
  }

  // ---- Leadership ----

  private onSoftState(s: SoftState): void {
    const wasLeader = this.role === Role.Leader;
    this.role = s.role;
    this.leader = s.leader;
    if (s.role === Role.Leader && !wasLeader) {
      this.leaderTerm = this.driver.node.status().term;
      this.termStarted = false;
      this.pipeline.raiseArrivalFloor(this.applier.state.newestArrivalMs);
    } else if (wasLeader && s.role !== Role.Leader) {
      this.leaderTerm = 0;
      this.termStarted = false;
      this.pipeline.abandon(false);
      const e = this.notLeader();
      this.gate.rejectAll(e);
      this.releaseTermWaiters(e);
    }
  }

  private startTerm(): void {
    this.termStarted = true;
    const waiters = this.termWaiters;
    this.termWaiters = [];
    for (const w of waiters) w.resolve();
  }

  private releaseTermWaiters(e: unknown): void {
    const waiters = this.termWaiters;
    this.termWaiters = [];
    for (const w of waiters) w.reject(e);
  }

  private leaderHint(): string | undefined {
    return this.leader > 0 && this.leader !== this.deps.nodeId ? String(this.leader) : undefined;
  }

  private notLeader(): RheoError {
    const hint = this.leaderHint();
    return new RheoError(
      'NotLeader',
      `node ${this.deps.nodeId} does not lead shard ${this.spec.shardId}${hint ? `; node ${hint} does` : ''}`,
      hint === undefined ? {} : { leaderHint: hint },
    );
  }

  // ---- Retention ----

  /**
   * Drops log entries below `index` (retention). The shard state is
   * persisted first: storage never trims past the durable applied index,
   * and the state at that index becomes the snapshot a lagging follower
   * gets. Resolves with the new first index.
   */
  async trimBefore(index: number): Promise<number> {
    this.assertUsable();
    await this.applier.persist(false);
    return this.log.trimBefore(index);
  }

  /**
   * Drops entries that arrived before `tsMs` (retention by age; retention-cut.ts
   * finds the exact entry); resolves with the new first index. Writes nothing
   * when no entry is old enough.
   */
  async trimOlderThan(tsMs: number): Promise<number> {
    this.assertUsable();
    const first = this.log.firstIndex();
    const cut = await retentionCut(this.log, tsMs, this.applier.applied);
    if (cut <= first) return first;
    await this.applier.persist(false);
    return this.log.trimBefore(cut);
  }

  // ---- Host-facing ----

  tick(): void {
    if (this.stopped) return;
    this.driver.tick();
    this.gate.onTick();
  }

  step(m: Message): void {
    if (!this.stopped) this.driver.step(snapshotForJoiner(m, this.deps.nodeId));
  }

  reportUnreachable(peer: NodeId): void {
    if (this.stopped) return;
    this.driver.node.reportUnreachable(peer);
  }

  /** The log was found damaged at run time: stop voting and leading until repaired from peers. */
  markDamaged(): void {
    if (this.stopped) return;
    this.driver.node.markDamaged();
    this.driver.kick();
  }

  /** Bytes of produced batches accepted here and not yet answered (the server's node-wide window sums these). */
  get inflightBytes(): number {
    return this.pipeline.inflightBytes;
  }

  /** A producer's entry in this replica's applied dedup table (diagnostics; the same on every replica at one index). */
  producer(producerId: string): { readonly epoch: number; readonly lastSequence: number } | undefined {
    const r = this.applier.state.producers.get(producerId);
    return r === undefined
      ? undefined
      : { epoch: r.epoch, lastSequence: r.acks[r.acks.length - 1]!.batchSequence };
  }

  status(): ReplicaStatus {
    return replicaStatus(this.spec, this.driver.node.status(), {
      nodeId: this.deps.nodeId,
      role: this.role,
      leader: this.leader,
      leaderTerm: this.leaderTerm,
      appliedIndex: this.applier.applied,
      firstIndex: this.log.firstIndex(),
      serving: this.role === Role.Leader && this.termStarted,
      inflightBytes: this.pipeline.inflightBytes,
      failed: this.failure !== undefined,
      state: this.applier.state,
    });
  }

  // ---- Membership (the controller's level-triggered commands) ----

  /**
   * On the leader: hands leadership to `target` (a voter; the core ignores
   * a learner or a non-member, and abandons a transfer that does not finish
   * within an election timeout). Elsewhere a no-op: the controller repeats
   * the command to whoever leads.
   */
  transferLeadership(target: NodeId): void {
    if (!Number.isSafeInteger(target) || target <= 0)
      throw new RheoError('InvalidArgument', `invalid node id ${String(target)}`, {
        field: 'target_node_id',
      });
    if (this.stopped || this.role !== Role.Leader || target === this.deps.nodeId) return;
    this.membership.transfer(target);
  }

  /**
   * One step toward the voter set `targetVoters` (membership-step.ts has
   * the steps). Call it again with the same target until it answers
   * 'done'; each call proposes at most one change. Only the leader acts;
   * elsewhere the answer is 'not-leader'. An empty target is InvalidArgument.
   */
  reconfigure(targetVoters: readonly NodeId[]): ReconfigureStep {
    const target = checkTargetVoters(targetVoters);
    if (typeof target === 'string') throw new RheoError('InvalidArgument', target, { field: 'conf_state' });
    if (this.stopped || this.role !== Role.Leader) return 'not-leader';
    // A new leader's core refuses conf changes until it applied its term's first entry.
    if (!this.termStarted) return 'pending';
    return this.membership.step(target, this.applier.applied);
  }

  // ---- Resharding ----

  /**
   * Closes the shard (the controller's CLOSE_SHARD): the leader proposes the
   * closing entry once per term; once it is applied, every replica is closed
   * with its ending sequence number and produce answers ShardClosed. Call
   * again until it answers 'done' (applied here); elsewhere 'not-leader'.
   */
  close(): 'done' | 'pending' | 'not-leader' {
    if (this.applier.state.closed) return 'done';
    if (this.stopped || this.role !== Role.Leader) return 'not-leader';
    if (!this.termStarted) return 'pending';
    const p = this.closingProposal;
    if (p !== undefined && p.term === this.leaderTerm && p.index > this.applier.applied) return 'pending';
    const r = this.driver.propose(encodeClosingEntry(startingSequenceNumber(this.spec.sequenceBase)));
    if (r.ok) this.closingProposal = { index: r.lastIndex, term: r.term };
    return 'pending';
  }

  /** Stops gracefully: waits for the Ready in flight, answers every waiter, persists the state. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.halt();
    await this.driver.stop();
    if (this.failure === undefined) await this.applier.persist(false).catch(() => {});
  }

  /** Stops at once (a crash, or a fatal error): nothing more is proposed, applied or written by this replica. */
  halt(): void {
    if (this.stopped) return;
    this.stopped = true;
    void this.driver.stop();
    const e = new RheoError('Unavailable', `shard ${this.spec.shardId}: the replica is stopping`);
    this.pipeline.abandon(true);
    this.gate.rejectAll(e);
    this.releaseTermWaiters(e);
    this.commits.close(e);
  }

  private fail(err: unknown): void {
    if (this.failure !== undefined) return;
    this.failure = err;
    if (this.stopped) return; // a halted replica's late I/O errors (its store closed) are expected
    this.halt();
    this.deps.onFatal?.(this, err);
  }

  private assertUsable(): void {
    if (this.failure !== undefined)
      throw new RheoError('Unavailable', `shard ${this.spec.shardId}: the replica failed and needs repair`, {
        cause: this.failure,
      });
    if (this.stopped)
      throw new RheoError('Unavailable', `shard ${this.spec.shardId}: the replica is stopped`);
  }
}
