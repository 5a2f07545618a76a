// Opening a shard's group on a real NodeStore. Proven here: a new founding
// replica is bootstrapped with a snapshot at index 1 holding the voters;
// a stored state newer than the snapshot is used as is, and the core starts
// at its applied index; a snapshot newer than the stored state (a crash
// after installing it and before the state was written) wins, and the core
// starts at the snapshot's index so later membership changes reach it again;
// a joiner starts empty.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NodeStore } from '@rheo/storage';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { confStateOf, openShardGroup, STATE_KEY } from '../src/replica-open.js';
import { ShardState } from '../src/shard-state.js';

const bounds = { producersMax: 10, producerBatchesKept: 5 };
let dir = '';
let store: NodeStore;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rheo-open-'));
  store = await NodeStore.open(dir);
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('openShardGroup', () => {
  it('bootstraps a founding replica from a snapshot at index 1', async () => {
    const g = await openShardGroup(store, 'shard/a', [1, 2, 3], bounds, false);
    expect(g.log.snapshot().metadata).toEqual({ index: 1, term: 1, confState: confStateOf([1, 2, 3]) });
    expect(g.log.hardState()).toEqual({ term: 1, vote: 0, commit: 1 });
    expect([g.applied, g.state.appliedIndex]).toEqual([1, 1]);
    const joiner = await openShardGroup(store, 'shard/b', [1, 2, 3], bounds, true);
    expect([joiner.log.snapshot().metadata.index, joiner.log.hardState().term, joiner.applied]).toEqual([
      0, 0, 0,
    ]);
  });

  it('takes the stored state, or the snapshot when it is newer', async () => {
    const g = await openShardGroup(store, 'shard/c', [1], bounds, false);
    const snapState = new ShardState(9, bounds);
    snapState.producers.record('p', 1, {
      batchSequence: 4,
      firstSequence: 10n ** 55n,
      recordCount: 1,
      arrivalMs: 0,
    });
    // A snapshot at 6 whose state reflects 9 arrives; the process dies before the state is written.
    await g.log.persist({
      snapshot: { metadata: { index: 6, term: 2, confState: confStateOf([1]) }, data: snapState.encode() },
      entries: [],
      hardState: { term: 2, vote: 0, commit: 6 },
      mustSync: true,
    });
    const again = await openShardGroup(store, 'shard/c', [1], bounds, false);
    expect([again.applied, again.state.appliedIndex, again.state.producers.get('p')?.epoch]).toEqual([
      6, 9, 1,
    ]);
    // Once a state at or past the snapshot is stored, it is used and the core starts where it was applied.
    await g.log.applyState({ applied: 6, statePuts: [[STATE_KEY, new ShardState(6, bounds).encode()]] });
    const third = await openShardGroup(store, 'shard/c', [1], bounds, false);
    expect([third.applied, third.state.appliedIndex, third.state.producers.size]).toEqual([6, 6, 0]);
  });
});
