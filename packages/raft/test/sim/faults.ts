// The fault injector of the safety phase: network partitions that heal,
// crashes (kill -9, power loss) with torn writes and, within a budget,
// damaged logs, process pauses, and log compaction. Slow syncs, cache misses,
// loss and duplication live in the disk and the network themselves.
//
// Budgets keep the run meaningful: at most a minority of the smallest voter
// set is down at once (except for a whole-cluster power loss, which is safe
// because nothing acknowledged is unsynced), and at most that many nodes are
// damaged and unrepaired, because Raft cannot survive losing acknowledged
// data on a majority.

import type { Cluster } from './cluster.js';
import type { SimContext } from './context.js';
import type { PartitionKind } from './network.js';
import type { SimOptions } from './options.js';
import type { Prng } from './prng.js';
import type { SimNode } from './sim-node.js';

export interface FaultCounts {
  partitions: number;
  crashes: number;
  powerLosses: number;
  tornWrites: number;
  bitFlips: number;
  truncations: number;
  pauses: number;
  compactions: number;
}

export class FaultInjector {
  counts: FaultCounts = {
    partitions: 0,
    crashes: 0,
    powerLosses: 0,
    tornWrites: 0,
    bitFlips: 0,
    truncations: 0,
    pauses: 0,
    compactions: 0,
  };
  private healAtTick = -1;

  constructor(
    private readonly ctx: SimContext,
    private readonly cluster: Cluster,
    private readonly rng: Prng,
    private readonly opts: SimOptions,
  ) {}

  /** One tick of the safety phase. */
  step(): void {
    this.partitions();
    this.restarts();
    if (this.rng.chance(this.opts.powerLossProbability)) this.powerLoss();
    if (this.rng.chance(this.opts.crashProbability)) this.crashOne();
    if (this.rng.chance(this.opts.pauseProbability)) this.pauseOne();
    if (this.rng.chance(this.opts.compactProbability)) {
      const live = this.cluster.live();
      if (live.length > 0 && this.rng.pick(live).compact()) this.counts.compactions++;
    }
  }

  private partitions(): void {
    const net = this.ctx.network;
    if (net.isPartitioned()) {
      if (this.ctx.now >= this.healAtTick) {
        net.heal();
        this.ctx.trace.event(this.ctx.now, 0, 'heal');
      }
      return;
    }
    if (!this.rng.chance(this.opts.partitionProbability)) return;
    const kind: PartitionKind = this.rng.pick(['symmetric', 'one-way', 'bridge'] as const);
    const ids = [...this.cluster.nodes.keys()];
    if (ids.length < 2) return;
    const what = net.partition(kind, ids);
    this.healAtTick = this.ctx.now + 1 + this.rng.int(this.opts.partitionTicksMax);
    this.counts.partitions++;
    this.ctx.trace.event(this.ctx.now, 0, 'partition', () => `${what} until=${this.healAtTick}`);
  }

  private restarts(): void {
    for (const [id, until] of this.cluster.downUntil) {
      if (this.ctx.now < until) continue;
      this.cluster.downUntil.delete(id);
      this.cluster.nodes.get(id)!.start();
    }
  }

  /** A minority of the smallest voter set may be down at once. */
  private crashBudget(): number {
    return this.cluster.damageBudget();
  }

  private crashOne(): void {
    if (this.cluster.down >= Math.max(1, this.crashBudget())) return;
    const n = this.victim();
    if (n) this.crash(n, true);
  }

  private powerLoss(): void {
    this.counts.powerLosses++;
    this.ctx.trace.event(this.ctx.now, 0, 'power-loss');
    for (const n of this.cluster.live()) this.crash(n, false);
  }

  private crash(n: SimNode, mayDamage: boolean): void {
    let torn = 0;
    if (n.disk.hasUnsynced() && this.rng.chance(this.opts.tornWriteProbability)) {
      torn = 1 + this.rng.int(4);
      this.counts.tornWrites++;
    }
    n.crash(torn);
    this.counts.crashes++;
    this.cluster.downUntil.set(n.id, this.ctx.now + 1 + this.rng.int(this.opts.downTicksMax));
    if (mayDamage && this.rng.chance(this.opts.damageProbability)) this.damage(n);
  }

  /** Damages a crashed node's durable log if the damage budget allows it. */
  private damage(n: SimNode): void {
    this.cluster.refreshDamaged();
    const d = this.cluster.damaged;
    if (!d.has(n.id) && d.size + 1 > this.cluster.damageBudget()) return;
    const flip = this.rng.chance(0.5);
    const done = flip ? n.disk.flipBit() : n.disk.truncateTail();
    if (!done) return;
    d.add(n.id);
    if (flip) this.counts.bitFlips++;
    else this.counts.truncations++;
    this.ctx.trace.event(this.ctx.now, n.id, flip ? 'bit-flip' : 'truncate');
  }

  /** Half the time the victim is a leader: that is where pauses and crashes hurt (leases, commits). */
  private victim(): SimNode | undefined {
    const live = this.cluster.live();
    if (live.length === 0) return undefined;
    const leader = this.cluster.leader();
    return leader && this.rng.chance(0.5) ? leader : this.rng.pick(live);
  }

  private pauseOne(): void {
    const n = this.victim();
    if (!n) return;
    n.pausedUntilTick = this.ctx.now + 1 + this.rng.int(this.opts.pauseTicksMax);
    this.counts.pauses++;
    this.ctx.trace.event(this.ctx.now, n.id, 'pause', () => `until=${n.pausedUntilTick}`);
  }

  /** The liveness phase: every fault stops, the network heals, crashed nodes come back. */
  stopAll(): void {
    this.ctx.network.heal();
    this.ctx.network.faults = { lossProbability: 0, duplicateProbability: 0 };
    for (const id of [...this.cluster.downUntil.keys()]) {
      this.cluster.downUntil.delete(id);
      this.cluster.nodes.get(id)!.start();
    }
    for (const n of this.cluster.nodes.values()) {
      n.pausedUntilTick = -1;
      n.slowSync.probability = 0;
      n.disk.cacheMissProbability = 0;
    }
  }
}
