// The controller's metadata keyspace: plain key → value, every value sealed
// and verified like the rest of the store, writes through the node's
// group-commit writer (synced by default: metadata changes are rare and
// must survive a crash).

import type { StoreContext } from './context.js';
import { CorruptDataError } from './errors.js';
import { metaKey, metaRange, userKeyOfMetaKey } from './keys.js';
import { decodeBytes, encodeBytes } from './records.js';

export interface MetaWrite {
  readonly puts?: ReadonlyArray<readonly [key: Uint8Array, value: Uint8Array]>;
  readonly dels?: readonly Uint8Array[];
  readonly sync?: boolean;
}

/** Listing more than this in one call is refused: page with `after`. */
export const META_LIST_ENTRIES_MAX = 10_000;

export class MetaStore {
  constructor(private readonly ctx: StoreContext) {}

  async get(key: Uint8Array): Promise<Uint8Array | undefined> {
    const k = metaKey(key);
    const v = await this.ctx.db.get(k);
    return v === undefined ? undefined : this.verify(k, v);
  }

  write(w: MetaWrite): Promise<void> {
    const ops = [
      ...(w.puts ?? []).map(([key, value]) => {
        const k = metaKey(key);
        return { type: 'put' as const, key: k, value: encodeBytes(k, value) };
      }),
      ...(w.dels ?? []).map((key) => ({ type: 'del' as const, key: metaKey(key) })),
    ];
    if (ops.length === 0) return Promise.resolve();
    return this.ctx.writer.submit({ ops, sync: w.sync ?? true });
  }

  /** Keys starting with `prefix`, in key order, after `after` if given; at most `limit` (≤ META_LIST_ENTRIES_MAX). */
  async list(
    prefix: Uint8Array,
    limit: number,
    after?: Uint8Array,
  ): Promise<Array<[key: Uint8Array, value: Uint8Array]>> {
    if (!(limit > 0 && limit <= META_LIST_ENTRIES_MAX))
      throw new RangeError(`list limit must be in 1..${META_LIST_ENTRIES_MAX}`);
    const end = prefixEnd(metaKey(prefix)) ?? metaRange().lt;
    const range = after === undefined ? { gte: metaKey(prefix) } : { gt: metaKey(after) };
    const rows = await this.ctx.db.iterator({ ...range, lt: end, limit }).all();
    return rows.map(([k, v]) => [userKeyOfMetaKey(k), this.verify(k, v)]);
  }

  private verify(k: Uint8Array, v: Uint8Array): Uint8Array {
    try {
      return decodeBytes(k, v);
    } catch (e) {
      if (e instanceof CorruptDataError) this.ctx.reportCorrupt(e);
      throw e;
    }
  }
}

/** The smallest key greater than every key starting with `prefix`; undefined when there is none. */
export function prefixEnd(prefix: Uint8Array): Uint8Array | undefined {
  for (let i = prefix.byteLength - 1; i >= 0; i--) {
    if (prefix[i]! < 0xff) {
      const end = prefix.slice(0, i + 1);
      end[i] = prefix[i]! + 1;
      return end;
    }
  }
  return undefined;
}
