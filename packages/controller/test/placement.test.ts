// Placement: replica sets spread over racks first, then over the nodes with
// the fewest replicas, then the least write load, then by id; only ALIVE
// brokers take replicas; a replacement follows the same rules.
import { describe, expect, it } from 'vitest';
import {
  chooseReplacement,
  type NodeRecord,
  placeReplicaSets,
  replicaCounts,
  type ShardRecord,
} from '../src/index.js';

function node(id: number, rack = '', extra: Partial<NodeRecord> = {}): NodeRecord {
  return {
    id,
    address: `h${id}:1`,
    gatewayAddress: '',
    roles: ['broker'],
    rack,
    incarnation: 'i',
    state: 'ALIVE',
    registeredAtMs: 0,
    ...extra,
  };
}

function shardOn(groupId: number, replicas: number[]): ShardRecord {
  return {
    streamName: 's',
    shardId: `shardId-${String(groupId).padStart(12, '0')}`,
    groupId,
    hashRange: { start: 0n, end: 1n },
    sequenceBase: 0n,
    open: true,
    founders: replicas,
    replicas,
    createdAtMs: 0,
  };
}

describe('placeReplicaSets', () => {
  it('puts each set on distinct racks before filling a rack twice', () => {
    const nodes = [node(1, 'a'), node(2, 'a'), node(3, 'a'), node(4, 'b'), node(5, 'c')];
    const sets = placeReplicaSets({ nodes, shards: [] }, 6, 3)!;
    for (const set of sets) {
      expect(new Set(set.map((id) => nodes[id - 1]!.rack)).size).toBe(3);
    }
  });

  it('balances replicas across nodes, counting sets chosen in the same call and existing shards', () => {
    const nodes = [1, 2, 3, 4, 5].map((id) => node(id));
    const sets = placeReplicaSets({ nodes, shards: [] }, 10, 3)!;
    const counts = replicaCounts(sets.map((r, i) => shardOn(i + 2, r)));
    expect([...counts.values()].sort()).toEqual([6, 6, 6, 6, 6]);
    const loaded = placeReplicaSets({ nodes, shards: [shardOn(2, [1, 2, 3]), shardOn(3, [1, 2, 4])] }, 1, 3);
    expect(loaded).toEqual([[3, 4, 5]]);
  });

  it('breaks ties by write load, then by id, and sorts each set', () => {
    const nodes = [1, 2, 3, 4].map((id) => node(id));
    expect(placeReplicaSets({ nodes, shards: [] }, 1, 2)).toEqual([[1, 2]]);
    const writeLoad = new Map([
      [1, 500],
      [2, 10],
    ]);
    expect(placeReplicaSets({ nodes, shards: [], writeLoad }, 1, 2)).toEqual([[3, 4]]);
    expect(placeReplicaSets({ nodes, shards: [], writeLoad }, 1, 3)).toEqual([[2, 3, 4]]);
  });

  it('uses only ALIVE broker-role nodes, and answers undefined when too few', () => {
    const nodes = [
      node(1),
      node(2, '', { state: 'DRAINING' }),
      node(3, '', { state: 'SUSPECT' }),
      node(4, '', { state: 'DEAD' }),
      node(5, '', { roles: ['controller'] }),
      node(6),
      node(7, '', { state: 'DRAINED' }),
    ];
    expect(placeReplicaSets({ nodes, shards: [] }, 3, 2)).toEqual([
      [1, 6],
      [1, 6],
      [1, 6],
    ]);
    expect(placeReplicaSets({ nodes, shards: [] }, 1, 3)).toBeUndefined();
  });
});

describe('chooseReplacement', () => {
  it('takes a node outside the set, on a rack the remaining members do not use', () => {
    const nodes = [node(1, 'a'), node(2, 'b'), node(3, 'c'), node(4, 'a'), node(5, 'c')];
    // 3 (rack c) leaves: 5 shares rack c with nobody staying, 4 shares rack a with 1.
    expect(chooseReplacement({ nodes, shards: [] }, [1, 2, 3], 3)).toBe(5);
  });

  it('prefers the node with fewer replicas, and answers undefined when no node can take it', () => {
    const nodes = [1, 2, 3, 4, 5].map((id) => node(id));
    const shards = [shardOn(2, [1, 2, 4]), shardOn(3, [1, 2, 4])];
    expect(chooseReplacement({ nodes, shards }, [1, 2, 3], 3)).toBe(5);
    const few = [node(1), node(2), node(3), node(4, '', { state: 'DEAD' })];
    expect(chooseReplacement({ nodes: few, shards: [] }, [1, 2, 3], 3)).toBeUndefined();
  });
});
