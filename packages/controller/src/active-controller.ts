// The active controller (docs/cluster.md): runs on the metadata group's
// leader, answers brokers' registrations and heartbeats with the commands that
// move them toward the desired state, and on every tick turns observations
// into metadata changes. Time and I/O are injected; it holds no timers.
import { type pb, RheoError } from '@rheo/wire';
import { Autoscaler } from './autoscaler.js';
import type { AutoscaleSettings } from './autoscaler-policy.js';
import { autoscaleTick, reportedLoads } from './autoscaler-tick.js';
import { ClusterView } from './cluster-view.js';
import { CommandIds } from './command-ids.js';
import type { ControllerConfig } from './config.js';
import { GroupCoordinator } from './consumer-groups-coordinator.js';
import {
  completeDrains,
  planTransfers,
  repair,
  reportLeaders,
  type TickContext,
  updateLiveness,
  updateStreams,
} from './controller-tick.js';
import type { MetaAccess } from './meta-access.js';
import { ConsumerAdmin } from './meta-apply-consumers-admin.js';
import type { StreamShardLimits } from './meta-apply-limits.js';
import { type EnhancedMonitoringChange, enhancedMonitoringChangeOf } from './meta-apply-monitoring.js';
import { type Heartbeat, Observations } from './observations.js';
import { type LeaderTransfer, reconcileNode } from './reconcile.js';
import { ReshardAdmin } from './reshard-admin.js';
import { reshardTick } from './reshard-tick.js';
import { type CreateStreamRequest, StreamAdmin } from './stream-admin.js';
import type { ApplyOutcome, MetaCommand, NodeRoleName, StreamRecord } from './types.js';

export interface ControllerLog {
  info(o: object, m: string): void;
  warn(o: object, m: string): void;
}

export interface ActiveControllerDeps {
  readonly meta: MetaAccess;
  readonly config: ControllerConfig;
  readonly nowMs: () => number;
  readonly log?: ControllerLog;
  /** This node's id, told to brokers as the active controller's; 0 when not given. */
  readonly nodeId?: number;
  /** The on-demand autoscaler's settings (autoscaler-policy.ts); its defaults when left out. */
  readonly autoscale?: Partial<AutoscaleSettings>;
  /** Told of every split and merge proposed, with why (operator, update-shard-count, on-demand-*): the metrics count them. */
  readonly onScalingAction?: (action: 'split' | 'merge', reason: string) => void;
}

/** How long a leadership transfer is given to land before the balancer may try that group again. */
const transferWindowHeartbeats = 2;

export class ActiveController {
  readonly #meta: MetaAccess;
  readonly #config: ControllerConfig;
  readonly #nowMs: () => number;
  readonly #log: ControllerLog | undefined;
  readonly #nodeId: number;
  readonly #observations: Observations;
  readonly #ids: CommandIds;
  readonly #admin: StreamAdmin;
  /** SplitShard, MergeShards, UpdateShardCount, UpdateStreamMode (docs/resharding.md). */
  readonly reshard: ReshardAdmin;
  /** The on-demand autoscaler; its `counts` are read by the metrics. */
  readonly autoscaler: Autoscaler;
  readonly #onScalingAction: ((action: 'split' | 'merge', reason: string) => void) | undefined;
  /** Fan-out consumers and consumer groups (issue 7). */
  readonly consumers: ConsumerAdmin;
  readonly groups: GroupCoordinator;
  /** Transfers in flight by group, each until its deadline (controller clock). */
  readonly #transfers = new Map<number, { readonly transfer: LeaderTransfer; readonly untilMs: number }>();
  #stopped = false;

