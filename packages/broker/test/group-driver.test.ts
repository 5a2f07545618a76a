// GroupDriver against a real RawNode over MemoryStorage, with a manual
// scheduler and persistence the test releases by hand. Proven here:
//  - inputs of one turn (proposals, messages) land in ONE Ready: one persist;
//  - at most one Ready is in flight: proposals made while a persist is
//    pending are all carried by the next Ready, never by an overlapping one;
//  - the sending rule: a leader's Apps leave before its own persist
//    resolves, a follower's append answers only after its persist;
//  - the applying rule: committed entries persisted by earlier Readies are
//    applied while the current Ready's write is under way; its own only after;
//  - an idle follower's tick schedules no work; stop() waits for the Ready
//    in flight; a failing persist stops the loop and reports it once;
//  - with several Readies in flight (maxReadiesInFlight > 1): a new Ready's
//    write is submitted while the last is pending, a follower's answers of a
//    later Ready wait for every earlier write, and applies and advances keep
//    the order the Readies were handed out.
import {
  MemoryStorage,
  type Message,
  MessageType,
  newMessage,
  RawNode,
  ReadOnlyOption,
  Role,
} from '@rheo/raft';
import { describe, expect, it } from 'vitest';
import { GroupDriver, type GroupIo, type PersistWork } from '../src/group-driver.js';

function node(
  id: number,
  voters: number[],
  storage = new MemoryStorage({ confState: conf(voters) }),
  maxReadiesInFlight = 1,
): RawNode {
  return new RawNode({
    id,
    electionTick: 10,
    heartbeatTick: 1,
    storage,
    applied: 0,
    maxSizePerMsgBytes: 1 << 20,
    maxInflightMsgs: 64,
    maxInflightBytes: 0,
    maxUncommittedEntriesBytes: 0,
    maxCommittedSizePerReadyBytes: 0,
    checkQuorum: true,
    preVote: false,
    readOnlyOption: ReadOnlyOption.Safe,
    leaseSafetyMarginTicks: 1,
    maxReadiesInFlight,
    random: { int: () => 0 },
  });
}

function conf(voters: number[]) {
  return { voters, learners: [], votersOutgoing: [], learnersNext: [], autoLeave: false };
}

/** A manual event loop and an I/O recorder whose persists resolve when the test says so. */
class Rig {
  readonly turns: Array<() => void> = [];
  readonly persists: PersistWork[] = [];
  readonly releases: Array<() => void> = [];
  readonly log: string[] = [];
  readonly sent: Message[] = [];
  readonly fatal: unknown[] = [];
  readonly storage: MemoryStorage;
  autoPersist = true;
  failPersist = false;
  readonly io: GroupIo;

  constructor(storage: MemoryStorage) {
    this.storage = storage;
    this.io = {
      persist: (w) => {
        this.persists.push(w);
        this.log.push(`persist ${w.entries.length}`);
        if (this.failPersist) return Promise.reject(new Error('disk full'));
        return new Promise<void>((resolve) => {
          const done = () => {
            if (w.entries.length > 0) this.storage.append(w.entries);
            if (w.hardState) this.storage.setHardState(w.hardState);
            this.log.push('persisted');
            resolve();
          };
          if (this.autoPersist) done();
          else this.releases.push(done);
        });
      },
      send: (msgs) => {
        for (const m of msgs) this.log.push(`send ${m.type}`);
        this.sent.push(...msgs);
      },
      apply: (_snap, entries) => {
        this.log.push(`apply ${entries.map((e) => e.index).join(',')}`);
      },
      onFatal: (e) => this.fatal.push(e),
    };
  }

  schedule = (fn: () => void) => this.turns.push(fn);

  async run(): Promise<void> {
    // Let promise chains (a released persist) run too: stop after a few idle turns.
    for (let i = 0, idle = 0; i < 200 && idle < 3; i++) {
      const fn = this.turns.shift();
      idle = fn === undefined ? idle + 1 : 0;
      fn?.();
      await new Promise((r) => setImmediate(r));
    }
  }
}

function singleLeader(readies = 1): { rig: Rig; d: GroupDriver; n: RawNode } {
  const storage = new MemoryStorage({ confState: conf([1]) });
  const n = node(1, [1], storage, readies);
  const rig = new Rig(storage);
  const d = new GroupDriver(1, n, rig.io, rig.schedule);
  n.campaign();
  d.kick();
  return { rig, d, n };
}

