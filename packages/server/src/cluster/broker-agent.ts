// The broker agent of a cluster-mode node: the node's side of the
// ControllerHeartbeat protocol (docs/cluster.md, "Broker agent").
//
// - start() first reopens every replica the node remembers (replica-specs.ts),
//   so its shards elect leaders and serve without waiting for the controller;
//   then one loop, one call at a time: RegisterNode once per process (and
//   again when the controller no longer knows this incarnation), then
//   Heartbeat every interval the controller asks for.
// - Calls go to the controller voter believed active: the first voter at
//   first; a NotLeader refusal or an answer naming another controller moves
//   there; an unreachable one moves to the next voter. Failures back off
//   with jitter (bounded), and the node keeps serving its shards meanwhile.
// - Each answer's commands run in the background (replica-commands.ts) and
//   are reported done in a later heartbeat. When an answer's epoch is newer
//   than the mirror's and fetchMetadata is on, FetchMetadata brings the
//   metadata snapshot to onMetadata.
import type { ChannelCredentials } from '@grpc/grpc-js';
import type { ReplicaHost } from '@rheo/broker';
import type { NodeStore } from '@rheo/storage';
import { isRheoError, type pb, type RheoError, toRheoError } from '@rheo/wire';
import { type BackoffOptions, backoffDelayMs } from '../transport/backoff.js';
import type { AgentLog } from './agent-log.js';
import { ControllerClients } from './controller-client.js';
import { DiskFree } from './disk-free.js';
import { ReplicaCommands, reopenReplicas } from './replica-commands.js';
import { replicaState, TrafficMeter, trafficInputs } from './replica-report.js';

export type NodeRoleName = 'broker' | 'controller';

export interface ControllerVoter {
  readonly id: number;
  /** host:port of its gRPC server. */
  readonly address: string;
}

export interface BrokerAgentOptions {
  readonly nodeId: number;
  readonly clusterId: string;
  /** Random id of this process's lifetime (a restart registers anew with another). */
  readonly incarnation: string;
  /** host:port peers and clients dial (the node's advertised gRPC address). */
  readonly address: string;
  /** host:port of the Kinesis-compatible gateway; '' when none. */
  readonly gatewayAddress: string;
  readonly roles: readonly NodeRoleName[];
  /** Rack or zone label; '' when none. */
  readonly rack: string;
  /** The metadata group's voters (config `controller_voters`); at least one. */
  readonly controllerVoters: readonly ControllerVoter[];
  readonly host: ReplicaHost;
  readonly store: NodeStore;
  /** The node's data directory (free disk space is reported from its file system). */
  readonly dataDir: string;
  /** Heartbeat interval until the controller names one. */
  readonly heartbeatIntervalMs: number;
  /** Fetch the metadata snapshot when it changes (broker-only nodes; a controller reads its own state). */
  readonly fetchMetadata: boolean;
  /** Every answer: the metadata epoch and the active controller's id. */
  readonly onMetadataEpoch?: (epoch: number, controllerId: number) => void;
  /** A newer metadata snapshot (MetaState encoding), when fetchMetadata is on. */
  readonly onMetadata?: (epoch: number, state: Uint8Array) => void;
  readonly log: AgentLog;
  /** Wall clock for sent_at_ms and intervals (default Date.now). */
  readonly nowMs?: () => number;
  /** [0, 1) for the backoff's jitter (default Math.random). */
  readonly random?: () => number;
  /** Deadline of each call; default 3 s. */
  readonly callDeadlineMs?: number;
  /** TLS toward the controllers when the node has it; plaintext when left out. */
  readonly credentials?: ChannelCredentials;
  /** Backoff after failed calls; default 100 ms doubling to 5 s, each wait drawn in [half, whole]. */
  readonly backoff?: BackoffOptions;
}

export const brokerAgentDefaults = Object.freeze({
  callDeadlineMs: 3_000,
  // Capped at 1 s: a broker that has not reached the new controller yet is a broker the cluster
  // cannot place replicas on, so the wait must stay short; the calls are cheap.
  backoff: Object.freeze({ initialMs: 100, maxMs: 1_000 }),
  /** Heartbeat intervals the agent accepts from the controller; others are clamped. */
  intervalMsMin: 50,
  intervalMsMax: 60_000,
});

