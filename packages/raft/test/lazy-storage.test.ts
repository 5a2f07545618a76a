// A storage that answers `entries` with null ("not loaded yet", as a
// disk-backed storage with a cache does): the leader sends nothing for that
// range and the node hands out no committed entries until the driver calls
// notifyStorageLoaded(); then replication and apply resume. Nothing throws.
import { describe, expect, it } from 'vitest';
import { type Entry, MemoryStorage } from '../src/index.js';
import { confState, Network } from './helpers/network.js';

class LazyStorage extends MemoryStorage {
  loading = false;
  misses = 0;
  // MemoryStorage narrows the contract's return type to never-null; this test
  // storage uses the contract's wider answer, hence the cast.
  override entries(lo: number, hi: number, maxBytes: number): readonly Entry[] {
    if (this.loading) {
      this.misses++;
      return null as unknown as readonly Entry[];
    }
    return super.entries(lo, hi, maxBytes);
  }
}

describe('storage answering null', () => {
  it('a lagging follower is caught up once the leader storage has loaded', () => {
    const n = new Network([1, 2, 3]);
    const lazy = new LazyStorage({ confState: confState([1, 2, 3]) });
    n.members.delete(1);
    n.add(1, lazy);
    n.campaign(1);
    n.isolate(3);
    for (let i = 0; i < 5; i++) n.propose(1, `e${i}`);
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
    const n = new Network([1, 2, 3]);
    const lazy = new LazyStorage({ confState: confState([1, 2, 3]) });
    n.members.delete(2);
    n.add(2, lazy);
    n.campaign(1);
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
});
