// The simulated network: every message becomes a packet with a delivery
// tick drawn from its link's latency distribution, so reordering falls out
// of the jitter. Packets may be lost or duplicated, and links may be cut by
// partitions (symmetric, one-way, or a bridge where one node still talks to
// both sides). A packet is checked against the partitions when it is sent
// and again when it arrives, so a partition also catches packets in flight.

import type { Message, NodeId } from '../../src/index.js';
import type { Prng } from './prng.js';

export interface NetworkFaults {
  /** Probability that a packet is dropped. */
  lossProbability: number;
  /** Probability that a packet is delivered twice (the copy takes its own delay). */
  duplicateProbability: number;
}

export type PartitionKind = 'symmetric' | 'one-way' | 'bridge';

export interface Packet {
  readonly deliverAtTick: number;
  readonly seq: number;
  readonly msg: Message;
}

/** Bound on packets in flight; past it the network drops, as a full socket buffer would. */
const IN_FLIGHT_MAX = 20_000;

export class SimNetwork {
  private heap: Packet[] = [];
  private seq = 0;
  /** Per directed link (from * 1000 + to): base latency in ticks; jitter is added per packet. */
  private latencyBase = new Map<number, number>();
  private blocked = new Set<number>();
  faults: NetworkFaults = { lossProbability: 0, duplicateProbability: 0 };
  latencyMaxTicks: number;
  jitterMaxTicks: number;
  stats = { sent: 0, delivered: 0, lost: 0, duplicated: 0, cut: 0 };

  constructor(
    private readonly rng: Prng,
    opts: { latencyMaxTicks: number; jitterMaxTicks: number },
  ) {
    this.latencyMaxTicks = opts.latencyMaxTicks;
    this.jitterMaxTicks = opts.jitterMaxTicks;
  }

  private link(from: NodeId, to: NodeId): number {
    return from * 1000 + to;
  }

  private latency(from: NodeId, to: NodeId): number {
    const key = this.link(from, to);
    let base = this.latencyBase.get(key);
    if (base === undefined) {
      base = this.rng.int(this.latencyMaxTicks + 1);
      this.latencyBase.set(key, base);
    }
    return base + this.rng.int(this.jitterMaxTicks + 1);
  }

  isCut(from: NodeId, to: NodeId): boolean {
    return this.blocked.has(this.link(from, to));
  }

  send(msg: Message, nowTick: number): 'queued' | 'lost' | 'cut' {
    this.stats.sent++;
    if (this.isCut(msg.from, msg.to)) {
      this.stats.cut++;
      return 'cut';
    }
    if (this.rng.chance(this.faults.lossProbability) || this.heap.length >= IN_FLIGHT_MAX) {
      this.stats.lost++;
      return 'lost';
    }
    this.push({ deliverAtTick: nowTick + this.latency(msg.from, msg.to), seq: this.seq++, msg });
    if (this.rng.chance(this.faults.duplicateProbability)) {
      this.stats.duplicated++;
      this.push({ deliverAtTick: nowTick + this.latency(msg.from, msg.to), seq: this.seq++, msg });
    }
    return 'queued';
  }

  /** Packets due at or before `nowTick`, in (tick, send order); cut links drop theirs. */
  deliver(nowTick: number, out: (m: Message) => void, onCut: (m: Message) => void): void {
    while (this.heap.length > 0 && this.heap[0]!.deliverAtTick <= nowTick) {
      const p = this.pop();
      if (this.isCut(p.msg.from, p.msg.to)) {
        this.stats.cut++;
        onCut(p.msg);
        continue;
      }
      this.stats.delivered++;
      out(p.msg);
    }
  }

  inFlight(): number {
    return this.heap.length;
  }

  // ---- Partitions ----

  cut(from: NodeId, to: NodeId): void {
    this.blocked.add(this.link(from, to));
  }

  /** Splits `nodes` by kind; returns a description for the trace. */
  partition(kind: PartitionKind, nodes: readonly NodeId[]): string {
    const shuffled = [...nodes];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = this.rng.int(i + 1);
      [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
    }
    const cutAt = 1 + this.rng.int(Math.max(1, shuffled.length - 1));
    const a = shuffled.slice(0, cutAt);
    const b = shuffled.slice(cutAt);
    if (kind === 'bridge' && b.length >= 2) {
      // The bridge node (b[0]) keeps both sides; the sides cannot reach each other.
      const [bridge, ...rest] = b;
      for (const x of a) for (const y of rest) this.cutBoth(x, y);
      return `bridge ${bridge} between [${a}] and [${rest}]`;
    }
    if (kind === 'one-way') {
      for (const x of a) for (const y of b) this.cut(x, y);
      return `one-way [${a}] -/-> [${b}]`;
    }
    for (const x of a) for (const y of b) this.cutBoth(x, y);
    return `symmetric [${a}] | [${b}]`;
  }

  private cutBoth(x: NodeId, y: NodeId): void {
    this.cut(x, y);
    this.cut(y, x);
  }

  heal(): void {
    this.blocked.clear();
  }

  isPartitioned(): boolean {
    return this.blocked.size > 0;
  }

  // ---- A binary min-heap on (deliverAtTick, seq): deterministic order ----

  private less(x: Packet, y: Packet): boolean {
    return x.deliverAtTick < y.deliverAtTick || (x.deliverAtTick === y.deliverAtTick && x.seq < y.seq);
  }

  private push(p: Packet): void {
    const h = this.heap;
    h.push(p);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(h[i]!, h[parent]!)) break;
      [h[i], h[parent]] = [h[parent]!, h[i]!];
      i = parent;
    }
  }

  private pop(): Packet {
    const h = this.heap;
    const top = h[0]!;
    const last = h.pop()!;
    if (h.length > 0) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && this.less(h[l]!, h[m]!)) m = l;
        if (r < h.length && this.less(h[r]!, h[m]!)) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m]!, h[i]!];
        i = m;
      }
    }
    return top;
  }
}
