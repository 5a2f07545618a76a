// Log compaction by prefix: after the leader's storage is compacted, a
// follower that needs compacted entries is sent the storage's snapshot,
// installs it, and receives the retained entries as normal Apps; a failed
// snapshot (reportSnapshot false) is retried; a stale snapshot is ignored.
import { describe, expect, it } from 'vitest';
import { MessageType, newMessage } from '../src/index.js';
import { confState, Network } from './helpers/network.js';

function compactLeader(n: Network, id: number, upTo: number): void {
  const m = n.get(id);
  m.storage.createSnapshot(upTo, m.confState, new TextEncoder().encode(`state@${upTo}`));
  m.storage.compact(upTo);
}

describe('snapshots', () => {
  it('a lagging follower gets a snapshot, then the retained entries', () => {
    const n = new Network([1, 2, 3]);
    n.campaign(1);
    n.isolate(3);
    for (let i = 0; i < 10; i++) n.propose(1, `e${i}`);
    compactLeader(n, 1, 8);
    n.heal();
    n.tick([1], 2);
    const snaps = n.sent(MessageType.Snap);
    expect(snaps.length).toBe(1);
    expect(snaps[0]!.snapshot!.metadata.index).toBe(8);
    const s3 = n.get(3).storage;
    expect(s3.snapshot().metadata.index).toBe(8);
    expect(new TextDecoder().decode(s3.snapshot().data)).toBe('state@8');
    expect(s3.lastIndex()).toBe(11);
    expect(n.node(3).status().commit).toBe(11);
    expect(n.node(1).status().progress!.get(3)!.state).toBe('replicate');
    // The follower applied the entries after the snapshot as usual.
    expect(n.data(3)).toEqual(['e7', 'e8', 'e9']);
  });

  it('a lost snapshot is retried after reportSnapshot(false)', () => {
    const n = new Network([1, 2, 3]);
    n.campaign(1);
    n.isolate(3);
    for (let i = 0; i < 5; i++) n.propose(1, `e${i}`);
    compactLeader(n, 1, 5);
    n.heal();
    n.filter = (m) => m.type !== MessageType.Snap;
    n.tick([1], 2);
    expect(n.node(1).status().progress!.get(3)!.state).toBe('snapshot');
    n.node(1).reportSnapshot(3, false);
    expect(n.node(1).status().progress!.get(3)!.state).toBe('probe');
    n.filter = undefined;
    n.tick([1], 3);
    expect(n.node(3).status().commit).toBe(6);
  });

  it('a follower ignores a snapshot older than its commit, and one that leaves it out', () => {
    const n = new Network([1, 2, 3]);
    n.campaign(1);
    n.propose(1, 'a');
    const base = { type: MessageType.Snap, to: 2, from: 1, term: 1 } as const;
    n.node(2).step(
      newMessage({
        ...base,
        snapshot: {
          metadata: { index: 1, term: 1, confState: confState([1, 2, 3]) },
          data: new Uint8Array(),
        },
      }),
    );
    n.node(2).step(
      newMessage({
        ...base,
        snapshot: {
          metadata: { index: 9, term: 1, confState: confState([1, 3, 4]) },
          data: new Uint8Array(),
        },
      }),
    );
    n.stabilize();
    expect(n.get(2).storage.snapshot().metadata.index).toBe(0);
    expect(n.node(2).status().commit).toBe(2);
  });
});
