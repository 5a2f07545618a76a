// The node's shard replicas: one ReplicaHost per node. It owns the
// ShardReplicas, drives all of them from one shared tick timer, routes
// inbound Raft messages by group id, and sends outbound ones through the
// transport it is given (an interface, so broker never depends on server).
//
// Cost of an idle group: one core tick per interval (a follower's is an
// increment and a compare) and no event-loop turn unless the tick produced
// work (GroupDriver.tick).

import type { Message, NodeId, RaftLogger, RandomSource } from '@rheo/raft';
import { GroupDeletingError, type NodeStore } from '@rheo/storage';
import { RheoError } from '@rheo/wire';
import { assert } from './assert.js';
import type { GroupObserver } from './group-driver.js';
import { type ReplicaOptions, resolveReplicaOptions } from './options.js';
import { type ShardThroughputLimits, unthrottledShardLimits } from './shard-limits.js';
import { type ReplicaDeps, ShardReplica } from './shard-replica.js';
import { TickClock } from './tick-clock.js';
import type { RaftOutbound, ShardSpec } from './types.js';

export interface ReplicaHostConfig {
  readonly nodeId: NodeId;
  readonly store: NodeStore;
  readonly transport: RaftOutbound;
  readonly options: Partial<ReplicaOptions> & Pick<ReplicaOptions, 'iteratorSecret'>;
  /** Wall clock (arrival stamps, iterator expiry); injected so tests and simulations control it. */
  readonly nowMs?: () => number;
  /** The monotonic clock ticks are counted from (default performance.now); injected by tests. */
  readonly monoMs?: () => number;
  /** Election randomness; defaults to Math.random (this is the edge where that is allowed). */
  readonly random?: RandomSource;
  readonly logger?: RaftLogger;
  /** A shard's group stopped on a storage or apply error. */
  readonly onFatal?: (replica: ShardReplica, err: unknown) => void;
  /** Every shard's throughput limits (a stream may override them) and the account refusals name; none when left out. */
  readonly throughput?: ReplicaDeps['throughput'];
}

export interface ReplicaHostStats {
  readonly shards: number;
  /** Messages for a group this node does not host (dropped). */
  readonly unknownGroupMessages: number;
  readonly ticks: number;
  /** Tick intervals lost to stalls (leases were distrusted after each). */
  readonly lostTicks: number;
}

export class ReplicaHost {
  readonly options: ReplicaOptions;
  private readonly byGroup = new Map<number, ShardReplica>();
  private readonly byShard = new Map<string, ShardReplica>();
  private readonly opening = new Map<number, Promise<ShardReplica>>();
  /** Deletions under way, by group name (a repeated command joins the one running). */
  private readonly deleting = new Map<string, Promise<void>>();
  private timer: ReturnType<typeof setInterval> | undefined = undefined;
  private readonly clock: TickClock;
  /** Tick intervals that elapsed without a tick (event-loop or process stalls). */
  private lostTicks = 0;
  /** The tick count at the last loss; leases are distrusted for an election timeout after it. */
  private lastLossTick = Number.NEGATIVE_INFINITY;
  private unknownGroupMessages = 0;
  /** Metrics: the Raft timing observer of a shard's group (the server's observability sets it); unset, no clock is read. */
  raftObserver: ((spec: ShardSpec) => GroupObserver | undefined) | undefined = undefined;
  private ticks = 0;
  private stopped = false;
  private readonly nowMs: () => number;
  private readonly random: RandomSource;
  private readonly unsubscribeCorrupt: () => void;

  constructor(private readonly config: ReplicaHostConfig) {
    assert(Number.isSafeInteger(config.nodeId) && config.nodeId > 0, `node id ${config.nodeId}`);
    this.options = resolveReplicaOptions(config.options);
    this.nowMs = config.nowMs ?? Date.now;
    this.random = config.random ?? { int: (n) => Math.floor(Math.random() * n) };
    this.clock = new TickClock(this.options.tickIntervalMs, config.monoMs);
    // A corrupt value found at run time: that replica stops voting and leading until repaired.
    this.unsubscribeCorrupt = config.store.onCorrupt((e) => {
      if (e.group === undefined) return;
      for (const r of this.byGroup.values()) if (r.spec.groupName === e.group) r.markDamaged();
    });
  }

