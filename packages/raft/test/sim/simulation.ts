// One simulation run, driven by one seed: build the group, run the safety
// phase (faults on, checkers at every step), then the liveness phase (faults
// off, network healed, crashed nodes back) which must elect a leader and
// commit a new proposal within LIVENESS bound ticks. Any violation, core
// exception or missed bound becomes a SimulationFailure naming the seed,
// phase, tick and invariant, with the command that replays it.

import type { ConfState, Message, NodeId } from '../../src/index.js';
import { MessageType } from '../../src/index.js';
import { Checkers, InvariantViolation } from './checkers/index.js';
import { Cluster } from './cluster.js';
import type { CoreAdapter, DriverBug, SimContext } from './context.js';
import { SimulationFailure } from './failure.js';
import { type FaultCounts, FaultInjector } from './faults.js';
import { Membership } from './membership.js';
import { SimNetwork } from './network.js';
import { chooseOptions, type SimOptions } from './options.js';
import { Prng } from './prng.js';
import { Trace } from './trace.js';
import { Workload } from './workload.js';

export const SAFETY_TICKS_DEFAULT = 400;
/**
 * Election rounds the liveness phase allows. One round is at most the longest
 * randomized election timeout (2 * electionTick) plus a pre-vote and a vote
 * round trip (4 one-way delays); after that a leader needs one more round
 * trip to commit the probe. Split votes may cost a few rounds, so the bound
 * is LIVENESS_ROUNDS_MAX rounds.
 */
export const LIVENESS_ROUNDS_MAX = 8;

export function livenessBoundTicks(o: SimOptions, logGap: number): number {
  const oneWayMax = o.latencyMaxTicks + o.jitterMaxTicks + 1;
  const elections = LIVENESS_ROUNDS_MAX * (2 * o.raft.electionTick + 4 * oneWayMax);
  // Catching a lagging voter up: at least one entry per App, maxInflightMsgs
  // Apps per round trip (a probing follower gets one per heartbeat).
  const roundTrip = 2 * oneWayMax + o.raft.heartbeatTick;
  const catchUp = Math.ceil(logGap / o.raft.maxInflightMsgs) * roundTrip;
  return elections + catchUp + 4 * oneWayMax;
}

export interface SimRunOptions {
  readonly seed: number;
  readonly nodes: number;
  readonly core: CoreAdapter;
  readonly safetyTicks?: number;
  readonly verbose?: boolean;
  readonly driverBug?: DriverBug;
  readonly print?: (line: string) => void;
}

export interface SimResult {
  readonly seed: number;
  readonly nodes: number;
  readonly ticks: number;
  readonly livenessTicks: number;
  readonly traceHash: number;
  readonly faults: FaultCounts;
  readonly acked: number;
  readonly reads: number;
  readonly confChanges: number;
  readonly transfers: number;
}

export function runSimulation(o: SimRunOptions): SimResult {
  const sim = new Simulation(o);
  return sim.run();
}

class Simulation {
  private readonly rng: Prng;
  private readonly opts: SimOptions;
  private readonly ctx: SimContext;
  private readonly cluster: Cluster;
  private readonly faults: FaultInjector;
  private readonly membership: Membership;
  private readonly workload: Workload;
  private seq = 0;

  constructor(private readonly o: SimRunOptions) {
    this.rng = new Prng(o.seed);
    this.opts = chooseOptions(this.rng.fork(), o.safetyTicks ?? SAFETY_TICKS_DEFAULT);
    const network = new SimNetwork(this.rng.fork(), this.opts);
    network.faults = {
      lossProbability: this.opts.lossProbability,
      duplicateProbability: this.opts.duplicateProbability,
    };
    const trace = new Trace(o.verbose ?? false, o.print);
    this.ctx = {
      now: 0,
      phase: 'safety',
      checkers: new Checkers(),
      network,
      trace,
      core: o.core,
      driverBug: o.driverBug ?? 'none',
      nextSeq: () => ++this.seq,
      onApplied: (node, index, term, id) => this.workload.onApplied(node, index, term, id),
      onCrashed: (node) => this.workload.onCrash(node),
      durableOf: (node) => this.cluster.nodes.get(node)?.disk,
      isDamaged: (node) => this.cluster.damaged.has(node),
    };
    this.cluster = new Cluster(this.ctx, this.rng.fork(), this.opts);
    const ids = Array.from({ length: o.nodes }, (_, i) => i + 1);
    const conf: ConfState = {
      voters: ids,
      learners: [],
      votersOutgoing: [],
      learnersNext: [],
      autoLeave: false,
    };
    for (const id of ids) this.cluster.add(id, conf);
    this.faults = new FaultInjector(this.ctx, this.cluster, this.rng.fork(), this.opts);
    this.membership = new Membership(this.ctx, this.cluster, this.rng.fork(), this.opts, ids);
    this.workload = new Workload(this.ctx, this.cluster, this.rng.fork(), this.opts);
  }

