// Membership changes and leadership transfers, driven by the seed during
// the safety phase: add a learner (a fresh node with an empty disk) → let it
// catch up → promote it; remove a voter; joint changes (add + remove at
// once, leaving automatically or by an explicit empty change); hand
// leadership to a named voter. The group never shrinks below three voters,
// and never shrinks while a damaged node is unrepaired (a smaller group
// tolerates less damage).

import { type ConfChange, ConfChangeType, type NodeId } from '../../src/index.js';
import { type Cluster, members } from './cluster.js';
import type { SimContext } from './context.js';
import type { SimOptions } from './options.js';
import type { Prng } from './prng.js';
import type { SimNode } from './sim-node.js';

/** How many nodes may ever join beyond the initial group (ids are never reused). */
const JOINERS_MAX = 3;
/** A learner this close to the leader's commit counts as caught up. */
const CAUGHT_UP_LAG_MAX = 2;
const VOTERS_MIN = 3;

export class Membership {
  counts = { proposed: 0, refused: 0, transfers: 0, decommissioned: 0 };
  private nextId: NodeId;
  private readonly idLimit: NodeId;
  /** Nodes that have appeared in a committed membership (so absence later means removal). */
  private everMember = new Set<NodeId>();

  constructor(
    private readonly ctx: SimContext,
    private readonly cluster: Cluster,
    private readonly rng: Prng,
    private readonly opts: SimOptions,
    initial: readonly NodeId[],
  ) {
    this.nextId = Math.max(...initial) + 1;
    this.idLimit = this.nextId + JOINERS_MAX;
    for (const id of initial) this.everMember.add(id);
  }

  step(): void {
    this.decommissionRemoved();
    if (this.rng.chance(this.opts.transferProbability)) this.transfer();
    if (this.rng.chance(this.opts.confChangeProbability)) this.change();
  }

  private transfer(): void {
    const leader = this.cluster.leader();
    if (!leader) return;
    leader.catchUpClock();
    if (!leader.raft) return;
    const voters = leader.appliedConfState().voters.filter((v) => v !== leader.id);
    if (voters.length === 0) return;
    const to = this.rng.pick(voters);
    this.counts.transfers++;
    this.ctx.trace.event(this.ctx.now, leader.id, 'transfer', () => `to=${to}`);
    leader.raft!.transferLeadership(to);
  }

  private change(): void {
    const leader = this.cluster.leader();
    if (!leader) return;
    leader.catchUpClock();
    const cc = this.chooseChange(leader);
    if (!cc) return;
    const r = leader.raft!.proposeConfChange(cc);
    if (r.ok) {
      this.counts.proposed++;
      for (const c of cc.changes) {
        if (c.type === ConfChangeType.RemoveVoter) this.cluster.removalProposed.add(c.nodeId);
      }
    } else this.counts.refused++;
    this.ctx.trace.event(this.ctx.now, leader.id, 'conf-propose', () => `${JSON.stringify(cc)} ok=${r.ok}`);
  }

  private chooseChange(leader: SimNode): ConfChange | null {
    const cs = leader.appliedConfState();
    if (cs.votersOutgoing.length > 0) return { changes: [], transition: 'auto' };
    const caughtUp = this.caughtUpLearners(leader, cs.learners);
    const canShrink = cs.voters.length > VOTERS_MIN && this.cluster.damaged.size === 0;
    const options: (() => ConfChange | null)[] = [];
    if (this.nextId < this.idLimit) {
      options.push(() => this.addLearner());
    }
    if (caughtUp.length > 0) {
      options.push(() => ({
        changes: [{ type: ConfChangeType.AddVoter, nodeId: this.rng.pick(caughtUp) }],
        transition: 'auto',
      }));
    }
    if (canShrink) {
      options.push(() => ({
        changes: [{ type: ConfChangeType.RemoveVoter, nodeId: this.rng.pick(cs.voters) }],
        transition: 'auto',
      }));
    }
    if (caughtUp.length > 0 && cs.voters.length >= VOTERS_MIN && this.cluster.damaged.size === 0) {
      options.push(() => ({
        changes: [
          { type: ConfChangeType.AddVoter, nodeId: this.rng.pick(caughtUp) },
          { type: ConfChangeType.RemoveVoter, nodeId: this.rng.pick(cs.voters) },
        ],
        transition: this.rng.chance(0.5) ? 'auto' : 'explicit',
      }));
    }
    return options.length === 0 ? null : this.rng.pick(options)();
  }

  /** Starts a fresh node (empty disk, no membership) and proposes it as a learner. */
  private addLearner(): ConfChange {
    const id = this.nextId++;
    this.cluster.add(id, null).start();
    return { changes: [{ type: ConfChangeType.AddLearner, nodeId: id }], transition: 'auto' };
  }

  private caughtUpLearners(leader: SimNode, learners: readonly NodeId[]): NodeId[] {
    if (learners.length === 0) return [];
    const st = leader.raft!.status();
    return learners.filter((id) => {
      const p = st.progress?.get(id);
      const n = this.cluster.nodes.get(id);
      return (
        p !== undefined && n?.up && !this.cluster.damaged.has(id) && p.match + CAUGHT_UP_LAG_MAX >= st.commit
      );
    });
  }

  /**
   * A node removed by a committed change is shut down for good, once every
   * live member has applied its removal (an operator waits for that too:
   * a member that has not applied it still counts the removed node in its
   * quorum).
   */
  private decommissionRemoved(): void {
    const now = members(this.cluster.committedConf());
    if (now.length === 0) return;
    for (const id of now) this.everMember.add(id);
    const live = this.cluster.live().filter((n) => now.includes(n.id));
    for (const n of this.cluster.nodes.values()) {
      if (n.decommissioned || !this.everMember.has(n.id) || now.includes(n.id)) continue;
      if (live.some((m) => members(m.appliedConfState()).includes(n.id))) continue;
      if (n.up) n.crash(0);
      this.cluster.downUntil.delete(n.id);
      n.decommissioned = true;
      this.counts.decommissioned++;
      this.ctx.trace.event(this.ctx.now, n.id, 'decommission');
    }
  }
}
