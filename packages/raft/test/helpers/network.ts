// A tiny deterministic in-test network of RawNodes over MemoryStorage. It
// plays the driver exactly as types.ts `Ready` prescribes (persist, send,
// apply, advance) and delivers messages in FIFO order, with per-link cuts.
// Scenario tests use it; the seeded simulator in test/sim/ is separate.
import {
  type ConfState,
  decodeConfChange,
  type Entry,
  EntryType,
  MemoryStorage,
  type Message,
  type MessageType,
  type NodeId,
  type RaftConfig,
  RawNode,
  ReadOnlyOption,
  type ReadState,
} from '../../src/index.js';
import { seededRandom } from './random.js';

export type ConfigOverrides = Partial<Omit<RaftConfig, 'id' | 'storage' | 'random'>>;

export interface Member {
  readonly id: NodeId;
  node: RawNode;
  storage: MemoryStorage;
  /** Entries applied, in order (no-ops included). */
  applied: Entry[];
  readStates: ReadState[];
  confState: ConfState;
  repairedReported: boolean;
}

export function confState(voters: NodeId[], learners: NodeId[] = []): ConfState {
  return { voters, learners, votersOutgoing: [], learnersNext: [], autoLeave: false };
}

export function baseConfig(
  id: NodeId,
  storage: MemoryStorage,
  seed: number,
  o: ConfigOverrides = {},
): RaftConfig {
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
    checkQuorum: false,
    preVote: false,
    readOnlyOption: ReadOnlyOption.Safe,
    leaseSafetyMarginTicks: 0,
    random: seededRandom(seed * 7919 + id),
    ...o,
  };
}

export class Network {
  readonly members = new Map<NodeId, Member>();
  /** Messages sent and not yet delivered, FIFO. */
  queue: Message[] = [];
  /** Cut links as "from->to". */
  private readonly cuts = new Set<string>();
  /** Optional filter: return false to drop a message in flight. */
  filter: ((m: Message) => boolean) | undefined = undefined;
  delivered: Message[] = [];

  constructor(
    ids: NodeId[],
    readonly overrides: ConfigOverrides = {},
    readonly seed = 1,
  ) {
    for (const id of ids) this.add(id, new MemoryStorage({ confState: confState(ids) }));
  }

  add(id: NodeId, storage: MemoryStorage, o: ConfigOverrides = {}): Member {
    const node = new RawNode(baseConfig(id, storage, this.seed, { ...this.overrides, ...o }));
    const m: Member = {
      id,
      node,
      storage,
      applied: [],
      readStates: [],
      confState: storage.initialState().confState,
      repairedReported: false,
    };
    this.members.set(id, m);
    return m;
  }

  /** Restarts a node from its storage (what survived), losing volatile state. */
  restart(id: NodeId, o: ConfigOverrides = {}): Member {
    const old = this.get(id);
    const applied = old.node.status().applied;
    const m = this.add(id, old.storage, { applied, ...o });
    m.applied = old.applied;
    return m;
  }

  get(id: NodeId): Member {
    const m = this.members.get(id);
    if (!m) throw new Error(`no member ${id}`);
    return m;
  }

  node(id: NodeId): RawNode {
    return this.get(id).node;
  }

  cut(a: NodeId, b: NodeId): void {
    this.cuts.add(`${a}->${b}`);
    this.cuts.add(`${b}->${a}`);
  }

  cutOneWay(from: NodeId, to: NodeId): void {
    this.cuts.add(`${from}->${to}`);
  }

  isolate(id: NodeId): void {
    for (const other of this.members.keys()) if (other !== id) this.cut(id, other);
  }

  heal(): void {
    this.cuts.clear();
  }

  /** Runs one Ready cycle on a node, as a driver would. */
  processReady(id: NodeId): boolean {
    const m = this.get(id);
    if (!m.node.hasReady()) return false;
    const rd = m.node.ready();
    if (rd.snapshot) m.storage.applySnapshot(rd.snapshot);
    if (rd.entries.length > 0) m.storage.append(rd.entries);
    if (rd.hardState) m.storage.setHardState(rd.hardState);
    for (const msg of rd.messages) this.queue.push(msg);
    if (rd.snapshot) m.confState = rd.snapshot.metadata.confState;
    for (const e of rd.committedEntries) {
      m.applied.push(e);
      if (e.type === EntryType.ConfChange) {
        const cc = decodeConfChange(e.data);
        if (cc) {
          m.confState = m.node.applyConfChange(cc);
          m.storage.setConfState(m.confState);
        }
      }
    }
    for (const rs of rd.readStates) m.readStates.push(rs);
    if (rd.repaired) m.repairedReported = true;
    m.node.advance(rd);
    return true;
  }

  /** Delivers queued messages and runs Ready cycles until quiet. Returns the number of rounds. */
  stabilize(maxRounds = 10_000): number {
    for (let round = 0; round < maxRounds; round++) {
      let busy = false;
      for (const id of this.members.keys()) busy = this.processReady(id) || busy;
      if (this.queue.length > 0) {
        busy = true;
        const msgs = this.queue;
        this.queue = [];
        for (const msg of msgs) this.deliver(msg);
      }
      if (!busy) return round;
    }
    throw new Error('network did not stabilize');
  }

  deliver(msg: Message): void {
    const to = this.members.get(msg.to);
    if (!to || this.cuts.has(`${msg.from}->${msg.to}`)) return;
    if (this.filter && !this.filter(msg)) return;
    this.delivered.push(msg);
    to.node.step(msg);
  }

  tick(ids: NodeId[] = [...this.members.keys()], times = 1): void {
    for (let i = 0; i < times; i++) {
      for (const id of ids) this.get(id).node.tick();
      this.stabilize();
    }
  }

  campaign(id: NodeId): void {
    this.node(id).campaign();
    this.stabilize();
  }

  leader(): NodeId | undefined {
    for (const [id, m] of this.members) if (m.node.status().role === 'leader') return id;
    return undefined;
  }

  propose(id: NodeId, text: string) {
    const r = this.node(id).propose(new TextEncoder().encode(text));
    this.stabilize();
    return r;
  }

  /** Applied application data (no-ops and conf changes left out) as strings. */
  data(id: NodeId): string[] {
    return this.get(id)
      .applied.filter((e) => e.type === EntryType.Normal && e.data.length > 0)
      .map((e) => new TextDecoder().decode(e.data));
  }

  sent(type: MessageType): Message[] {
    return this.delivered.filter((m) => m.type === type);
  }
}