  run(): SimResult {
    try {
      return this.phases();
    } catch (e) {
      if (e instanceof SimulationFailure) throw e;
      const invariant = e instanceof InvariantViolation ? e.invariant : 'exception';
      const detail = e instanceof Error ? (e.stack ?? e.message) : String(e);
      throw this.failure(invariant, e instanceof InvariantViolation ? e.message : detail, e);
    }
  }

  private failure(invariant: string, detail: string, cause?: unknown): SimulationFailure {
    const ticks = this.o.safetyTicks ?? SAFETY_TICKS_DEFAULT;
    const info = {
      seed: this.o.seed,
      nodes: this.o.nodes,
      phase: this.ctx.phase,
      tick: this.ctx.now,
      invariant,
      extraArgs: `${ticks !== SAFETY_TICKS_DEFAULT ? ` --ticks ${ticks}` : ''}${
        this.ctx.driverBug !== 'none' ? ` --bug ${this.ctx.driverBug}` : ''
      }`,
    };
    return new SimulationFailure(info, detail, this.ctx.trace.lastLines(), { cause });
  }

  private phases(): SimResult {
    this.ctx.trace.event(0, 0, 'options', () => JSON.stringify(this.opts));
    for (const n of this.cluster.nodes.values()) n.start();
    for (let t = 0; t < this.opts.safetyTicks; t++) {
      this.ctx.now = t;
      this.faults.step();
      this.membership.step();
      this.workload.step();
      this.advanceWorld();
    }
    const livenessStart = this.opts.safetyTicks;
    this.ctx.phase = 'liveness';
    this.ctx.now = livenessStart;
    this.faults.stopAll();
    const bound = livenessBoundTicks(this.opts, this.logGap());
    this.ctx.trace.event(this.ctx.now, 0, 'liveness-phase', () => `bound=${bound}`);
    let t = livenessStart;
    for (; t < livenessStart + bound; t++) {
      this.ctx.now = t;
      this.workload.stepProbe();
      this.advanceWorld();
      if (this.workload.probe?.acked) break;
    }
    if (!this.workload.probe?.acked) {
      throw this.failure(
        'liveness',
        `no leader committed a new proposal within ${bound} ticks after faults stopped (${this.describeNodes()})`,
      );
    }
    this.finalChecks();
    return this.result(t - livenessStart);
  }

  /** The widest gap between the last indexes of the live voters, when the faults stop. */
  private logGap(): number {
    const voters = new Set([
      ...this.cluster.committedConf().voters,
      ...this.cluster.committedConf().votersOutgoing,
    ]);
    const lasts = this.cluster
      .live()
      .filter((n) => voters.has(n.id))
      .map((n) => n.disk.lastIndex());
    return lasts.length === 0 ? 0 : Math.max(...lasts) - Math.min(...lasts);
  }

  /** One tick of the world: clocks, network delivery, then every driver turn. */
  private advanceWorld(): void {
    for (const n of this.cluster.nodes.values()) n.tick();
    this.ctx.network.deliver(
      this.ctx.now,
      (m) => this.deliver(m),
      (m) => this.undeliverable(m),
    );
    for (const n of this.cluster.nodes.values()) n.process();
    this.cluster.refreshDamaged();
  }

  private deliver(m: Message): void {
    const to = this.cluster.nodes.get(m.to);
    if (!to?.up) {
      this.undeliverable(m);
      return;
    }
    to.receive(m);
    if (m.type === MessageType.Snap) this.reportSnapshot(m.from, m.to, true);
  }

  private undeliverable(m: Message): void {
    if (m.type === MessageType.Snap) this.reportSnapshot(m.from, m.to, false);
  }

  private reportSnapshot(from: NodeId, to: NodeId, ok: boolean): void {
    const sender = this.cluster.nodes.get(from);
    sender?.later(this.ctx.now, () => sender.raft?.reportSnapshot(to, ok));
  }

  private finalChecks(): void {
    // The node that acknowledged the probe has just committed an entry of its
    // own term, so its log must hold every acknowledged write, committed.
    const node = this.cluster.nodes.get(this.workload.probe!.node);
    if (!node?.up) return;
    this.ctx.checkers.durability.checkLeader(node.id, node.commit, node.disk.viewLog());
  }

  private describeNodes(): string {
    return [...this.cluster.nodes.values()]
      .map((n) => {
        if (n.decommissioned) return `n${n.id}:removed`;
        if (!n.up) return `n${n.id}:down`;
        const st = n.raft!.status();
        return `n${n.id}:${st.role}/t${st.term}/c${st.commit}/l${st.lastIndex}${st.repairing ? '/repairing' : ''}`;
      })
      .join(' ');
  }

  private result(livenessTicks: number): SimResult {
    return {
      seed: this.o.seed,
      nodes: this.o.nodes,
      ticks: this.ctx.now + 1,
      livenessTicks,
      traceHash: this.ctx.trace.digest(),
      faults: this.faults.counts,
      acked: this.workload.counts.acked,
      reads: this.ctx.checkers.reads.reads,
      confChanges: this.membership.counts.proposed,
      transfers: this.membership.counts.transfers,
    };
  }
}
