// Shared by the storage tests: temporary store directories (always removed),
// entry builders, and a batch sink that records what reached LevelDB.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Entry, Snapshot } from '@rheo/raft';
import { EMPTY_CONF_STATE } from '@rheo/raft';
import type { BatchOp, BatchSink } from '../src/index.js';
import { groupRange, logRange, parseEntryKey } from '../src/internal.js';

export function tempDir(label: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `rheo-storage-${label}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Deterministic payload for (index, term), so a read can be checked without keeping what was written. */
export function payload(index: number, term: number, bytes = 32): Uint8Array {
  const p = new Uint8Array(bytes);
  for (let i = 0; i < bytes; i++) p[i] = (index * 31 + term * 7 + i) & 0xff;
  return p;
}

export function entry(index: number, term: number, bytes = 32): Entry {
  return { index, term, type: 0, data: payload(index, term, bytes) };
}

export function entries(from: number, to: number, term: number, bytes = 32): Entry[] {
  const out: Entry[] = [];
  for (let i = from; i <= to; i++) out.push(entry(i, term, bytes));
  return out;
}

export function snapshotAt(index: number, term: number, data = Uint8Array.of(1, 2, 3)): Snapshot {
  return { metadata: { index, term, confState: { ...EMPTY_CONF_STATE, voters: [1, 2, 3] } }, data };
}

/** A sink wrapper that counts writes and records which keys each completed write carried. */
export class RecordingSink implements BatchSink {
  started = 0;
  completed = 0;
  synced = 0;
  readonly completedKeys = new Set<string>();
  constructor(private readonly inner: BatchSink) {}

  async write(ops: readonly BatchOp[], sync: boolean): Promise<void> {
    this.started++;
    await this.inner.write(ops, sync);
    for (const op of ops) this.completedKeys.add(Buffer.from(op.key).toString('hex'));
    this.completed++;
    if (sync) this.synced++;
  }
}

/** The indexes of group `gid`'s entry keys on disk, in key order (segment, then index), and the keys. */
export async function entryKeysOf(
  db: { keys(o: { gte: Uint8Array; lt: Uint8Array }): { all(): Promise<Uint8Array[]> } },
  gid: number,
): Promise<Array<{ segment: number; index: number; key: Uint8Array }>> {
  const all = await db.keys(logRange()).all();
  return all
    .map((key) => ({ ...parseEntryKey(key), key }))
    .filter((k) => k.gid === gid)
    .map(({ segment, index, key }) => ({ segment, index, key }));
}

/** Every key of group `gid`: its state keys and its entry keys in every segment. */
export async function allKeysOf(
  db: { keys(o: { gte: Uint8Array; lt: Uint8Array }): { all(): Promise<Uint8Array[]> } },
  gid: number,
): Promise<Uint8Array[]> {
  return [...(await db.keys(groupRange(gid)).all()), ...(await entryKeysOf(db, gid)).map((k) => k.key)];
}
