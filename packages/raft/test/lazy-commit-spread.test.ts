// lazyCommitSpread: when the commit index moves, the leader sends no empty
// App just to say so. A follower learns the commit with the next App that
// carries entries or with the next heartbeat; the leader's own commit (and
// so its answers) is unchanged. The default spreads every commit at once.
import { describe, expect, it } from 'vitest';
import { MemoryStorage, MessageType, RawNode } from '../src/index.js';
import { baseConfig, Network } from './helpers/network.js';

const emptyApps = (n: Network) => n.sent(MessageType.App).filter((m) => m.entries.length === 0);

function elected(lazy: boolean | undefined): Network {
  const n = new Network([1, 2, 3], lazy === undefined ? {} : { lazyCommitSpread: lazy });
  n.campaign(1);
  expect(n.leader()).toBe(1);
  n.delivered = [];
  return n;
}

describe('lazyCommitSpread', () => {
  it('off (the default): a commit goes to every follower at once, in empty Apps', () => {
    const n = elected(undefined);
    const r = n.propose(1, 'a');
    expect(r.ok).toBe(true);
    const index = n.node(1).status().commit;
    expect(emptyApps(n).length).toBe(2);
    for (const id of [2, 3]) {
      expect(n.node(id).status().commit).toBe(index);
      expect(n.data(id)).toEqual(['a']);
    }
  });

  it('on: no empty App; the leader commits and applies as before, the followers learn it later', () => {
    const n = elected(true);
    n.propose(1, 'a');
    const index = n.node(1).status().commit;
    expect(n.data(1)).toEqual(['a']);
    expect(emptyApps(n)).toEqual([]);
    // Half the messages: one App and one answer per follower.
    expect(n.sent(MessageType.App).length).toBe(2);
    expect(n.sent(MessageType.AppResp).length).toBe(2);
    for (const id of [2, 3]) {
      expect(n.node(id).status().commit).toBe(index - 1);
      expect(n.data(id)).toEqual([]);
    }
  });

  it('on: the next App with entries carries the commit', () => {
    const n = elected(true);
    n.propose(1, 'a');
    const first = n.node(1).status().commit;
    n.propose(1, 'b');
    for (const id of [2, 3]) {
      expect(n.node(id).status().commit).toBeGreaterThanOrEqual(first);
      expect(n.data(id)[0]).toBe('a');
    }
    expect(emptyApps(n)).toEqual([]);
  });

  it('on: a commit that lands while a proposal waits to be sent adds no empty App after it', () => {
    const n = elected(true);
    const step = () => {
      const msgs = n.queue;
      n.queue = [];
      for (const m of msgs) n.deliver(m);
    };
    n.node(1).propose(new TextEncoder().encode('a'));
    n.processReady(1); // App(a) to both followers, and the leader's own append
    step();
    n.processReady(2);
    n.processReady(3);
    // 'b' waits for the leader's next Ready while the answers for 'a' commit it.
    n.node(1).propose(new TextEncoder().encode('b'));
    step();
    n.stabilize();
    expect(emptyApps(n)).toEqual([]);
    expect(n.data(1)).toEqual(['a', 'b']);
  });

  it('on: an idle leader tells the followers within one heartbeat', () => {
    const n = elected(true);
    n.propose(1, 'a');
    const index = n.node(1).status().commit;
    n.tick([1], 1); // heartbeatTick is 1
    for (const id of [2, 3]) {
      expect(n.node(id).status().commit).toBe(index);
      expect(n.data(id)).toEqual(['a']);
    }
    expect(emptyApps(n)).toEqual([]);
  });

  it('on: a follower that was cut off still catches up, commit included', () => {
    const n = elected(true);
    n.isolate(3);
    n.propose(1, 'a');
    n.propose(1, 'b');
    n.heal();
    n.tick([1], 1);
    n.tick([1], 1);
    expect(n.data(3)).toEqual(['a', 'b']);
    expect(n.node(3).status().commit).toBe(n.node(1).status().commit);
  });

  it('must be a boolean', () => {
    const s = new MemoryStorage();
    const bad = { ...baseConfig(1, s, 1), lazyCommitSpread: 'yes' as unknown as boolean };
    expect(() => new RawNode(bad)).toThrow(/lazyCommitSpread must be a boolean/);
  });
});
