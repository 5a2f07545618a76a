// Proves the group-commit writer's promises: many groups' concurrent writes
// share few LevelDB batch writes (counted through an instrumented sink);
// every persist promise resolves only after a completed write carried its
// keys (checked at resolution time); writes are applied in submission
// order; a full next batch makes callers wait (backpressure) without
// reordering; a failed write rejects its contributors and stops the writer.
// Also: everything written survives close/reopen (log, hard state, applied
// index, conf state, app state, metadata), and a deleted group's keys are
// all removed in the background.

import { EMPTY_CONF_STATE } from '@rheo/raft';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type BatchOp,
  GroupCommitWriter,
  GroupDeletingError,
  NodeStore,
  StorageWriteError,
} from '../src/index.js';
import { entryKey } from '../src/internal.js';
import { allKeysOf, entries, RecordingSink, tempDir } from './helpers.js';

const hex = (k: Uint8Array) => Buffer.from(k).toString('hex');
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function openStore(label: string, options = {}) {
  const t = tempDir(label);
  let sink: RecordingSink | undefined;
  const store = await NodeStore.open(t.dir, options, {
    wrapSink: (s) => {
      sink = new RecordingSink(s);
      return sink;
    },
  });
  cleanups.push(t.remove, () => store.close());
  return { store, sink: sink!, dir: t.dir };
}

describe('group commit', () => {
  it('writes many groups in few synced batches, acknowledging each only after its batch', async () => {
    const { store, sink } = await openStore('gc');
    const groups = await Promise.all(Array.from({ length: 32 }, (_, i) => store.openGroup(`s/gc/${i}`)));
    const before = store.stats().writer;
    const rounds = 10;
    let early = 0;
    await Promise.all(
      groups.map(async (g) => {
        for (let r = 1; r <= rounds; r++) {
          const p = g.persist({
            entries: entries(r, r, 1, 1024),
            hardState: { term: 1, vote: 1, commit: r - 1 },
            mustSync: true,
          });
          await p;
          // At resolution the entry's key must be in a LevelDB write that has returned.
          if (!sink.completedKeys.has(hex(entryKey(0, g.gid, r)))) early++; // a new store writes segment 0 first
          expect(g.lastIndex()).toBe(r);
        }
      }),
    );
    const after = store.stats().writer;
    const contributions = after.contributions - before.contributions;
    const batches = after.batches - before.batches;
    expect(early).toBe(0);
    expect(contributions).toBe(32 * rounds);
    // 320 synced contributions in roughly `rounds` fsyncs, certainly far fewer than one each.
    expect(batches).toBeLessThanOrEqual(rounds * 3);
    expect(after.syncedBatches - before.syncedBatches).toBe(batches);
  });

  it('applies writes in submission order, also across backpressure waits', async () => {
    const { store } = await openStore('order', { batchBytesMax: 4096, batchContributorsMax: 4 });
    const g = await store.openGroup('s/order/0');
    // Submitted without awaiting: each overwrite depends on the one before having been staged.
    const ps = [
      g.persist({ entries: entries(1, 10, 1, 1000), mustSync: true }),
      g.persist({ entries: entries(5, 12, 2, 1000), mustSync: true }),
      g.persist({ entries: entries(8, 8, 3, 1000), mustSync: true }),
      g.persist({ entries: entries(9, 15, 3, 1000), mustSync: true }),
    ];
    await Promise.all(ps);
    expect(store.stats().writer.backpressureWaits).toBeGreaterThan(0);
    expect(g.lastIndex()).toBe(15);
    const read = await g.readRange(1, 100, 1e9);
    expect(read.map((e) => e.term)).toEqual([1, 1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3]);
  });

  it("takes the next batch only after a turn, so work released by a write's end joins it", async () => {
    // A sink whose writes return when the test says, recording what each carried.
    const writes: string[][] = [];
    const pending: Array<() => void> = [];
    const sink = {
      write: (ops: readonly BatchOp[]) => {
        writes.push(ops.map((o) => Buffer.from(o.key).toString()));
        return new Promise<void>((resolve) => pending.push(resolve));
      },
    };
    const w = new GroupCommitWriter(sink, {
      batchBytesMax: 1 << 20,
      batchContributorsMax: 100,
      writeChunkBytesMax: 1 << 20,
    });
    const put = (k: string) => ({
      ops: [{ type: 'put' as const, key: Buffer.from(k), value: Buffer.from('v') }],
      sync: true,
    });
    // A's owner submits C a few promise hops after A is durable, as a Raft group's next Ready does.
    const a = w.submit(put('a')).then(async () => {
      await Promise.resolve();
      await Promise.resolve();
      return w.submit(put('c'));
    });
    await new Promise((r) => setImmediate(r));
    expect(writes).toEqual([['a']]);
    const b = w.submit(put('b'));
    pending.shift()!();
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    expect(writes).toEqual([['a'], ['b', 'c']]);
    pending.shift()!();
    await Promise.all([a, b]);
    expect(w.stats().batches).toBe(2);
  });

  it('rejects the contributors of a failed write and then refuses new work', async () => {
    let calls = 0;
    const w = new GroupCommitWriter(
      {
        write: async () => {
          calls++;
          throw new Error('disk full');
        },
      },
      { batchBytesMax: 1 << 20, batchContributorsMax: 10, writeChunkBytesMax: 1 << 20 },
    );
    const op: BatchOp = { type: 'put', key: Uint8Array.of(1), value: Uint8Array.of(2) };
    await expect(w.submit({ ops: [op], sync: true })).rejects.toThrow(StorageWriteError);
    await expect(w.submit({ ops: [op], sync: true })).rejects.toThrow(StorageWriteError);
    expect(calls).toBe(1);
  });
});

