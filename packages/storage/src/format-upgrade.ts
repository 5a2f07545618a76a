// Converting a store of format 1 to format 2 at open (keys.ts has both
// reasons and layouts). Format 1 kept everything of a group under
// `02 <gid u32>`, its entries as `02 <gid> 10 <index u64>`. Format 2 keeps
// the entries as `03 <segment> <gid> <index>` and the rest as `05 <gid> ...`.
//
// Every key under 02 is moved: entries into segment 0 (older than any
// segment the node writes after this), the rest to the same suffix under
// 05. Each value is re-sealed under its new key (the checksum covers the
// key); a value whose checksum already fails is moved as it is, so it is
// still refused and reported where it lands. Each chunk puts the new keys
// and deletes the old ones in one batch, so a crash leaves every key in
// exactly one place, and the next open carries on with what is left under
// 02. The caller writes the new format version last, synced.

import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { CorruptDataError } from './errors.js';
import type { BatchOp } from './group-commit-writer.js';
import { entryKey, Keyspace } from './keys.js';
import type { LevelDb } from './level.js';
import { sealPayload, unseal } from './sealed-value.js';
import { readU32, readU64 } from './u64.js';

const FORMAT1_GROUP = 0x02;
const FORMAT1_ENTRY_KIND = 0x10;
const FORMAT1_ENTRY_KEY_BYTES = 14;
/** Bytes of values per conversion batch (bounded memory whatever the log's size). */
const CHUNK_BYTES_MAX = 8 * 1024 * 1024;

/** The format-2 key of a format-1 group key. */
export function format2KeyOf(key: Uint8Array): Uint8Array {
  if (key.byteLength === FORMAT1_ENTRY_KEY_BYTES && key[5] === FORMAT1_ENTRY_KIND)
    return entryKey(0, readU32(key, 1), readU64(key, 6));
  const k = Uint8Array.from(key);
  k[0] = Keyspace.Group;
  return k;
}

function resealed(oldKey: Uint8Array, newKey: Uint8Array, value: Uint8Array): Uint8Array {
  try {
    return sealPayload(newKey, unseal(oldKey, value));
  } catch (e) {
    if (!(e instanceof CorruptDataError)) throw e;
    return value;
  }
}

/** Moves every format-1 group key to its format-2 place; returns how many keys moved. */
export async function upgradeFromFormat1(db: LevelDb, chunkKeysMax: number): Promise<number> {
  let moved = 0;
  const range = { gte: Uint8Array.of(FORMAT1_GROUP), lt: Uint8Array.of(FORMAT1_GROUP + 1) };
  for (;;) {
    const it = db.iterator({ ...range, limit: chunkKeysMax });
    const ops: BatchOp[] = [];
    let bytes = 0;
    try {
      for (let rows = await it.nextv(64); rows.length > 0; rows = await it.nextv(64)) {
        for (const [key, value] of rows) {
          const to = format2KeyOf(key);
          ops.push({ type: 'put', key: to, value: resealed(key, to, value) }, { type: 'del', key });
          bytes += value.byteLength;
        }
        if (bytes >= CHUNK_BYTES_MAX) break;
      }
    } finally {
      await it.close();
    }
    if (ops.length === 0) return moved;
    await db.batch(ops, { sync: false });
    moved += ops.length / 2;
    await yieldToLoop();
  }
}
