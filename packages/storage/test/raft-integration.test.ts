// Proves that the storage works under the real Raft core: three RawNodes in
// one process, each over its own NodeStore, driven by a minimal driver that
// follows the Ready contract (persist snapshot/entries/hard state through
// GroupLog.persist, then send, apply, persist the applied index, advance).
// A follower is taken down while the leader writes more than its entry
// cache holds, so catching it up reads the log back from LevelDB through the
// null → background load → onLoaded → notifyStorageLoaded path. Then every
// store is closed and reopened, the nodes are rebuilt from disk
// (initialState, applied), and writing continues. Every node must apply the
// same entries in the same order, and every log must hold them.

import { EMPTY_CONF_STATE, type Message, RawNode, ReadOnlyOption } from '@rheo/raft';
import { afterAll, describe, expect, it } from 'vitest';
import { type GroupLog, NodeStore } from '../src/index.js';
import { tempDir } from './helpers.js';

const IDS = [1, 2, 3];
const GROUP = 's/it/0';

interface Member {
  id: number;
  store: NodeStore;
  log: GroupLog;
  node: RawNode;
  applied: string[];
  up: boolean;
}

function seeded(seed: number) {
  let a = seed >>> 0;
  return {
    int: (n: number) => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = Math.imul(a ^ (a >>> 15), a | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
    },
  };
}

function rawNode(id: number, log: GroupLog): RawNode {
  return new RawNode({
    id,
    storage: log,
    electionTick: 10,
    heartbeatTick: 1,
    applied: log.applied(),
    maxSizePerMsgBytes: 64 * 1024,
    maxInflightMsgs: 16,
    maxInflightBytes: 0,
    maxUncommittedEntriesBytes: 0,
    maxCommittedSizePerReadyBytes: 64 * 1024,
    checkQuorum: false,
    preVote: false,
    readOnlyOption: ReadOnlyOption.Safe,
    leaseSafetyMarginTicks: 0,
    random: seeded(id),
  });
}

async function openMember(id: number, dir: string, applied: string[]): Promise<Member> {
  // A 64 KiB entry cache: catching up a follower must go to disk.
  const store = await NodeStore.open(dir, { cacheBytesMax: 64 * 1024 });
  const log = await store.openGroup(GROUP, { confState: { ...EMPTY_CONF_STATE, voters: IDS } });
  const m: Member = { id, store, log, node: rawNode(id, log), applied, up: true };
  log.onLoaded = () => m.node.notifyStorageLoaded();
  return m;
}

/** Runs Readies until every live node is quiet and no storage load is pending. */
async function settle(members: Member[]): Promise<void> {
  for (let rounds = 0; rounds < 10_000; rounds++) {
    let busy = false;
    for (const m of members) {
      if (!m.up || !m.node.hasReady()) continue;
      busy = true;
      const rd = m.node.ready();
      await m.log.persist(rd);
      for (const msg of rd.messages) deliver(members, msg);
      for (const e of rd.committedEntries)
        if (e.data.byteLength > 0) m.applied.push(Buffer.from(e.data).toString());
      const last = rd.committedEntries[rd.committedEntries.length - 1];
      if (last) await m.log.applyState({ applied: last.index });
      m.node.advance(rd);
    }
    if (!busy) {
      await Promise.all(members.filter((m) => m.up).map((m) => m.store.whenIdle()));
      if (!members.some((m) => m.up && m.node.hasReady())) {
        // Heartbeats make the leader probe lagging followers again.
        const leader = members.find((m) => m.up && m.node.status().role === 'leader');
        const lagging = members.some((m) => m.up && m.log.lastIndex() < (leader?.log.lastIndex() ?? 0));
        if (!lagging) return;
        leader?.node.tick();
      }
    }
  }
  throw new Error('did not settle');
}

function deliver(members: Member[], msg: Message): void {
  const to = members.find((m) => m.id === msg.to);
  if (to?.up) to.node.step(msg);
}

function propose(leader: Member, from: number, count: number): void {
  const pad = 'x'.repeat(2000); // 2 KB entries: 100 of them overflow the 64 KiB caches
  for (let i = from; i < from + count; i++) {
    const r = leader.node.propose(Buffer.from(`${i}:${pad}`));
    expect(r.ok).toBe(true);
  }
}

describe('storage under the Raft core', () => {
  const dirs = IDS.map((id) => tempDir(`raft-${id}`));
  afterAll(() => {
    for (const d of dirs) d.remove();
  });

  it('replicates, catches a follower up from disk, and survives a full restart', async () => {
    const applied = IDS.map(() => [] as string[]);
    let members = await Promise.all(IDS.map((id, i) => openMember(id, dirs[i]!.dir, applied[i]!)));
    members[0]!.node.campaign();
    await settle(members);
    expect(members[0]!.node.status().role).toBe('leader');

    propose(members[0]!, 0, 20);
    await settle(members);
    members[2]!.up = false;
    propose(members[0]!, 20, 100);
    await settle(members);
    members[2]!.up = true;
    members[0]!.node.tick();
    await settle(members);
    const loads = members[0]!.log.completedLoads();
    expect(loads).toBeGreaterThan(0); // the leader read old entries back from LevelDB

    await Promise.all(members.map((m) => m.store.close()));
    members = await Promise.all(IDS.map((id, i) => openMember(id, dirs[i]!.dir, applied[i]!)));
    for (const m of members) {
      expect(m.log.initialState().needsRepair).toBe(false);
      expect(m.log.lastIndex()).toBeGreaterThanOrEqual(121);
    }
    members[1]!.node.campaign();
    await settle(members);
    expect(members[1]!.node.status().role).toBe('leader');
    propose(members[1]!, 120, 10);
    await settle(members);

    const want = Array.from({ length: 130 }, (_, i) => `${i}:`);
    for (const a of applied) expect(a.map((s) => s.slice(0, s.indexOf(':') + 1))).toEqual(want);
    const logs = await Promise.all(members.map((m) => m.log.readRange(1, 1000, 1e9)));
    for (const l of logs)
      expect(l.map((e) => [e.index, e.term])).toEqual(logs[0]!.map((e) => [e.index, e.term]));
    await Promise.all(members.map((m) => m.store.close()));
  });
});
