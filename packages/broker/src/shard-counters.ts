// One shard replica's traffic counters, for the server's metrics (issue 8).
// They are plain numbers bumped where a produce or a read completes, so the
// hot path pays a few additions and nothing else; the metrics module reads
// them when Prometheus scrapes (pull), together with the Raft core's own
// status and counters, reached through `raft`.

import type { Entry, RaftNodeApi } from '@rheo/raft';
import type { BatchOutcome } from './shard-apply.js';
import { TrafficSplitSampler } from './traffic-split.js';
import type { GetRecordsResult } from './types.js';

/** What the metrics read of the group's Raft core: both calls are cheap and have no effect. */
export type RaftFigures = Pick<RaftNodeApi, 'status' | 'stats'>;

export class ShardCounters {
  /** Records newly written while this replica led (duplicates and refused batches not counted). */
  incomingRecords = 0;
  /** Bytes of the Raft entries that carried them: the stored record batches plus a small envelope. */
  incomingBytes = 0;
  /** Records this replica delivered to readers (leader and follower reads). */
  outgoingRecords = 0;
  /** Bytes of the stored batches it delivered (whole batches, even when the answer skips some records). */
  outgoingBytes = 0;
  /** GetRecords answers given. */
  reads = 0;
  /** millisBehindLatest of the last GetRecords answer: how far its reader is behind the shard's newest record. */
  iteratorAgeMs = 0;
  /** Write batches refused for the shard's write limits (ProvisionedThroughputExceeded). */
  writeThrottled = 0;
  /** The records of those batches. */
  writeThrottledRecords = 0;
  /** GetRecords calls refused for the shard's read limits. */
  readThrottled = 0;
  /** Where the leader's recent write traffic splits in half (the autoscaler's split point). */
  readonly writeKeys = new TrafficSplitSampler();

  constructor(
    /** The group's Raft core; a function because the replica builds its core after its fields. */
    readonly raft: () => RaftFigures,
  ) {}

  /** An applied entry's outcomes, on the leader: the moment its batches are answered. */
  countWritten(entry: Entry, outcomes: readonly BatchOutcome[] | undefined): void {
    if (outcomes === undefined) return;
    let records = 0;
    for (const o of outcomes) if (o.kind === 'written') records += o.ack.recordCount;
    if (records === 0) return;
    this.incomingRecords += records;
    this.incomingBytes += entry.data.byteLength;
  }

  /** A GetRecords answer on its way out; returns it, so it fits a promise's then. */
  readonly countRead = (r: GetRecordsResult): GetRecordsResult => {
    let bytes = 0;
    for (const b of r.batches) bytes += b.byteLength;
    this.outgoingBytes += bytes;
    this.outgoingRecords += r.recordCount;
    this.reads++;
    this.iteratorAgeMs = r.millisBehindLatest;
    return r;
  };
}