describe('GroupDriver', () => {
  it('puts everything proposed in one turn in one Ready', async () => {
    const { rig, d, n } = singleLeader();
    await rig.run();
    expect(n.status().role).toBe(Role.Leader);
    const before = rig.persists.length;
    for (let i = 0; i < 10; i++) expect(d.propose(new Uint8Array([i])).ok).toBe(true);
    await rig.run();
    const withEntries = rig.persists.slice(before).filter((w) => w.entries.length > 0);
    expect(withEntries.map((w) => w.entries.length)).toEqual([10]);
  });

  it('keeps one Ready in flight (the default); what arrives meanwhile rides the next one', async () => {
    const { rig, d } = singleLeader();
    await rig.run();
    rig.autoPersist = false;
    d.propose(new Uint8Array([1]));
    await rig.run();
    expect(rig.releases.length).toBe(1);
    for (let i = 0; i < 5; i++) d.propose(new Uint8Array([2]));
    await rig.run();
    expect(rig.releases.length).toBe(1); // no overlapping persist
    rig.autoPersist = true;
    rig.releases.shift()!();
    await rig.run();
    const sizes = rig.persists.map((w) => w.entries.length).filter((x) => x > 0);
    expect(sizes.slice(-2)).toEqual([1, 5]);
  });

  it('applies entries committed by earlier Readies while the next write is under way', async () => {
    const { rig, d, n } = singleLeader();
    await rig.run();
    rig.autoPersist = false;
    const first = d.propose(new Uint8Array([1]));
    await rig.run();
    expect(rig.releases.length).toBe(1);
    d.propose(new Uint8Array([2]));
    rig.log.length = 0;
    rig.releases.shift()!(); // the first entry is on disk: the lone voter commits it
    await rig.run();
    // The next Ready carries the second entry (its write held) and the first as committed.
    expect(rig.releases.length).toBe(1);
    const firstIndex = first.ok ? first.lastIndex : -1;
    expect(rig.log).toEqual(['persisted', 'persist 1', `apply ${firstIndex}`]);
    rig.autoPersist = true;
    rig.releases.shift()!();
    await rig.run();
    // The second entry is applied only after its own write.
    expect(rig.log.indexOf(`apply ${firstIndex + 1}`)).toBeGreaterThan(rig.log.lastIndexOf('persisted'));
    expect(n.status().applied).toBe(firstIndex + 1);
  });

  it('pipelined: the next write goes while the last is pending; applies follow the writes, in order', async () => {
    const { rig, d, n } = singleLeader(4);
    await rig.run();
    rig.autoPersist = false;
    const a = d.propose(new Uint8Array([1]));
    await rig.run();
    for (let i = 0; i < 3; i++) d.propose(new Uint8Array([2]));
    await rig.run();
    // Two writes pending at once, each with only its own entries.
    expect(rig.releases.length).toBe(2);
    expect(rig.persists.slice(-2).map((w) => w.entries.length)).toEqual([1, 3]);
    const first = a.ok ? a.lastIndex : -1;
    rig.log.length = 0;
    rig.releases.shift()!();
    await rig.run();
    // The first entry is durable on the lone voter: committed and applied while the second write is pending.
    expect(rig.log).toContain(`apply ${first}`);
    expect(rig.log.join(' ')).not.toContain(`${first + 1}`);
    // The rest in submission order, as the node's FIFO writer makes them durable.
    rig.autoPersist = true;
    while (rig.releases.length > 0) {
      rig.releases.shift()!();
      await rig.run();
    }
    const applies = rig.log.filter((l) => l.startsWith('apply'));
    expect(
      applies
        .join(',')
        .split(/[ ,]/)
        .filter((x) => /^\d+$/.test(x))
        .map(Number),
    ).toEqual([first, first + 1, first + 2, first + 3]);
    expect(n.status().applied).toBe(first + 3);
    expect(rig.fatal).toEqual([]);
  });

  it("pipelined: a follower's answer in a later Ready waits for the earlier write", async () => {
    const { rig, d } = singleLeader();
    await rig.run();
    d.propose(new Uint8Array([7]));
    await rig.run();
    // An App from a three-node leader, built by hand from the single leader's log.
    const fs = new MemoryStorage({ confState: conf([1, 2, 3]) });
    const f = node(2, [1, 2, 3], fs, 4);
    const frig = new Rig(fs);
    frig.autoPersist = false;
    const fd = new GroupDriver(2, f, frig.io, frig.schedule);
    const entries = rig.storage.entries(1, rig.storage.lastIndex() + 1, Number.MAX_SAFE_INTEGER);
    const term = entries[entries.length - 1]!.term;
    const app = newMessage({ type: MessageType.App, from: 1, to: 2, term, entries: [...entries] });
    fd.step(app);
    await frig.run();
    expect(frig.releases.length).toBe(1);
    // The same App again: nothing new to write, only an answer, in a second Ready.
    fd.step(app);
    await frig.run();
    expect(frig.sent.filter((m) => m.type === MessageType.AppResp)).toEqual([]);
    frig.releases.shift()!();
    await frig.run();
    while (frig.releases.length > 0) {
      frig.releases.shift()!();
      await frig.run();
    }
    const answers = frig.sent.filter((m) => m.type === MessageType.AppResp);
    expect(answers.length).toBeGreaterThanOrEqual(2);
    expect(frig.log.indexOf('persisted')).toBeLessThan(frig.log.indexOf(`send ${MessageType.AppResp}`));
    expect(frig.fatal).toEqual([]);
  });

  it('pipelined: a failed write is fatal once and nothing behind it is answered or applied', async () => {
    const { rig, d } = singleLeader(4);
    await rig.run();
    rig.autoPersist = false;
    d.propose(new Uint8Array([1]));
    await rig.run();
    d.propose(new Uint8Array([2]));
    await rig.run();
    expect(rig.releases.length).toBe(2);
    rig.failPersist = true;
    d.propose(new Uint8Array([3]));
    await rig.run();
    rig.log.length = 0;
    rig.releases.shift()!();
    rig.releases.shift()!();
    await rig.run();
    expect(rig.fatal.length).toBe(1);
    // The two good writes were applied; the failed third never is.
    expect(rig.log.filter((l) => l.startsWith('apply')).length).toBeLessThanOrEqual(2);
    await d.stop();
  });

  it("sends a leader's appends before its persist and a follower's answers after", async () => {
    const storage = new MemoryStorage({ confState: conf([1, 2, 3]) });
    const n = node(1, [1, 2, 3], storage);
    const rig = new Rig(storage);
    const d = new GroupDriver(1, n, rig.io, rig.schedule);
    n.campaign();
    d.kick();
    await rig.run();
    const vote = rig.sent.find((m) => m.type === MessageType.Vote)!;
    for (const from of [2, 3])
      d.step({
        ...vote,
        type: MessageType.VoteResp,
        from,
        to: 1,
        reject: false,
        entries: [],
        logTerm: 0,
        index: 0,
      });
    await rig.run();
    expect(n.status().role).toBe(Role.Leader);
    // The followers acknowledge the no-op, so the leader pipelines its next appends.
    const last = n.lastIndex();
    const term = n.status().term;
    for (const from of [2, 3])
      d.step({
        ...vote,
        type: MessageType.AppResp,
        from,
        to: 1,
        term,
        index: last,
        reject: false,
        entries: [],
        logTerm: 0,
      });
    await rig.run();
    rig.autoPersist = false;
    rig.log.length = 0;
    d.propose(new Uint8Array([9]));
    await rig.run();
    expect(rig.log[0]).toBe(`send ${MessageType.App}`);
    expect(rig.log).not.toContain('persisted');

    // A follower: its append answer waits for the persist.
    const fs = new MemoryStorage({ confState: conf([1, 2, 3]) });
    const f = node(2, [1, 2, 3], fs);
    const frig = new Rig(fs);
    frig.autoPersist = false;
    const fd = new GroupDriver(2, f, frig.io, frig.schedule);
    const app = rig.sent.filter((m) => m.type === MessageType.App && m.to === 2).pop()!;
    fd.step(app);
    await frig.run();
    expect(frig.sent.filter((m) => m.type === MessageType.AppResp)).toEqual([]);
    while (frig.releases.length > 0) {
      frig.releases.shift()!();
      await frig.run();
    }
    expect(frig.log.indexOf('persisted')).toBeLessThan(frig.log.indexOf(`send ${MessageType.AppResp}`));
  });

  it('an idle follower tick schedules nothing; stop waits; a failed persist is fatal once', async () => {
    const storage = new MemoryStorage({ confState: conf([1, 2, 3]) });
    const rig = new Rig(storage);
    const d = new GroupDriver(2, node(2, [1, 2, 3], storage), rig.io, rig.schedule);
    await rig.run();
    d.tick();
    expect(rig.turns.length).toBe(0);

    const s = singleLeader();
    await s.rig.run();
    s.rig.autoPersist = false;
    s.d.propose(new Uint8Array([1]));
    await s.rig.run();
    let stopped = false;
    const stopping = s.d.stop().then(() => {
      stopped = true;
    });
    await new Promise((r) => setImmediate(r));
    expect(stopped).toBe(false);
    s.rig.releases.shift()!();
    await stopping;
    expect(stopped).toBe(true);

    const f = singleLeader();
    await f.rig.run();
    f.rig.failPersist = true;
    f.d.propose(new Uint8Array([1]));
    f.d.propose(new Uint8Array([2]));
    await f.rig.run();
    expect(f.rig.fatal.length).toBe(1);
    expect(f.d.propose(new Uint8Array([3])).ok).toBe(true); // the core still takes it; nothing drives it
    f.d.kick();
    await f.rig.run();
    expect(f.rig.fatal.length).toBe(1);
  });
});
