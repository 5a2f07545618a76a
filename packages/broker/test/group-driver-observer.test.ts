// GroupDriver's optional observer (the server's Raft timings): a
// single-voter group over MemoryStorage whose persist takes a few ms.
// With an observer, each proposal is timed to its commit once, and each
// Ready that persists entries is one append with its entry count; a
// proposal made while no observer is set is never reported, even when one
// is set before it commits.
import { MemoryStorage, RawNode, ReadOnlyOption } from '@rheo/raft';
import { describe, expect, it } from 'vitest';
import { GroupDriver, type GroupIo, type GroupObserver } from '../src/group-driver.js';

function singleVoter(storage: MemoryStorage): RawNode {
  return new RawNode({
    id: 1,
    electionTick: 10,
    heartbeatTick: 1,
    storage,
    applied: 0,
    maxSizePerMsgBytes: 1 << 20,
    maxInflightMsgs: 64,
    maxInflightBytes: 0,
    maxUncommittedEntriesBytes: 0,
    maxCommittedSizePerReadyBytes: 0,
    checkQuorum: false,
    preVote: false,
    readOnlyOption: ReadOnlyOption.Safe,
    leaseSafetyMarginTicks: 1,
    random: { int: () => 0 },
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('GroupDriver observer', () => {
  it('times proposals to commit and Readies to durable, only while an observer is set', async () => {
    const storage = new MemoryStorage({
      confState: { voters: [1], learners: [], votersOutgoing: [], learnersNext: [], autoLeave: false },
    });
    const n = singleVoter(storage);
    const appended: Array<[number, number]> = [];
    const committed: number[] = [];
    const recorder: GroupObserver = {
      appended: (s, entries) => appended.push([s, entries]),
      committed: (s) => committed.push(s),
    };
    let observer: GroupObserver | undefined;
    const io: GroupIo = {
      persist: async (w) => {
        await sleep(5);
        if (w.entries.length > 0) storage.append(w.entries);
        if (w.hardState) storage.setHardState(w.hardState);
      },
      send: () => {},
      apply: () => {},
      onFatal: (e) => {
        throw e;
      },
      observer: () => observer,
    };
    const d = new GroupDriver(1, n, io);
    n.campaign();
    d.kick();
    while (!d.isLeader) await sleep(1);
    await sleep(20);

    // No observer: nothing is timed.
    expect(d.propose(Uint8Array.of(0)).ok).toBe(true);
    await sleep(30);
    expect({ appended, committed }).toEqual({ appended: [], committed: [] });

    observer = recorder;
    for (let i = 1; i <= 3; i++) expect(d.propose(Uint8Array.of(i)).ok).toBe(true);
    await sleep(50);
    expect(committed).toHaveLength(3);
    for (const s of committed) {
      expect(s).toBeGreaterThanOrEqual(0.004); // at least the persist's 5 ms (timer slack aside)
      expect(s).toBeLessThan(1);
    }
    expect(appended.reduce((sum, [, entries]) => sum + entries, 0)).toBe(3);
    for (const [s] of appended) expect(s).toBeGreaterThanOrEqual(0.004);

    // Proposed untimed, committed with an observer set: not reported.
    observer = undefined;
    expect(d.propose(Uint8Array.of(9)).ok).toBe(true);
    observer = recorder;
    await sleep(30);
    expect(committed).toHaveLength(3);
    await d.stop();
  });
});
