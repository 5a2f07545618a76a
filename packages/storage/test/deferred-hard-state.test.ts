// Proves how GroupLog writes a hard state that moved only its commit index:
//  - it makes no write of its own (the durable view keeps the old hard state),
//    and the group's next write (a Ready's entries, or the applied state)
//    carries the newest one, so a reopen finds it;
//  - a change of term or vote, or a Ready that must sync, is written at once;
//  - a clean close writes it (only a crash loses it, and a lower stored
//    commit is what Raft tolerates: the commit index is volatile state);
//  - trimming writes the deferred commit first, since the stored commit
//    bounds how far a trim may go.

import { EMPTY_CONF_STATE } from '@rheo/raft';
import { afterEach, describe, expect, it } from 'vitest';
import { NodeStore } from '../src/index.js';
import { entries, RecordingSink, tempDir } from './helpers.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const conf = { ...EMPTY_CONF_STATE, voters: [1, 2, 3] };

async function openStore(dir: string) {
  let sink: RecordingSink | undefined;
  const store = await NodeStore.open(
    dir,
    {},
    {
      wrapSink: (s) => {
        sink = new RecordingSink(s);
        return sink;
      },
    },
  );
  return { store, sink: sink! };
}

async function setUp(label: string) {
  const t = tempDir(label);
  cleanups.push(t.remove);
  const { store, sink } = await openStore(t.dir);
  cleanups.push(() => store.close());
  const g = await store.openGroup('s/a/0', { confState: conf });
  await g.persist({ entries: entries(1, 5, 2), hardState: { term: 2, vote: 1, commit: 3 }, mustSync: true });
  return { dir: t.dir, store, sink, g };
}

describe('a hard state that moved only its commit index', () => {
  it('makes no write of its own, and rides on the next write', async () => {
    const { dir, store, sink, g } = await setUp('hs-ride');
    const before = sink.started;
    await g.persist({ entries: [], hardState: { term: 2, vote: 1, commit: 4 }, mustSync: false });
    await g.persist({ entries: [], hardState: { term: 2, vote: 1, commit: 5 }, mustSync: false });
    await store.whenIdle();
    expect(sink.started).toBe(before);
    expect(g.hardState()).toEqual({ term: 2, vote: 1, commit: 3 });

    // The next Ready with entries carries no hard state of its own: the deferred one goes with it.
    await g.persist({ entries: entries(6, 6, 2), mustSync: true });
    expect(sink.started).toBe(before + 1);
    expect(g.hardState()).toEqual({ term: 2, vote: 1, commit: 5 });

    await store.close();
    const reopened = await openStore(dir);
    cleanups.push(() => reopened.store.close());
    expect(reopened.store.group('s/a/0').initialState().hardState).toEqual({ term: 2, vote: 1, commit: 5 });
  });

  it('rides on a write of the applied state too', async () => {
    const { sink, g } = await setUp('hs-apply');
    await g.persist({ entries: [], hardState: { term: 2, vote: 1, commit: 5 }, mustSync: false });
    const before = sink.started;
    await g.applyState({ applied: 5 });
    expect(sink.started).toBe(before + 1);
    expect(g.hardState().commit).toBe(5);
    expect(g.applied()).toBe(5);
  });

  it('is written at once when the term or vote changes, or the Ready must sync', async () => {
    const { sink, g } = await setUp('hs-now');
    let writes = sink.started;
    await g.persist({ entries: [], hardState: { term: 3, vote: 0, commit: 4 }, mustSync: true });
    expect([sink.started, g.hardState()]).toEqual([++writes, { term: 3, vote: 0, commit: 4 }]);
    await g.persist({ entries: [], hardState: { term: 3, vote: 2, commit: 4 }, mustSync: true });
    expect([sink.started, g.hardState()]).toEqual([++writes, { term: 3, vote: 2, commit: 4 }]);
    // Same term and vote, but the core asked for a sync: not deferred.
    await g.persist({ entries: [], hardState: { term: 3, vote: 2, commit: 5 }, mustSync: true });
    expect([sink.started, g.hardState()]).toEqual([++writes, { term: 3, vote: 2, commit: 5 }]);
  });

  it('is written by a clean close, so the store reopens with it', async () => {
    const { dir, store, sink, g } = await setUp('hs-close');
    await g.persist({ entries: [], hardState: { term: 2, vote: 1, commit: 5 }, mustSync: false });
    const before = sink.started;
    await store.close();
    expect(sink.started).toBe(before + 1);
    const reopened = await openStore(dir);
    cleanups.push(() => reopened.store.close());
    const r = reopened.store.group('s/a/0');
    expect(r.initialState().hardState).toEqual({ term: 2, vote: 1, commit: 5 });
    expect([r.firstIndex(), r.lastIndex()]).toEqual([1, 5]);
  });

  it('is written before a trim, which may then reach the new commit', async () => {
    const { sink, g } = await setUp('hs-trim');
    await g.applyState({ applied: 5 });
    await g.persist({ entries: [], hardState: { term: 2, vote: 1, commit: 5 }, mustSync: false });
    const before = sink.started;
    // Without the deferred commit on disk, the trim would stop at the stored commit (3).
    expect(await g.trimBefore(6)).toBe(6);
    expect(sink.started).toBeGreaterThan(before);
    expect(g.hardState().commit).toBe(5);
    expect(g.firstIndex()).toBe(6);
  });
});
