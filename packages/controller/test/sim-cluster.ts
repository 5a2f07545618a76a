// A simulated cluster for the controller's tests: a MetaAccess that applies
// proposals to a real MetaState, and brokers that obey replica commands at
// once against a shared, deliberately simple model of each Raft group (its
// membership, leader and term; a membership change takes the broker's steps:
// learners, catch-up, hand-over, one joint change, leaving it). Time is a fake clock; randomness (which
// voter wins an election) comes from a seeded generator.
import type { pb } from '@rheo/wire';
import {
  ActiveController,
  type ApplyOutcome,
  type ControllerConfig,
  controllerConfig,
  type MetaAccess,
  type MetaCommand,
  MetaState,
} from '../src/index.js';

export class SimMeta implements MetaAccess {
  readonly meta: MetaState;
  constructor(clusterId: string) {
    this.meta = MetaState.empty(clusterId);
  }
  state(): MetaState {
    return this.meta;
  }
  async propose(cmd: MetaCommand): Promise<ApplyOutcome> {
    return this.meta.apply(structuredClone(cmd), this.meta.appliedIndex + 1);
  }
}

/** Mulberry32: a small seeded generator, so a failing run can be replayed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Group {
  voters: number[];
  /** Joiners the leader has added as learners (a replacement created empty). */
  learners: number[];
  /** The outgoing voters while a joint configuration is not yet left. */
  outgoing: number[];
  leader: number;
  term: number;
  streamName: string;
  shardId: string;
}

export class SimCluster {
  readonly meta: SimMeta;
  readonly config: ControllerConfig;
  controller: ActiveController;
  nowMs = 1_000_000;
  readonly groups = new Map<number, Group>();
  /** Per node: the groups it hosts a replica of. */
  readonly hosted = new Map<number, Set<number>>();
  readonly alive = new Set<number>();
  /** Safety violations seen by the simulated brokers (checked by the tests). */
  readonly violations: string[] = [];
  readonly #incarnation = new Map<number, number>();
  readonly #completed = new Map<number, number[]>();
  readonly #random: () => number;

  constructor(seed: number, settings: Partial<Omit<ControllerConfig, 'clusterId'>> = {}) {
    this.#random = seededRandom(seed);
    this.config = controllerConfig('sim', { nodeDeadAfterMs: 3_000, ...settings });
    this.meta = new SimMeta('sim');
    this.controller = new ActiveController({ meta: this.meta, config: this.config, nowMs: () => this.nowMs });
  }

  /** Starts (or restarts, keeping its replicas) node `id`: a fresh incarnation registers. */
  async addNode(id: number, rack: string): Promise<void> {
    this.#incarnation.set(id, (this.#incarnation.get(id) ?? 0) + 1);
    await this.controller.registerNode({
      clusterId: 'sim',
      nodeId: id,
      incarnation: this.#incarnationOf(id),
      address: `10.0.0.${id}:7000`,
      gatewayAddress: '',
      roles: ['NODE_ROLE_BROKER'],
      rack,
    });
    this.alive.add(id);
    if (!this.hosted.has(id)) this.hosted.set(id, new Set());
  }