  constructor(deps: ActiveControllerDeps) {
    this.#meta = deps.meta;
    this.#config = deps.config;
    this.#nowMs = deps.nowMs;
    this.#log = deps.log;
    this.#nodeId = deps.nodeId ?? 0;
    const now = deps.nowMs();
    // Take-over rule: every node's silence counts from now, not from what a predecessor heard.
    this.#observations = new Observations(now);
    this.#ids = new CommandIds(now);
    this.#admin = new StreamAdmin(
      deps.meta,
      deps.config,
      deps.nowMs,
      (cmd) => this.#proposeOrThrow(cmd),
      now,
    );
    this.reshard = new ReshardAdmin(
      deps.meta,
      deps.config,
      deps.nowMs,
      (cmd) => this.#proposeOrThrow(cmd),
      deps.onScalingAction,
    );
    this.#onScalingAction = deps.onScalingAction;
    this.autoscaler = new Autoscaler(deps.autoscale);
    this.consumers = new ConsumerAdmin(deps.meta, deps.nowMs, (cmd) => this.#proposeOrThrow(cmd));
    this.groups = new GroupCoordinator(deps.meta, deps.nowMs, (cmd) => this.#proposeOrThrow(cmd));
  }

  async registerNode(req: pb.RegisterNodeRequest__Output): Promise<pb.RegisterNodeResponse> {
    this.#checkCluster(req.clusterId);
    await this.#proposeOrThrow({
      type: 'RegisterNode',
      node: {
        id: req.nodeId,
        address: req.address,
        gatewayAddress: req.gatewayAddress,
        roles: rolesOf(req.roles),
        rack: req.rack,
        incarnation: req.incarnation,
        registeredAtMs: this.#nowMs(),
      },
    });
    this.#observations.registered(req.nodeId, this.#nowMs());
    this.#ids.forget(req.nodeId);
    const node = this.#meta.state().node(req.nodeId);
    this.#log?.info(
      { nodeId: req.nodeId, address: req.address, incarnation: req.incarnation },
      'node registered',
    );
    return {
      controllerNodeId: this.#nodeId,
      heartbeatIntervalMs: this.#config.heartbeatIntervalMs,
      state: `NODE_STATE_${node?.state ?? 'ALIVE'}`,
    };
  }

  heartbeat(hb: Heartbeat): pb.HeartbeatResponse {
    if (this.#stopped) throw new RheoError('NotLeader', 'this node is no longer the active controller');
    this.#checkCluster(hb.clusterId);
    const state = this.#meta.state();
    const node = state.node(hb.nodeId);
    if (node === undefined || node.incarnation !== hb.incarnation) {
      throw new RheoError(
        'ResourceNotFound',
        node === undefined
          ? `node ${hb.nodeId} is not registered; register first`
          : `node ${hb.nodeId} is registered with another incarnation (${node.incarnation}, not ${hb.incarnation}); register again`,
        { field: 'nodeId' },
      );
    }
    this.#observations.record(hb, this.#nowMs());
    const view = new ClusterView(state, this.#observations.reports());
    const transfers = [...this.#transfers.values()].map((t) => t.transfer);
    const planned = reconcileNode(hb.nodeId, hb, state, view, transfers);
    return {
      controllerNodeId: this.#nodeId,
      epoch: state.appliedIndex,
      heartbeatIntervalMs: this.#config.heartbeatIntervalMs,
      state: `NODE_STATE_${node.state}`,
      commands: this.#ids.assign(hb.nodeId, planned, hb.completedCommandIds),
    };
  }

  async tick(): Promise<void> {
    if (this.#stopped) return;
    const c = this.#context();
    await updateLiveness(c);
    await completeDrains(c);
    await reportLeaders(c, this.#view());
    await updateStreams(c, this.#view());
    await reshardTick(c, this.#onScalingAction);
    await autoscaleTick(
      c,
      this.autoscaler,
      reportedLoads(this.#observations),
      this.#log,
      this.#onScalingAction,
    );
    await this.consumers.tick(c.propose);
    await repair(c, this.#view(), this.#writeLoad());
    this.#updateTransfers(c, this.#view());
  }

  createStream(req: CreateStreamRequest): Promise<StreamRecord> {
    return this.#admin.createStream(req);
  }

  async deleteStream(name: string): Promise<void> {
    await this.#proposeOrThrow({ type: 'DeleteStream', name });
  }

  async addTags(name: string, tags: Record<string, string>): Promise<void> {
    await this.#proposeOrThrow({ type: 'AddTags', name, tags });
  }

  async removeTags(name: string, keys: string[]): Promise<void> {
    await this.#proposeOrThrow({ type: 'RemoveTags', name, keys });
  }

  async setRetention(name: string, hours: number, direction: 'increase' | 'decrease'): Promise<void> {
    await this.#proposeOrThrow({ type: 'SetRetention', name, hours, direction });
  }

  /** Replaces a stream's per-shard throughput overrides (empty: the cluster's limits again). */
  async setStreamLimits(name: string, shardLimits: StreamShardLimits): Promise<void> {
    await this.#proposeOrThrow({ type: 'SetStreamLimits', name, shardLimits: { ...shardLimits } });
  }

  /** Enable (or disable) shard-level metrics of a stream; answers the metrics before and after. */
  async setEnhancedMonitoring(
    name: string,
    metrics: string[],
    enable: boolean,
  ): Promise<EnhancedMonitoringChange> {
    const outcome = await this.#proposeOrThrow({ type: 'SetEnhancedMonitoring', name, metrics, enable });
    return enhancedMonitoringChangeOf(outcome);
  }

  async drainNode(id: number): Promise<void> {
    const node = this.#admin.nodeOrThrow(id);
    if (node.state === 'DRAINING' || node.state === 'DRAINED') return;
    await this.#proposeOrThrow({ type: 'SetNodeState', nodeId: id, state: 'DRAINING' });
    this.#log?.info({ nodeId: id }, 'node draining');
  }

  async undrainNode(id: number): Promise<void> {
    const node = this.#admin.nodeOrThrow(id);
    if (node.state !== 'DRAINING' && node.state !== 'DRAINED') return;
    // ALIVE now; the next tick makes it SUSPECT or DEAD if it is in fact silent.
    await this.#proposeOrThrow({ type: 'SetNodeState', nodeId: id, state: 'ALIVE' });
    this.#log?.info({ nodeId: id }, 'node undrained');
  }

  async removeNode(id: number): Promise<void> {
    await this.#proposeOrThrow({ type: 'RemoveNode', nodeId: id });
    this.#observations.forget(id);
    this.#ids.forget(id);
    this.#log?.info({ nodeId: id }, 'node removed');
  }

  /**
   * Shards of live streams with fewer healthy replicas than their replication
   * factor: a replica counts when its node is ALIVE (or draining) and reports
   * it, and the group's leader counts it as a voter. A leaderless shard has none.
   */
  underReplicatedShards(): number {
    const state = this.#meta.state();
    const view = this.#view();
    let n = 0;
    for (const stream of state.streams()) {
      if (stream.status === 'DELETING') continue;
      for (const shard of state.shardsOf(stream.name)) {
        const hosts = view.hostsOf(shard.groupId);
        const voters = view.leaderOf(shard.groupId)?.replica.confState?.voters ?? [];
        const healthy = shard.replicas.filter(
          (id) => hosts.has(id) && voters.includes(id) && state.node(id)?.state !== 'SUSPECT',
        ).length;
        if (healthy < stream.replicationFactor) n++;
      }
    }
    return n;
  }

  /**
   * When this controller last heard from a node (heartbeat or registration), on its own clock;
   * its take-over time for a node not heard from since (the take-over rule of liveness).
   */
  lastHeardMs(nodeId: number): number {
    return this.#observations.lastHeardMs(nodeId);
  }

  /** Open shards of live streams that no reporting node leads. */
  leaderlessShards(): number {
    const state = this.#meta.state();
    const view = this.#view();
    return state
      .allShards()
      .filter(
        (s) =>
          s.open &&
          state.stream(s.streamName)?.status !== 'DELETING' &&
          view.leaderOf(s.groupId) === undefined,
      ).length;
  }

  stop(): void {
    this.#stopped = true;
  }

  #context(): TickContext {
    return {
      meta: this.#meta,
      config: this.#config,
      observations: this.#observations,
      nowMs: this.#nowMs(),
      propose: (cmd) => this.#propose(cmd),
    };
  }

  #view(): ClusterView {
    return new ClusterView(this.#meta.state(), this.#observations.reports());
  }

  /** Write bytes per second each node's leaderships took over its last heartbeat interval. */
  #writeLoad(): Map<number, number> {
    const load = new Map<number, number>();
    for (const [nodeId, hb] of this.#observations.reports()) {
      let bytesPerS = 0;
      for (const t of hb.traffic) if (t.intervalMs > 0) bytesPerS += (t.writeBytes * 1000) / t.intervalMs;
      load.set(nodeId, bytesPerS);
    }
    return load;
  }

  #updateTransfers(c: TickContext, view: ClusterView): void {
    for (const [groupId, t] of this.#transfers) {
      const leader = view.leaderOf(groupId)?.nodeId;
      if (c.nowMs >= t.untilMs || leader !== t.transfer.fromNodeId) this.#transfers.delete(groupId);
    }
    const untilMs = c.nowMs + transferWindowHeartbeats * this.#config.heartbeatIntervalMs;
    for (const transfer of planTransfers(c, view, new Set(this.#transfers.keys()))) {
      this.#transfers.set(transfer.groupId, { transfer, untilMs });
      this.#log?.info({ ...transfer }, 'moving a leadership');
    }
  }

  /** Proposes from a loop: a refusal is logged (the next tick decides again), never thrown. */
  async #propose(cmd: MetaCommand): Promise<ApplyOutcome> {
    if (this.#stopped) return { ok: false, reason: 'NotLeader', message: 'the active controller stopped' };
    const outcome = await this.#meta.propose(cmd);
    if (outcome.ok) this.#log?.info({ cmd: summary(cmd) }, 'metadata changed');
    else
      this.#log?.warn(
        { cmd: summary(cmd), reason: outcome.reason, why: outcome.message },
        'metadata change refused',
      );
    return outcome;
  }

  async #proposeOrThrow(cmd: MetaCommand): Promise<ApplyOutcome> {
    if (this.#stopped) throw new RheoError('NotLeader', 'this node is no longer the active controller');
    const outcome = await this.#meta.propose(cmd);
    if (!outcome.ok) {
      throw new RheoError(
        outcome.reason,
        outcome.message,
        outcome.field === undefined ? {} : { field: outcome.field },
      );
    }
    return outcome;
  }

  #checkCluster(clusterId: string): void {
    if (clusterId !== this.#config.clusterId) {
      throw new RheoError(
        'InvalidArgument',
        `cluster id ${clusterId} does not match this cluster's ${this.#config.clusterId}`,
        {
          field: 'clusterId',
        },
      );
    }
  }
}

function rolesOf(roles: readonly (string | number)[]): NodeRoleName[] {
  const out: NodeRoleName[] = [];
  for (const r of roles) {
    if (r === 'NODE_ROLE_BROKER' || r === 1) out.push('broker');
    else if (r === 'NODE_ROLE_CONTROLLER' || r === 2) out.push('controller');
  }
  return out;
}

/** A command for a log line: the placement and leader lists can be long. */
function summary(cmd: MetaCommand): object {
  if (cmd.type === 'ReportLeaders') return { type: cmd.type, leaders: cmd.leaders.length };
  if (cmd.type === 'CreateStream') return { type: cmd.type, name: cmd.name, shardCount: cmd.shardCount };
  return cmd;
}
