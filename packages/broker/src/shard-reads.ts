// GetShardIterator and GetRecords for one shard replica.
//
// Readers see committed entries only: every read is bounded by a horizon
// the replica computes (shard-replica.ts readHorizon): on the leader the
// applied index under a valid lease or after a read-index round, on a
// follower (when the caller allows it) its own applied index. Applied
// entries are committed, so nothing uncommitted is ever served.
//
// The stored batches go out as views of the log's entry bytes: within one
// entry, consecutive delivered batches form one element. The first batch may
// start before the position (firstBatchSkipRecords) and the last may run
// past the record limit (recordCount says how many are delivered).

import { EntryType, LogCompactedError } from '@rheo/raft';
import type { GroupLog, StoredEntry } from '@rheo/storage';
import {
  decodeIteratorToken,
  encodeIteratorToken,
  getRecordsBytesMax,
  getRecordsRecordsMax,
  type IteratorPosition,
  RheoError,
  readBatchStamp,
  sequenceNumber,
  sequenceParts,
} from '@rheo/wire';
import { offsetRecordCount, readU32 } from '@rheo/wire/internal';
import { entryBatches } from './entry-codec.js';
import type { ShardState } from './shard-state.js';
import type { GetRecordsOptions, GetRecordsResult, ShardSpec } from './types.js';

export interface ReadAccess {
  readonly spec: ShardSpec;
  readonly log: GroupLog;
  readonly state: ShardState;
  readonly iteratorSecret: Uint8Array;
  readonly iteratorTtlMs: number;
  readonly readStepEntries: number;
  nowMs(): number;
}

/** Where a scan starts: an index, and the first sequence number to deliver (undefined: all). */
interface Start {
  readonly index: number;
  readonly from: bigint | undefined;
  readonly timestampMs: number | undefined;
}

export function issueToken(a: ReadAccess, position: IteratorPosition): string {
  return encodeIteratorToken(
    { streamName: a.spec.streamName, shardId: a.spec.shardId, position, issuedMs: Math.floor(a.nowMs()) },
    a.iteratorSecret,
  );
}

/** The records from a token's position up to `horizon` (inclusive), within Kinesis's limits. */
export async function getRecords(
  a: ReadAccess,
  token: string,
  horizon: () => Promise<number>,
  opts: GetRecordsOptions,
): Promise<GetRecordsResult> {
  const limit = opts.limitRecords ?? getRecordsRecordsMax;
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > getRecordsRecordsMax)
    throw new RheoError('InvalidArgument', `Limit ${limit} must be in [1, ${getRecordsRecordsMax}]`, {
      field: 'Limit',
    });
  const decoded = decodeIteratorToken(token, a.iteratorSecret, Math.floor(a.nowMs()), a.iteratorTtlMs);
  if (!decoded.ok) throw decoded.error;
  const { claims } = decoded;
  if (claims.streamName !== a.spec.streamName || claims.shardId !== a.spec.shardId)
    throw new RheoError(
      'InvalidArgument',
      `Invalid ShardIterator: it names shard ${claims.shardId} of stream ${claims.streamName}`,
      { field: 'ShardIterator' },
    );
  const bytesMax =
    opts.maxBytes === undefined || opts.maxBytes <= 0
      ? getRecordsBytesMax
      : Math.min(opts.maxBytes, getRecordsBytesMax);
  // Closed before the horizon was taken: every record of the shard is at or below it.
  const closed = a.state.closed;
  const hi = await horizon();
  for (let attempt = 0; ; attempt++) {
    try {
      return await scan(a, await startOf(a, claims.position), claims.position, hi, limit, bytesMax, closed);
    } catch (e) {
      // A trim raced the read: start again from the new trim horizon.
      if (!(e instanceof LogCompactedError) || attempt >= 3) throw e;
    }
  }
}

async function startOf(a: ReadAccess, p: IteratorPosition): Promise<Start> {
  const first = a.log.firstIndex();
  let s: Start;
  switch (p.kind) {
    case 'TRIM_HORIZON':
    case 'LATEST': // tokens never hold LATEST (issued as AT_SEQUENCE_NUMBER), kept for completeness
      s = { index: first, from: undefined, timestampMs: undefined };
      break;
    case 'AT_SEQUENCE_NUMBER':
    case 'AFTER_SEQUENCE_NUMBER': {
      const from = p.kind === 'AT_SEQUENCE_NUMBER' ? p.sequenceNumber : p.sequenceNumber + 1n;
      s = { index: sequenceParts(p.sequenceNumber).index, from, timestampMs: undefined };
      break;
    }
    case 'AT_TIMESTAMP':
      s = { index: await a.log.indexAtTime(p.timestampMs), from: undefined, timestampMs: p.timestampMs };
      break;
  }
  // A trimmed position reads from the trim horizon (Kinesis documents this for AT_TIMESTAMP; docs/broker.md).
  return s.index < first ? { index: first, from: undefined, timestampMs: s.timestampMs } : s;
}

