// Benchmarks of the Raft core alone: three in-process nodes over
// MemoryStorage, messages handed over in memory, no disk. Prints
//   - committed entries/s with 1 KiB entries, 64 proposals per Ready cycle
//     (as a batching driver does) and 1 proposal per cycle;
//   - CPU cost of 1,000 idle groups ticking: µs per tick of all 1,000
//     groups, where this node is a follower, and where it is the leader.
// Run: npm run bench -- raft
import { MemoryStorage, type Message, type RaftConfig, RawNode, ReadOnlyOption } from '../src/index.js';

function rng(seed: number) {
  let a = seed >>> 0;
  return {
    int(n: number): number {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
    },
  };
}

const cs = { voters: [1, 2, 3], learners: [], votersOutgoing: [], learnersNext: [], autoLeave: false };

function config(id: number, storage: MemoryStorage, seed: number): RaftConfig {
  return {
    id,
    storage,
    electionTick: 10,
    heartbeatTick: 1,
    applied: 0,
    maxSizePerMsgBytes: 1 << 20,
    maxInflightMsgs: 256,
    maxInflightBytes: 0,
    maxUncommittedEntriesBytes: 0,
    maxCommittedSizePerReadyBytes: 0,
    checkQuorum: true,
    preVote: true,
    readOnlyOption: ReadOnlyOption.Safe,
    leaseSafetyMarginTicks: 1,
    random: rng(seed * 31 + id),
  };
}

class Group {
  readonly nodes: RawNode[] = [];
  readonly storages: MemoryStorage[] = [];
  queue: Message[] = [];
  applied = 0;

  constructor(seed: number) {
    for (const id of [1, 2, 3]) {
      const s = new MemoryStorage({ confState: cs });
      this.storages.push(s);
      this.nodes.push(new RawNode(config(id, s, seed)));
    }
  }

  /** One driver pass: every node's Ready (persist, send, apply, advance), then deliver. */
  cycle(): void {
    for (let i = 0; i < 3; i++) {
      const n = this.nodes[i]!;
      if (!n.hasReady()) continue;
      const rd = n.ready();
      const s = this.storages[i]!;
      if (rd.entries.length > 0) s.append(rd.entries);
      if (rd.hardState) s.setHardState(rd.hardState);
      for (const m of rd.messages) this.queue.push(m);
      if (i === 0) this.applied += rd.committedEntries.length;
      n.advance(rd);
      // Keep memory flat: a real driver trims its log by retention.
      if (rd.committedEntries.length > 0 && s.lastIndex() - s.firstIndex() > 4096) {
        const last = rd.committedEntries[rd.committedEntries.length - 1]!.index;
        const upTo = Math.min(last, s.lastIndex()) - 1024;
        if (upTo > s.firstIndex()) {
          s.createSnapshot(upTo, cs, new Uint8Array());
          s.compact(upTo);
        }
      }
    }
    const q = this.queue;
    this.queue = [];
    for (const m of q) this.nodes[m.to - 1]!.step(m);
  }

  settle(): void {
    for (let i = 0; i < 100 && (this.queue.length > 0 || this.nodes.some((n) => n.hasReady())); i++)
      this.cycle();
  }

  elect(): void {
    this.nodes[0]!.campaign();
    this.settle();
    if (this.nodes[0]!.status().role !== 'leader') throw new Error('node 1 did not become leader');
  }
}

function throughput(perCycle: number, durationMs: number): number {
  const g = new Group(1);
  g.elect();
  const data = new Uint8Array(1024);
  const batch = new Array<Uint8Array>(perCycle).fill(data);
  const leader = g.nodes[0]!;
  const start = performance.now();
  const base = g.applied;
  let now = start;
  while (now - start < durationMs) {
    for (let k = 0; k < 50; k++) {
      const r = perCycle === 1 ? leader.propose(data) : leader.proposeBatch(batch);
      if (!r.ok) throw new Error(`proposal refused: ${r.reason}`);
      g.cycle();
    }
    now = performance.now();
  }
  g.settle();
  return ((g.applied - base) * 1000) / (performance.now() - start);
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

/** Median over rounds (GC pauses from the untimed heartbeat traffic would skew a mean). */
function idleTicks(groups: number, rounds: number): { followerUs: number; leaderUs: number } {
  const gs: Group[] = [];
  for (let i = 0; i < groups; i++) {
    const g = new Group(i + 1);
    g.elect();
    gs.push(g);
  }
  const follower: number[] = [];
  const leader: number[] = [];
  for (let r = 0; r < rounds; r++) {
    let t0 = performance.now();
    for (const g of gs) g.nodes[1]!.tick();
    follower.push(performance.now() - t0);
    t0 = performance.now();
    for (const g of gs) g.nodes[0]!.tick();
    leader.push(performance.now() - t0);
    // Untimed: heartbeats and their answers flow, so followers stay followers.
    for (const g of gs) {
      g.nodes[2]!.tick();
      g.settle();
    }
  }
  return { followerUs: median(follower) * 1000, leaderUs: median(leader) * 1000 };
}

const ms = Number(process.env.RAFT_BENCH_MS ?? 2000);
throughput(64, 300); // warm-up
const batched = throughput(64, ms);
const single = throughput(1, ms);
console.log(
  `committed entries/s, 1 KiB entries, 3 nodes, 64 proposals per Ready cycle: ${Math.round(batched).toLocaleString('en-US')} entries/s (${(batched / 1024).toFixed(1)} MiB/s)`,
);
console.log(
  `committed entries/s, 1 KiB entries, 3 nodes, 1 proposal per Ready cycle:   ${Math.round(single).toLocaleString('en-US')} entries/s`,
);
idleTicks(100, 20); // warm-up
const idle = idleTicks(1000, 60);
console.log(
  `1,000 idle groups, this node follower: ${idle.followerUs.toFixed(1)} µs per tick of all groups, median (${((idle.followerUs * 1000) / 1000).toFixed(0)} ns per group)`,
);
console.log(
  `1,000 idle groups, this node leader (heartbeats to 2 peers): ${idle.leaderUs.toFixed(1)} µs per tick of all groups, median (${((idle.leaderUs * 1000) / 1000).toFixed(0)} ns per group)`,
);