const roleNames: Readonly<Record<NodeRoleName, pb.NodeRole>> = {
  broker: 'NODE_ROLE_BROKER',
  controller: 'NODE_ROLE_CONTROLLER',
};

export class BrokerAgent {
  private readonly clients: ControllerClients;
  private readonly commands: ReplicaCommands;
  private readonly traffic = new TrafficMeter();
  private readonly disk: DiskFree;
  private readonly nowMs: () => number;
  private readonly random: () => number;
  private readonly backoff: BackoffOptions;
  /** Where calls go now; `id` is undefined for an address only a NotLeader hint gave. */
  private target: { id: number | undefined; address: string };
  private voterIndex = 0;
  private registered = false;
  private intervalMs: number;
  private activeControllerId: number | undefined;
  private mirror = 0;
  private fetching = false;
  private recordedState: pb.NodeState__Output | undefined;
  /** Consecutive failed calls (the backoff's attempt); redirects count apart. */
  private failures = 0;
  private redirects = 0;
  private lastFailure = '';
  private timer: NodeJS.Timeout | undefined;
  /** True while `timer` waits to start the next round (not yet fired). */
  private timerPending = false;
  private round: Promise<void> | undefined;
  private started = false;
  private stopped = false;

  constructor(private readonly o: BrokerAgentOptions) {
    if (o.controllerVoters.length === 0)
      throw new Error('the broker agent needs at least one controller voter');
    this.nowMs = o.nowMs ?? Date.now;
    this.random = o.random ?? Math.random;
    this.backoff = o.backoff ?? brokerAgentDefaults.backoff;
    this.intervalMs = clampInterval(o.heartbeatIntervalMs);
    this.target = { ...o.controllerVoters[0]! };
    this.clients = new ControllerClients(
      o.callDeadlineMs ?? brokerAgentDefaults.callDeadlineMs,
      ...(o.credentials === undefined ? [] : [o.credentials]),
    );
    this.commands = new ReplicaCommands({
      nodeId: o.nodeId,
      host: o.host,
      meta: o.store.meta,
      log: o.log,
      reportSoon: () => this.reportSoon(),
    });
    this.disk = new DiskFree(o.dataDir, this.nowMs, (err) =>
      o.log.warn({ err, dir: o.dataDir }, 'cannot read the free space of the data disk'),
    );
  }