class Collector {
  readonly batches: Uint8Array[] = [];
  skip = 0;
  records = 0;
  bytes = 0;
  last: bigint | undefined = undefined;
  lastArrivalMs = 0;
  constructor(
    readonly limit: number,
    readonly bytesMax: number = getRecordsBytesMax,
  ) {}

  get full(): boolean {
    return this.records >= this.limit || this.bytes >= this.bytesMax;
  }

  /** A batch of `n` bytes would pass the byte bound (the first batch always goes, so a read always moves). */
  wouldOverflow(n: number): boolean {
    return this.bytes > 0 && this.bytes + n > this.bytesMax;
  }
}

async function scan(
  a: ReadAccess,
  start: Start,
  position: IteratorPosition,
  hi: number,
  limit: number,
  bytesMax: number,
  closed: boolean,
): Promise<GetRecordsResult> {
  const c = new Collector(limit, bytesMax);
  let next = start.index;
  scanning: while (next <= hi && !c.full) {
    const entries = await a.log.readRange(next, a.readStepEntries, getRecordsBytesMax - c.bytes, hi + 1);
    if (entries.length === 0) break;
    for (const e of entries) {
      if (c.full) break;
      // An entry is taken whole or not at all, so the next read starts at an entry boundary.
      if (c.wouldOverflow(e.data.length)) break scanning;
      collectEntry(a.state, e, start, c);
      next = e.index + 1;
    }
  }
  const caughtUp = next > hi;
  const nextPosition: IteratorPosition =
    c.last !== undefined
      ? { kind: 'AFTER_SEQUENCE_NUMBER', sequenceNumber: c.last }
      : next > start.index
        ? { kind: 'AT_SEQUENCE_NUMBER', sequenceNumber: sequenceNumber(a.spec.sequenceBase, next, 0) }
        : position;
  return {
    batches: c.batches,
    firstBatchSkipRecords: c.skip,
    recordCount: Math.min(c.records, limit),
    nextIterator: issueToken(a, nextPosition),
    millisBehindLatest:
      caughtUp || c.last === undefined ? 0 : Math.max(0, Math.floor(a.nowMs()) - c.lastArrivalMs),
    shardEnded: closed && caughtUp,
    lastSequence: c.last,
  };
}

/** Adds an entry's deliverable batches to `c`; no-ops and conf changes hold none. */
function collectEntry(state: ShardState, e: StoredEntry, start: Start, c: Collector): void {
  if (e.type !== EntryType.Normal || e.data.length === 0) return;
  const batches = entryBatches(e.data);
  const skipped = state.skipped.get(e.index);
  let runStart = -1;
  let runEnd = -1;
  const flush = (): void => {
    if (runStart >= 0) c.batches.push(new Uint8Array(e.data.buffer, runStart, runEnd - runStart));
    runStart = -1;
  };
  for (let i = 0; i < batches.length && !c.full; i++) {
    const b = batches[i]!;
    const stamp = readBatchStamp(b);
    const count = readU32(b, offsetRecordCount);
    if (stamp === undefined) throw new RheoError('Corrupt', `entry ${e.index}: batch ${i} is not stamped`);
    const end = stamp.firstSequence + BigInt(count);
    const wanted =
      skipped?.includes(i) !== true &&
      (start.from === undefined || end > start.from) &&
      (start.timestampMs === undefined || stamp.arrivalMs >= start.timestampMs);
    if (!wanted) {
      flush();
      continue;
    }
    const skip =
      c.batches.length === 0 && runStart < 0 && start.from !== undefined && start.from > stamp.firstSequence
        ? Number(start.from - stamp.firstSequence)
        : 0;
    if (c.batches.length === 0 && runStart < 0) c.skip = skip;
    const delivered = Math.min(count - skip, c.limit - c.records);
    c.records += delivered;
    c.bytes += b.length;
    c.last = stamp.firstSequence + BigInt(skip + delivered - 1);
    c.lastArrivalMs = stamp.arrivalMs;
    if (runStart < 0) runStart = b.byteOffset;
    runEnd = b.byteOffset + b.length;
  }
  flush();
}