  get nodeId(): NodeId {
    return this.config.nodeId;
  }

  /** The cluster's per-shard throughput limits every replica here starts from. */
  get throughputLimits(): ShardThroughputLimits {
    return this.config.throughput?.limits ?? unthrottledShardLimits;
  }

  /**
   * Opens this node's replica of a shard (idempotent per group id). A new
   * founding replica (this node among `spec.replicas`) bootstraps the
   * group; with `join` a new replica starts empty and learns the group from
   * its leader. A group whose data is in the store opens from it either way.
   */
  addShard(spec: ShardSpec, init: { join?: boolean } = {}): Promise<ShardReplica> {
    if (this.stopped) return Promise.reject(new RheoError('Unavailable', 'the replica host is stopped'));
    const have = this.byGroup.get(spec.groupId);
    if (have !== undefined) return Promise.resolve(have);
    const pending = this.opening.get(spec.groupId);
    if (pending !== undefined) return pending;
    const p = ShardReplica.open(spec, this.deps(), init)
      .catch((e: unknown) => {
        // The store still removes this name's old data in the background: the controller's next command retries.
        if (e instanceof GroupDeletingError)
          throw new RheoError('Unavailable', `group ${spec.groupName} is still being deleted; retry`, {
            cause: e,
          });
        throw e;
      })
      .then((r) => {
        this.byGroup.set(spec.groupId, r);
        this.byShard.set(shardKey(spec.streamName, spec.shardId), r);
        return r;
      })
      .finally(() => this.opening.delete(spec.groupId));
    this.opening.set(spec.groupId, p);
    return p;
  }

  private deps() {
    const c = this.config;
    return {
      nodeId: c.nodeId,
      store: c.store,
      send: (groupId: number, msg: Message) => c.transport.send(groupId, msg),
      nowMs: this.nowMs,
      leasesTrusted: () => this.leasesTrusted(),
      options: this.options,
      random: this.random,
      logger: c.logger,
      onFatal: c.onFatal,
      raftObserver: (spec: ShardSpec) => this.raftObserver?.(spec),
      throughput: c.throughput,
    };
  }

  /** Stops this node's replica of a shard (its data stays in the store). */
  async removeShard(groupId: number): Promise<void> {
    const r = this.byGroup.get(groupId);
    if (r === undefined) return;
    this.byGroup.delete(groupId);
    this.byShard.delete(shardKey(r.spec.streamName, r.spec.shardId));
    await r.stop();
  }

  /**
   * Stops this node's replica of a group and deletes its data (the node left
   * the group's membership, or the stream was deleted). Idempotent: a group
   * this node does not host is a no-op. `groupName` names the data when no
   * replica is open (after a restart the server has not reopened it); an open
   * replica's own name is used otherwise. Resolves once the deletion is
   * durable; the store removes the keys in the background.
   */
  async deleteShard(groupId: number, groupName?: string): Promise<void> {
    await this.opening.get(groupId)?.catch(() => {});
    const r = this.byGroup.get(groupId);
    const name = r?.spec.groupName ?? groupName;
    if (r !== undefined) await this.removeShard(groupId);
    if (name !== undefined) await this.deleteGroupData(name);
  }

  /**
   * Deletes a group's data by its storage name (stopping its replica first
   * if one is open). Idempotent: a name the store does not hold is a no-op.
   */
  deleteGroupData(groupName: string): Promise<void> {
    const running = this.deleting.get(groupName);
    if (running !== undefined) return running;
    const p = this.deleteData(groupName).finally(() => this.deleting.delete(groupName));
    this.deleting.set(groupName, p);
    return p;
  }

  private async deleteData(groupName: string): Promise<void> {
    const open = [...this.byGroup.values()].find((r) => r.spec.groupName === groupName);
    if (open !== undefined) await this.removeShard(open.spec.groupId);
    // The store refuses deleting an unknown name; one being deleted already is not in hasGroup either.
    if (this.config.store.hasGroup(groupName)) await this.config.store.deleteGroup(groupName);
  }

