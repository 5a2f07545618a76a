// The batch sink writes below abstract-level's public batch() (level.ts says
// why), so it must keep what that call guaranteed here: puts and deletes of
// one write land together, a write to a database that is not open is
// refused with StorageClosedError (never handed to the native binding), and
// an empty write is harmless.

import { afterEach, describe, expect, it } from 'vitest';
import { StorageClosedError } from '../src/errors.js';
import { LevelBatchSink, openLevel } from '../src/level.js';
import { tempDir } from './helpers.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const bytes = (...xs: number[]) => Uint8Array.from(xs);

async function open() {
  const t = tempDir('level-sink');
  const db = await openLevel(t.dir, { cacheBytes: 1 << 20, writeBufferBytes: 1 << 20 });
  cleanups.push(t.remove, async () => {
    if (db.status === 'open') await db.close();
  });
  return db;
}

describe('LevelBatchSink', () => {
  it('writes puts and deletes of one batch, synced or not', async () => {
    const db = await open();
    const sink = new LevelBatchSink(db);
    await sink.write(
      [
        { type: 'put', key: bytes(1), value: bytes(10, 11) },
        { type: 'put', key: bytes(2), value: new Uint8Array(64 * 1024).fill(7) },
        { type: 'put', key: bytes(3), value: bytes(30) },
      ],
      true,
    );
    // A view into a larger buffer is written as the view, not the whole buffer.
    const big = new Uint8Array(100).fill(9);
    await sink.write(
      [
        { type: 'del', key: bytes(1) },
        { type: 'put', key: bytes(4), value: big.subarray(10, 13) },
      ],
      false,
    );
    expect(await db.get(bytes(1))).toBeUndefined();
    expect((await db.get(bytes(2)))?.length).toBe(64 * 1024);
    expect(Array.from((await db.get(bytes(3)))!)).toEqual([30]);
    expect(Array.from((await db.get(bytes(4)))!)).toEqual([9, 9, 9]);
  });

  it('takes an empty write', async () => {
    const db = await open();
    await new LevelBatchSink(db).write([], true);
    expect(db.status).toBe('open');
  });

  it('refuses a write once the database is closing or closed', async () => {
    const db = await open();
    const sink = new LevelBatchSink(db);
    const closing = db.close();
    await expect(sink.write([{ type: 'put', key: bytes(1), value: bytes(1) }], true)).rejects.toBeInstanceOf(
      StorageClosedError,
    );
    await closing;
    await expect(sink.write([{ type: 'put', key: bytes(1), value: bytes(1) }], false)).rejects.toThrow(
      /LevelDB is closed/,
    );
  });
});