  /** Reopens the remembered replicas, then starts registering and heartbeating (in the background). */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    await reopenReplicas(this.o.host, this.o.store.meta, this.o.log);
    await this.disk.refresh();
    if (!this.stopped) this.schedule(0);
  }

  /** Stops the loop (a call in flight is cancelled) and waits for the commands under way. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    clearTimeout(this.timer);
    this.clients.close();
    await this.round;
    await this.commands.idle();
  }

  /** The active controller's id as last told (undefined before any answer). */
  controllerId(): number | undefined {
    return this.activeControllerId;
  }

  /** The active controller's address as last told, for forwarding mutations; undefined while unknown. */
  controllerAddress(): string | undefined {
    const id = this.activeControllerId;
    if (id === undefined) return undefined;
    const voter = this.o.controllerVoters.find((v) => v.id === id);
    if (voter !== undefined) return voter.address;
    return this.target.id === id ? this.target.address : undefined;
  }

  /** The epoch of the last metadata handed to onMetadata (0 before any). */
  mirrorEpoch(): number {
    return this.mirror;
  }

  /** The node's state as the controller last recorded it (DRAINING tells it to take no new leaderships). */
  nodeState(): pb.NodeState__Output | undefined {
    return this.recordedState;
  }

  /** True once a registration was accepted (false again when the controller asks for a new one). */
  get isRegistered(): boolean {
    return this.registered;
  }

  /** The heartbeat interval in force (the controller's, once it named one). */
  get heartbeatIntervalMs(): number {
    return this.intervalMs;
  }

  // ---- The loop ----

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timerPending = true;
    this.timer = setTimeout(() => {
      this.timerPending = false;
      this.round = this.runRound();
    }, delayMs);
  }

  /** The next heartbeat goes now, not at the interval: it carries a report the controller waits for (a shard's close). */
  reportSoon(): void {
    if (this.stopped || !this.timerPending) return;
    clearTimeout(this.timer);
    this.schedule(0);
  }

  private async runRound(): Promise<void> {
    let delayMs: number;
    try {
      delayMs = this.registered ? await this.heartbeat() : await this.register();
    } catch (err) {
      if (this.stopped) return;
      delayMs = this.onFailure(toRheoError(err));
    }
    this.schedule(delayMs);
  }

  private async register(): Promise<number> {
    const o = this.o;
    const to = this.target;
    const res = await this.clients.registerNode(to.address, {
      clusterId: o.clusterId,
      nodeId: o.nodeId,
      incarnation: o.incarnation,
      address: o.address,
      gatewayAddress: o.gatewayAddress,
      roles: o.roles.map((r) => roleNames[r]),
      rack: o.rack,
    });
    this.registered = true;
    this.recordedState = res.state;
    this.answered(res.controllerNodeId, res.heartbeatIntervalMs, to);
    o.log.info(
      {
        controller: res.controllerNodeId,
        address: to.address,
        state: res.state,
        intervalMs: this.intervalMs,
      },
      'registered with the controller',
    );
    return 0;
  }

  private async heartbeat(): Promise<number> {
    const o = this.o;
    const to = this.target;
    const completed = this.commands.completedIds();
    const replicas = [...o.host.replicas()];
    const traffic = this.traffic.sample(trafficInputs(replicas), this.nowMs());
    const res = await this.clients.heartbeat(to.address, {
      clusterId: o.clusterId,
      nodeId: o.nodeId,
      incarnation: o.incarnation,
      sentAtMs: this.nowMs(),
      replicas: replicas.map((r) => replicaState(r.status())),
      traffic: traffic.traffic,
      inflightBytes: o.host.inflightBytes(),
      diskFreeBytes: this.disk.bytes(),
      completedCommandIds: completed,
    });
    if (this.stopped) return this.intervalMs;
    this.commands.acknowledge(completed);
    this.traffic.commit(traffic);
    this.recordedState = res.state;
    this.answered(res.controllerNodeId, res.heartbeatIntervalMs, to);
    this.notify(() => o.onMetadataEpoch?.(res.epoch, res.controllerNodeId), 'onMetadataEpoch');
    this.commands.run(res.commands);
    if (o.fetchMetadata && res.epoch > this.mirror) void this.fetchMetadata();
    return this.intervalMs;
  }

  /** An answer from `from`: resets the backoff, notes the controller and the interval it names. */
  private answered(
    controllerId: number,
    intervalMs: number,
    from: { id: number | undefined; address: string },
  ): void {
    if (this.failures > 0)
      this.o.log.info({ address: from.address, failures: this.failures }, 'controller reachable again');
    this.failures = 0;
    this.redirects = 0;
    this.lastFailure = '';
    if (intervalMs > 0) this.intervalMs = clampInterval(intervalMs);
    if (controllerId <= 0) return;
    this.activeControllerId = controllerId;
    // A voter that answers for the active controller names it; the next call goes straight there.
    if (from.id !== controllerId) this.moveTo(controllerId, undefined);
  }

  private async fetchMetadata(): Promise<void> {
    if (this.fetching) return;
    this.fetching = true;
    const to = this.target;
    try {
      const res = await this.clients.fetchMetadata(to.address, {
        clusterId: this.o.clusterId,
        knownEpoch: this.mirror,
      });
      if (this.stopped || res.unchanged || res.epoch <= this.mirror) return;
      this.mirror = res.epoch;
      this.notify(() => this.o.onMetadata?.(res.epoch, res.state), 'onMetadata');
    } catch (err) {
      // The next answer with a newer epoch asks again.
      if (!this.stopped) this.o.log.info({ err, address: to.address }, 'fetching the metadata failed');
    } finally {
      this.fetching = false;
    }
  }

  // ---- Failures and redirects ----

  /** Decides where the next call goes and when; returns the delay. */
  private onFailure(err: RheoError): number {
    const failedAt = this.target.address;
    if (err.code === 'NotLeader') return this.redirect(err, failedAt);
    this.failures++;
    if (this.registered && mustRegisterAgain(err)) {
      this.registered = false;
      this.o.log.info(
        { reason: err.code, error: err.message },
        'the controller does not know this process; registering again',
      );
      return this.failures === 1 ? 0 : this.backoffMs();
    }
    // The controller could not be reached or could not answer: try the next voter.
    if (err.retryable || err.code === 'OutcomeUnknown' || err.code === 'Internal') this.nextVoter();
    this.logFailure(err, failedAt);
    return this.backoffMs();
  }

  /** A voter that does not lead the metadata group: go to the leader it names, or to the next voter. */
  private redirect(err: RheoError, failedAt: string): number {
    this.redirects++;
    if (err.leaderNodeId !== undefined && err.leaderNodeId > 0) this.moveTo(err.leaderNodeId, err.leaderHint);
    else if (err.leaderHint !== undefined && err.leaderHint !== '')
      this.target = { id: undefined, address: err.leaderHint };
    else this.nextVoter();
    this.o.log.debug({ to: this.target, hint: err.leaderNodeId }, 'redirected to the active controller');
    // Redirects are followed at once, but a ring of stale hints (an election under way) backs off.
    if (this.redirects <= this.o.controllerVoters.length) return 0;
    this.failures++;
    this.logFailure(err, failedAt);
    return this.backoffMs();
  }

  private moveTo(id: number, addressHint: string | undefined): void {
    const i = this.o.controllerVoters.findIndex((v) => v.id === id);
    if (i >= 0) {
      this.voterIndex = i;
      this.target = { ...this.o.controllerVoters[i]! };
    } else if (addressHint !== undefined && addressHint !== '') this.target = { id, address: addressHint };
  }

  private nextVoter(): void {
    const voters = this.o.controllerVoters;
    this.voterIndex = (this.voterIndex + 1) % voters.length;
    this.target = { ...voters[this.voterIndex]! };
  }

  private backoffMs(): number {
    return backoffDelayMs(Math.max(0, this.failures - 1), this.backoff, this.random);
  }

  /**
   * Warns on the first failure of a run and on a new kind (reason) of failure; the repeats are
   * debug. By reason, not message: while an election is under way every voter answers NotLeader
   * in its own words, and that is one condition, not one per voter.
   */
  private logFailure(err: RheoError, failedAt: string): void {
    const fields = {
      reason: err.code,
      error: err.message,
      address: failedAt,
      failures: this.failures,
    };
    if (err.code !== this.lastFailure)
      this.o.log.warn(fields, 'controller call failed; retrying with backoff');
    else this.o.log.debug(fields, 'controller call failed again');
    this.lastFailure = err.code;
  }

  private notify(fn: () => void, what: string): void {
    try {
      fn();
    } catch (err) {
      this.o.log.error({ err }, `${what} threw`);
    }
  }
}

/**
 * True when the controller refused a heartbeat because it does not know
 * this process: the node is unknown (ResourceNotFound, e.g. after it was
 * removed) or its incarnation is not the registered one (an error about the
 * `incarnation` or `node_id` field; @rheo/controller answers both cases
 * with ResourceNotFound).
 */
export function mustRegisterAgain(err: RheoError): boolean {
  if (!isRheoError(err)) return false;
  if (err.code === 'ResourceNotFound') return true;
  return err.field === 'incarnation' || err.field === 'node_id' || err.field === 'nodeId';
}

function clampInterval(ms: number): number {
  return Math.min(brokerAgentDefaults.intervalMsMax, Math.max(brokerAgentDefaults.intervalMsMin, ms));
}