  replica(groupId: number): ShardReplica | undefined {
    return this.byGroup.get(groupId);
  }

  /** The replica of a stream's shard, or ResourceNotFound. */
  shard(streamName: string, shardId: string): ShardReplica {
    const r = this.byShard.get(shardKey(streamName, shardId));
    if (r === undefined)
      throw new RheoError(
        'ResourceNotFound',
        `Shard ${shardId} in stream ${streamName} is not hosted on this node`,
      );
    return r;
  }

  replicas(): IterableIterator<ShardReplica> {
    return this.byGroup.values();
  }

  // ---- Transport-facing (the server's RaftTransport handler, hasGroup and onUnreachable fit these) ----

  hasGroup(groupId: number): boolean {
    return this.byGroup.has(groupId);
  }

  /** A message from a peer for one of this node's groups; unknown groups are counted and dropped. */
  deliver(groupId: number, msg: Message): void {
    const r = this.byGroup.get(groupId);
    if (r === undefined) {
      this.unknownGroupMessages++;
      return;
    }
    r.step(msg);
  }

  /** The transport could not reach `peerId`: those groups' leaders probe it again later. */
  reportUnreachable(peerId: NodeId, groupIds: readonly number[]): void {
    for (const g of groupIds) this.byGroup.get(g)?.reportUnreachable(peerId);
  }

  // ---- Time ----

  /** Starts the shared tick timer (every options.tickIntervalMs). */
  start(): void {
    if (this.timer !== undefined || this.stopped) return;
    this.timer = setInterval(() => this.catchUpTicks(), this.options.tickIntervalMs);
  }

  /**
   * One tick for every group when at least one interval has elapsed on the
   * monotonic clock. The timer calls it, and so does every lease check. When
   * more than one interval has elapsed, ticks were lost: leases are then
   * distrusted for an election timeout (tick-clock.ts says why the ticks are
   * not replayed).
   */
  catchUpTicks(): void {
    if (this.timer === undefined) return;
    const due = this.clock.due();
    if (due === 0) return;
    this.tick();
    if (due > 1) {
      this.lostTicks += due - 1;
      this.lastLossTick = this.ticks;
    }
  }

  /**
   * May a leader on this node serve reads under its lease now? Only when no
   * tick was lost in the last election timeout. Then the core's tick count
   * trails real time by less than one interval over the whole lease, and the
   * lease's safety margin absorbs that.
   */
  leasesTrusted(): boolean {
    this.catchUpTicks();
    return this.ticks - this.lastLossTick > this.options.electionTicks;
  }

  /** One tick of every group (the timer calls it; tests may call it directly). */
  tick(): void {
    this.ticks++;
    for (const r of this.byGroup.values()) r.tick();
  }

  /** Produced bytes accepted on this node and not yet answered, over all shards (for the node's Produce window). */
  inflightBytes(): number {
    let n = 0;
    for (const r of this.byGroup.values()) n += r.inflightBytes;
    return n;
  }

  stats(): ReplicaHostStats {
    return {
      shards: this.byGroup.size,
      unknownGroupMessages: this.unknownGroupMessages,
      ticks: this.ticks,
      lostTicks: this.lostTicks,
    };
  }

  /** Graceful stop: no more ticks, every replica finishes its Ready and persists its state. The store stays open. */
  async stop(): Promise<void> {
    this.stopTimer();
    await Promise.allSettled([...this.opening.values()]);
    await Promise.all([...this.byGroup.values()].map((r) => r.stop()));
    this.unsubscribeCorrupt();
  }

  /** Stops everything at once, as a crash would (for tests and fatal node errors). */
  halt(): void {
    this.stopTimer();
    for (const r of this.byGroup.values()) r.halt();
    this.unsubscribeCorrupt();
  }

  private stopTimer(): void {
    this.stopped = true;
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }
}

function shardKey(streamName: string, shardId: string): string {
  return `${streamName}\u0000${shardId}`;
}