  #incarnationOf(id: number): string {
    return `inc-${id}-${this.#incarnation.get(id) ?? 0}`;
  }

  /** A new active controller over the same metadata, as after a metadata leader change. */
  failover(): void {
    this.controller.stop();
    this.controller = new ActiveController({ meta: this.meta, config: this.config, nowMs: () => this.nowMs });
  }

  kill(id: number): void {
    this.alive.delete(id);
  }

  /** Advances the clock by `ms` in 100 ms steps: brokers heartbeat every interval, the controller ticks every 200 ms. */
  async run(ms: number): Promise<void> {
    for (let t = 0; t < ms; t += 100) {
      this.nowMs += 100;
      this.#elect();
      if (this.nowMs % this.config.heartbeatIntervalMs === 0) {
        for (const id of [...this.alive].sort()) this.heartbeat(id);
      }
      if (this.nowMs % 200 === 0) await this.controller.tick();
    }
  }

  heartbeat(id: number): void {
    const res = this.controller.heartbeat(this.report(id));
    const done: number[] = [];
    for (const c of res.commands ?? []) {
      this.#run(id, c);
      done.push(Number(c.commandId));
    }
    this.#completed.set(id, done);
  }

  report(id: number): pb.NodeHeartbeat__Output {
    const replicas: pb.ReplicaState__Output[] = [];
    for (const groupId of [...(this.hosted.get(id) ?? [])].sort((a, b) => a - b)) {
      const g = this.groups.get(groupId);
      if (g === undefined) continue;
      const leading = g.leader === id;
      const members = [...new Set([...g.voters, ...g.outgoing, ...g.learners])];
      replicas.push({
        groupId,
        streamName: g.streamName,
        shardId: g.shardId,
        role: leading
          ? 'REPLICA_ROLE_LEADER'
          : g.voters.includes(id)
            ? 'REPLICA_ROLE_FOLLOWER'
            : 'REPLICA_ROLE_LEARNER',
        term: g.term,
        leaderNodeId: g.leader,
        commitIndex: 100,
        appliedIndex: 100,
        firstIndex: 1,
        lastIndex: 100,
        confState: {
          voters: [...g.voters],
          learners: [...g.learners],
          votersOutgoing: [...g.outgoing],
          learnersNext: [],
          autoLeave: false,
        },
        needsRepair: false,
        peers: leading
          ? members
              .filter((m) => m !== id)
              .map((m) => ({ nodeId: m, matchIndex: this.#hosts(m, groupId) ? 100 : 0, recentActive: true }))
          : [],
        logBytes: 0,
        endingSequenceNumber: '',
      });
    }
    return {
      clusterId: 'sim',
      nodeId: id,
      incarnation: this.#incarnationOf(id),
      sentAtMs: this.nowMs,
      replicas,
      traffic: [],
      inflightBytes: 0,
      diskFreeBytes: 0,
      completedCommandIds: this.#completed.get(id) ?? [],
    };
  }

  #hosts(nodeId: number, groupId: number): boolean {
    return this.hosted.get(nodeId)?.has(groupId) ?? false;
  }

  #run(id: number, c: pb.ReplicaCommand): void {
    const groupId = Number(c.groupId);
    const g = this.groups.get(groupId);
    switch (c.kind) {
      case 'REPLICA_COMMAND_KIND_CREATE_REPLICA': {
        this.hosted.get(id)!.add(groupId);
        const voters = c.confState?.voters ?? [];
        if (g === undefined && voters.length > 0) {
          this.groups.set(groupId, {
            voters: [...voters],
            learners: [],
            outgoing: [],
            leader: 0,
            term: 0,
            streamName: c.streamName ?? '',
            shardId: c.shardId ?? '',
          });
        } else if (
          g !== undefined &&
          voters.length === 0 &&
          !g.voters.includes(id) &&
          !g.learners.includes(id)
        ) {
          // A replacement joins empty; the leader adds it as a learner.
          g.learners.push(id);
        }
        return;
      }
      case 'REPLICA_COMMAND_KIND_DELETE_REPLICA': {
        const shard = this.meta.state().shardByGroup(groupId);
        const live = shard !== undefined && this.meta.state().stream(shard.streamName)?.status !== 'DELETING';
        if (live && g?.voters.includes(id))
          this.violations.push(`deleted voter ${id} of live group ${groupId}`);
        this.hosted.get(id)!.delete(groupId);
        if (g !== undefined) g.learners = g.learners.filter((n) => n !== id);
        if (g !== undefined && [...this.hosted.values()].every((h) => !h.has(groupId)))
          this.groups.delete(groupId);
        return;
      }
      case 'REPLICA_COMMAND_KIND_CHANGE_MEMBERSHIP':
        if (g !== undefined && g.leader === id) this.#membershipStep(groupId, g, c.confState?.voters ?? []);
        return;
      case 'REPLICA_COMMAND_KIND_TRANSFER_LEADER': {
        const to = c.targetNodeId ?? 0;
        if (
          g !== undefined &&
          g.leader === id &&
          g.voters.includes(to) &&
          this.alive.has(to) &&
          this.#hosts(to, groupId)
        ) {
          g.leader = to;
          g.term++;
        }
        return;
      }
      default:
        throw new Error(`unexpected command ${c.kind}`);
    }
  }

  /**
   * One step toward `target` voters, as the broker's leader takes them
   * (packages/broker membership-step.ts): leave a joint configuration; add
   * new members as learners; wait until they hold a replica (caught up);
   * hand leadership to a target voter when the leader is not in the target;
   * then one joint change to the target; then drop stray learners.
   */
  #membershipStep(groupId: number, g: Group, target: readonly number[]): void {
    if (g.outgoing.length > 0) {
      g.outgoing = [];
      return;
    }
    const fresh = target.filter((n) => !g.voters.includes(n) && !g.learners.includes(n));
    if (fresh.length > 0) {
      g.learners.push(...fresh);
      return;
    }
    if (!target.every((n) => this.#hosts(n, groupId))) return;
    if (!target.includes(g.leader)) {
      const to = target.find((n) => g.voters.includes(n) && this.alive.has(n));
      if (to !== undefined) {
        g.leader = to;
        g.term++;
        return;
      }
    }
    const sorted = (xs: readonly number[]) => [...xs].sort((a, b) => a - b).join();
    if (sorted(g.voters) !== sorted(target)) {
      g.outgoing = g.voters;
      g.voters = [...target];
      g.learners = g.learners.filter((n) => !target.includes(n));
      if (!target.includes(g.leader)) this.#elect1(groupId, g);
      return;
    }
    g.learners = [];
  }

  /** Groups without a live voting leader elect one among live voters hosting a replica, given a majority. */
  #elect(): void {
    for (const [groupId, g] of this.groups) {
      if (this.alive.has(g.leader) && g.voters.includes(g.leader) && this.#hosts(g.leader, groupId)) continue;
      this.#elect1(groupId, g);
    }
  }

  #elect1(groupId: number, g: Group): void {
    const candidates = g.voters.filter((v) => this.alive.has(v) && this.#hosts(v, groupId));
    if (candidates.length <= g.voters.length / 2) {
      g.leader = 0;
      return;
    }
    g.leader = candidates[Math.floor(this.#random() * candidates.length)]!;
    g.term++;
  }

  /** Leaderships per node among `nodes`, over the simulated groups of shards in the metadata. */
  leaderCounts(nodes: readonly number[]): number[] {
    const shards = this.meta.state().allShards();
    return nodes.map((n) => shards.filter((s) => this.groups.get(s.groupId)?.leader === n).length);
  }
}