describe('durability and group deletion', () => {
  it('keeps log, hard state, applied index, conf state, app state and metadata across reopen', async () => {
    const t = tempDir('durable');
    cleanups.push(t.remove);
    let store = await NodeStore.open(t.dir);
    const g = await store.openGroup('s/d/0');
    await g.persist({
      entries: entries(1, 20, 1, 100),
      hardState: { term: 1, vote: 2, commit: 15 },
      mustSync: true,
    });
    const cs = { ...EMPTY_CONF_STATE, voters: [1, 2, 3] };
    await g.applyState({
      applied: 15,
      confState: cs,
      statePuts: [[Uint8Array.of(7), Uint8Array.of(42)]],
      sync: true,
    });
    await store.meta.write({ puts: [[Buffer.from('streams/a'), Buffer.from('{"shards":4}')]] });
    await store.close();

    store = await NodeStore.open(t.dir);
    cleanups.push(() => store.close());
    const h = store.group('s/d/0');
    expect(h.initialState()).toEqual({
      hardState: { term: 1, vote: 2, commit: 15 },
      confState: cs,
      needsRepair: false,
    });
    expect(h.applied()).toBe(15);
    expect(h.confState().index).toBe(15);
    expect([...((await h.getState(Uint8Array.of(7))) ?? [])]).toEqual([42]);
    expect((await h.listState(10)).map(([k, v]) => [[...k], [...v]])).toEqual([[[7], [42]]]);
    expect((await h.readRange(1, 100, 1e9)).length).toBe(20);
    expect(Buffer.from((await store.meta.get(Buffer.from('streams/a')))!).toString()).toBe('{"shards":4}');
    expect((await store.meta.list(Buffer.from('streams/'), 10)).length).toBe(1);
  });

  it('deletes every key of a deleted group in the background, and forgets it across reopen', async () => {
    const t = tempDir('delete');
    cleanups.push(t.remove);
    let store = await NodeStore.open(t.dir, { trimChunkKeysMax: 7 });
    const g = await store.openGroup('s/del/0');
    const keep = await store.openGroup('s/keep/0');
    await g.persist({
      entries: entries(1, 50, 1),
      hardState: { term: 1, vote: 1, commit: 50 },
      mustSync: true,
    });
    await keep.persist({ entries: entries(1, 5, 1), mustSync: true });
    await store.deleteGroup('s/del/0');
    expect(store.hasGroup('s/del/0')).toBe(false);
    await store.whenIdle();
    expect(await allKeysOf(store.db, g.gid)).toEqual([]);
    await store.close();
    store = await NodeStore.open(t.dir);
    cleanups.push(() => store.close());
    expect(store.groupNames()).toEqual(['s/keep/0']);
    expect(store.group('s/keep/0').lastIndex()).toBe(5);
    // A new group never reuses the deleted one's id.
    expect((await store.openGroup('s/del/0')).gid).not.toBe(g.gid);
  });

  it('resumes an interrupted group deletion at the next open', async () => {
    const t = tempDir('delete-resume');
    cleanups.push(t.remove);
    let store = await NodeStore.open(t.dir, { trimChunkKeysMax: 5 });
    const g = await store.openGroup('s/del/1');
    await g.persist({ entries: entries(1, 1000, 1), mustSync: true });
    await store.deleteGroup('s/del/1');
    await store.close(); // stops the background deletion after its current chunk
    store = await NodeStore.open(t.dir, { trimChunkKeysMax: 5 });
    cleanups.push(() => store.close());
    expect(store.hasGroup('s/del/1')).toBe(false);
    await expect(store.openGroup('s/del/1')).rejects.toThrow(GroupDeletingError);
    await store.whenIdle();
    expect(await allKeysOf(store.db, g.gid)).toEqual([]);
    expect((await store.openGroup('s/del/1')).lastIndex()).toBe(0);
  });
});
