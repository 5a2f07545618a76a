// The simulated nodes and the questions the scenario asks about them (who
// leads, what membership is committed, which disks are damaged). The answers
// come from the driver's own observations, never from the checkers.

import { type ConfState, EMPTY_CONF_STATE, type NodeId, Role } from '../../src/index.js';
import type { SimContext } from './context.js';
import type { SimOptions } from './options.js';
import type { Prng } from './prng.js';
import { SimNode } from './sim-node.js';
import { bootstrapSnapshot } from './state-machine.js';

export function members(cs: ConfState): NodeId[] {
  return [...new Set([...cs.voters, ...cs.learners, ...cs.votersOutgoing, ...cs.learnersNext])];
}

export class Cluster {
  readonly nodes = new Map<NodeId, SimNode>();
  /** Nodes whose disk was damaged and whose repair has not been persisted yet. */
  readonly damaged = new Set<NodeId>();
  readonly downUntil = new Map<NodeId, number>();
  /** Voters whose removal was proposed (whether or not it commits): no longer counted on. */
  readonly removalProposed = new Set<NodeId>();

  constructor(
    private readonly ctx: SimContext,
    private readonly rng: Prng,
    private readonly opts: SimOptions,
  ) {}

  /** Creates a node; founding members start from the bootstrap snapshot, joiners empty. */
  add(id: NodeId, conf: ConfState | null): SimNode {
    const boot = conf ? bootstrapSnapshot(conf) : undefined;
    const node = new SimNode(id, this.ctx, this.rng.fork(), this.opts.raft, boot, {
      probability: this.opts.slowSyncProbability,
      ticksMax: this.opts.slowSyncTicksMax,
    });
    node.disk.cacheMissProbability = this.opts.cacheMissProbability;
    const drift = this.opts.clockDriftMax;
    node.clockRate = 1 + drift * (2 * (this.rng.int(1001) / 1000) - 1);
    this.nodes.set(id, node);
    return node;
  }

  live(): SimNode[] {
    return [...this.nodes.values()].filter((n) => n.up && !n.decommissioned);
  }

  /** Nodes that can take a client call now (up, not paused, not waiting on a sync). */
  responsive(): SimNode[] {
    return this.live().filter((n) => this.ctx.now >= n.pausedUntilTick && !n.isBlocked());
  }

  /** A responsive node that believes it leads, with the highest term. */
  leader(): SimNode | undefined {
    let best: SimNode | undefined;
    for (const n of this.responsive()) {
      if (n.role === Role.Leader && (!best || n.term > best.term)) best = n;
    }
    return best;
  }

  /** The membership applied by the most advanced live node (it is committed). */
  committedConf(): ConfState {
    let best: SimNode | undefined;
    for (const n of this.live()) if (!best || n.appliedIndex > best.appliedIndex) best = n;
    return best ? best.appliedConfState() : EMPTY_CONF_STATE;
  }

  /**
   * How many more nodes may be damaged (or down): a minority of the smallest
   * voter set any live node currently uses — a node that has not applied a
   * change yet still needs a quorum of the old set — less the members of that
   * set that are leaving or gone.
   */
  damageBudget(): number {
    let budget = Number.MAX_SAFE_INTEGER;
    for (const n of this.live()) {
      const cs = n.appliedConfState();
      for (const set of [cs.voters, cs.votersOutgoing]) {
        if (set.length === 0) continue;
        const gone = set.filter((id) => this.isLeaving(id)).length;
        budget = Math.min(budget, Math.floor((set.length - 1) / 2) - gone);
      }
    }
    return budget === Number.MAX_SAFE_INTEGER ? 0 : Math.max(0, budget);
  }

  /**
   * A node that is decommissioned, whose removal has been proposed (it may
   * be applied by some members before damage is noticed), or that has itself
   * applied its removal,
   * no longer helps a set it still belongs to in another node's view: it
   * cannot campaign, and its log may be ahead of every candidate's.
   */
  private isLeaving(id: NodeId): boolean {
    const n = this.nodes.get(id);
    if (!n || n.decommissioned || this.removalProposed.has(id)) return true;
    if (!n.up) return false;
    const cs = n.appliedConfState();
    return !cs.voters.includes(id) && !cs.votersOutgoing.includes(id);
  }

  /** A damaged node counts until its cleared repair flag is durable. */
  refreshDamaged(): void {
    for (const id of [...this.damaged]) {
      const n = this.nodes.get(id);
      if (!n || n.decommissioned || (n.up && !n.disk.needsRepair())) this.damaged.delete(id);
    }
  }

  get down(): number {
    return this.downUntil.size;
  }
}
