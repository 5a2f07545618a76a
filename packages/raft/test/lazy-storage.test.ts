// A storage that answers `entries` with null ("not loaded yet", as a
// disk-backed storage with a cache does): the leader sends nothing for that
// range and the node hands out no committed entries until the driver calls
// notifyStorageLoaded(); then replication and apply resume. Nothing throws.
// A miss for one purpose does not stall the other: applying goes on while a
// lagging follower's entries load.
import { describe, expect, it } from 'vitest';
import { type Entry, MemoryStorage } from '../src/index.js';
import { confState, Network } from './helpers/network.js';

class LazyStorage extends MemoryStorage {
  loading = false;
  /** Entries below this index miss too (a cache that holds only the newest entries). */
  missBelow = 0;
  misses = 0;
  // MemoryStorage narrows the contract's return type to never-null; this test
  // storage uses the contract's wider answer, hence the cast.
  override entries(lo: number, hi: number, maxBytes: number): readonly Entry[] {
    if (this.loading || lo < this.missBelow) {
      this.misses++;
      return null as unknown as readonly Entry[];
    }
    return super.entries(lo, hi, maxBytes);
  }
}

/** Three nodes, `lazyId`'s storage lazy; node 1 leads. */
function withLazy(lazyId: number): { n: Network; lazy: LazyStorage } {
  const n = new Network([1, 2, 3]);
  const lazy = new LazyStorage({ confState: confState([1, 2, 3]) });
  n.members.delete(lazyId);
  n.add(lazyId, lazy);
  n.campaign(1);
  return { n, lazy };
}

/** withLazy(1), then five entries proposed while node 3 is cut off (it lags). */
function lazyLeaderWithLaggingFollower(): { n: Network; lazy: LazyStorage } {
  const { n, lazy } = withLazy(1);
  n.isolate(3);
  for (let i = 0; i < 5; i++) n.propose(1, `e${i}`);
  return { n, lazy };
}

describe('storage answering null', () => {
  it('a lagging follower is caught up once the leader storage has loaded', () => {
    const { n, lazy } = lazyLeaderWithLaggingFollower();
    lazy.loading = true;
    n.heal();
    n.tick([1], 3);
    expect(lazy.misses).toBeGreaterThan(0);
    expect(n.node(3).status().commit).toBeLessThan(6);
    lazy.loading = false;
    n.node(1).notifyStorageLoaded();
    n.stabilize();
    expect(n.node(3).status().commit).toBe(6);
    expect(n.data(3)).toEqual(['e0', 'e1', 'e2', 'e3', 'e4']);
  });

  it('committed entries wait for the load, then apply', () => {
    const { n, lazy } = withLazy(2);
    // Entries reach node 2's storage but commit arrives while its cache is cold.
    n.filter = (m) => !(m.to === 2 && m.commit > 1);
    n.propose(1, 'x');
    lazy.loading = true;
    n.filter = undefined;
    n.tick([1], 1);
    expect(n.node(2).status().commit).toBe(2);
    expect(n.data(2)).toEqual([]);
    expect(n.node(2).hasReady()).toBe(false);
    lazy.loading = false;
    n.node(2).notifyStorageLoaded();
    n.stabilize();
    expect(n.data(2)).toEqual(['x']);
  });

  it("a follower's App waiting for a load does not hold back applying", () => {
    const { n, lazy } = lazyLeaderWithLaggingFollower();
    // The leader's storage now holds only entries from here on in memory.
    lazy.missBelow = n.node(1).lastIndex() + 1;
    n.heal();
    n.tick([1], 1); // node 3 rejects an App past its log; the leader's probe for its entries misses
    expect(lazy.misses).toBeGreaterThan(0);
    n.propose(1, 'x'); // committed by nodes 1 and 2
    expect(n.node(1).status().commit).toBe(lazy.missBelow);
    expect(n.data(1)).toEqual(['e0', 'e1', 'e2', 'e3', 'e4', 'x']);
    lazy.missBelow = 0;
    n.node(1).notifyStorageLoaded();
    n.stabilize();
    expect(n.data(3)).toEqual(['e0', 'e1', 'e2', 'e3', 'e4', 'x']);
  });
});
