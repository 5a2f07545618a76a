// The clients: they propose unique payloads to whichever node they believe
// leads (following not-leader hints), and read through lease reads and
// read-index reads. A proposal is acknowledged when the node that accepted
// it applies an entry with the index and term it promised — the moment a
// real broker would answer the producer — and the ack is recorded for the
// read and durability checkers.

import { type NodeId, ReadOnlyOption, Role } from '../../src/index.js';
import { InvariantViolation } from './checkers/index.js';
import type { Cluster } from './cluster.js';
import type { SimContext } from './context.js';
import type { SimOptions } from './options.js';
import type { Prng } from './prng.js';
import { encodePayload } from './state-machine.js';

/**
 * Bound on the clients' unacknowledged proposals, over all nodes: real
 * producers have bounded in-flight requests, and an unbounded backlog on a
 * leader that cannot commit would make the liveness bound meaningless.
 */
const OUTSTANDING_MAX = 32;
/** A client gives up on a proposal after this many election timeouts. */
const TIMEOUT_ELECTIONS = 4;

interface Pending {
  readonly id: number;
  readonly term: number;
  readonly proposedAtTick: number;
}

export class Workload {
  private nextId = 1;
  private pending = new Map<NodeId, Map<number, Pending>>();
  private hint: NodeId = 0;
  counts = { proposed: 0, refused: 0, acked: 0, leaseReads: 0, readIndexReads: 0 };
  /** The id of the liveness probe once proposed, and whether it was acked. */
  probe: { id: number; acked: boolean; node: NodeId; proposedAtTick: number } | null = null;

  constructor(
    private readonly ctx: SimContext,
    private readonly cluster: Cluster,
    private readonly rng: Prng,
    private readonly opts: SimOptions,
  ) {}

  step(): void {
    if (this.rng.chance(this.opts.proposeProbability)) this.propose(this.rng.range(1, 3));
    if (this.rng.chance(this.opts.readProbability)) this.read();
  }

  /** Proposes `count` entries (a batch when > 1) on the hinted leader or a random node. */
  propose(count: number): number | null {
    if (this.outstanding() + count > OUTSTANDING_MAX) return null;
    const responsive = this.cluster.responsive();
    if (responsive.length === 0) return null;
    const target = responsive.find((n) => n.id === this.hint) ?? this.rng.pick(responsive);
    target.catchUpClock();
    const ids = Array.from({ length: count }, () => this.nextId++);
    const data = ids.map((id) => encodePayload(id, this.rng.int(48)));
    const r = count === 1 ? target.raft!.propose(data[0]!) : target.raft!.proposeBatch(data);
    if (!r.ok) {
      this.counts.refused++;
      this.hint = r.leader;
      return null;
    }
    this.hint = target.id;
    if (r.lastIndex - r.firstIndex + 1 !== count) {
      throw new InvariantViolation(
        'propose-result',
        `batch of ${count} got [${r.firstIndex}, ${r.lastIndex}]`,
      );
    }
    let byIndex = this.pending.get(target.id);
    if (!byIndex) {
      byIndex = new Map();
      this.pending.set(target.id, byIndex);
    }
    for (const [i, id] of ids.entries()) {
      byIndex.set(r.firstIndex + i, { id, term: r.term, proposedAtTick: this.ctx.now });
    }
    this.counts.proposed += count;
    this.ctx.trace.event(
      this.ctx.now,
      target.id,
      'propose',
      () => `ids=${ids} at=${r.firstIndex} term=${r.term}`,
    );
    return ids[0]!;
  }

  private read(): void {
    const responsive = this.cluster.responsive();
    if (responsive.length === 0) return;
    // Clients route by a possibly stale shard map: any node that believes it
    // leads may get the lease read, including a deposed leader that has not
    // heard of its successor yet.
    const leaders = responsive.filter((n) => n.role === Role.Leader);
    const leader = leaders.length > 0 ? this.rng.pick(leaders) : undefined;
    leader?.catchUpClock();
    if (leader?.up && this.opts.raft.readOnlyOption === ReadOnlyOption.LeaseBased && this.rng.chance(0.7)) {
      if (leader.reads.lease(leader.raft!, (i) => leader.termAt(i))) {
        this.counts.leaseReads++;
        leader.reads.serveUpTo(leader.appliedIndex);
        return;
      }
    }
    const n = this.rng.pick(responsive);
    n.catchUpClock();
    n.reads.readIndex(n.raft!);
    this.counts.readIndexReads++;
  }

  /** Called for every applied entry: acks the proposal made at that node for that index. */
  onApplied(node: NodeId, index: number, term: number, payloadId: number): void {
    const byIndex = this.pending.get(node);
    const p = byIndex?.get(index);
    if (!p) return;
    byIndex!.delete(index);
    if (p.term !== term) return; // Overwritten by a later leader: the proposal failed, not acked.
    if (p.id !== payloadId) {
      throw new InvariantViolation(
        'propose-result',
        `node ${node} promised write ${p.id} at index ${index} term ${term} but applied payload ${payloadId} there`,
      );
    }
    const seq = this.ctx.nextSeq();
    this.ctx.checkers.reads.observeAck(seq, index);
    this.ctx.checkers.durability.observeAck(p.id, index);
    this.counts.acked++;
    if (this.probe && this.probe.id === p.id) {
      this.probe.acked = true;
      this.probe.node = node;
    }
    this.ctx.trace.event(this.ctx.now, node, 'ack', () => `id=${p.id} index=${index}`);
  }

  /** A crashed node's clients lose their connections: their pending proposals are abandoned. */
  onCrash(node: NodeId): void {
    this.pending.delete(node);
  }

  /** The liveness phase's probe: one proposal that must be acked in time; retried until accepted. */
  stepProbe(): void {
    const p = this.probe;
    // A client retries a probe that was lost with its leader, or that took an election timeout.
    const retryAt = p ? p.proposedAtTick + 2 * this.opts.raft.electionTick : 0;
    if (p && (p.acked || (this.isPending(p.id) && this.ctx.now < retryAt))) return;
    const id = this.propose(1);
    if (id !== null) this.probe = { id, acked: false, node: 0, proposedAtTick: this.ctx.now };
  }

  /** Pending proposals after dropping those the clients timed out on. */
  private outstanding(): number {
    const deadline = this.ctx.now - TIMEOUT_ELECTIONS * this.opts.raft.electionTick;
    let n = 0;
    for (const byIndex of this.pending.values()) {
      for (const [index, p] of byIndex) {
        if (p.proposedAtTick < deadline) byIndex.delete(index);
        else n++;
      }
    }
    return n;
  }

  private isPending(id: number): boolean {
    for (const byIndex of this.pending.values())
      for (const p of byIndex.values()) if (p.id === id) return true;
    return false;
  }
}
