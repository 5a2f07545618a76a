// The data-plane calls' shapes, SDK side: where an iterator starts, what a
// put answers, what a read returns.
import type { ConsumedRecord } from './stored-records.js';

/** Where a shard iterator starts (Kinesis's five types). */
export type IteratorStart =
  | { readonly type: 'TRIM_HORIZON' }
  | { readonly type: 'LATEST' }
  | { readonly type: 'AT_SEQUENCE_NUMBER'; readonly sequenceNumber: string }
  | { readonly type: 'AFTER_SEQUENCE_NUMBER'; readonly sequenceNumber: string }
  | { readonly type: 'AT_TIMESTAMP'; readonly timestampMs: number };

/** The idempotent-producer stamp of a batch (docs/protocol.md). */
export interface ProducerStamp {
  readonly producerId: string;
  readonly producerEpoch: number;
  readonly batchSequence: number;
}

/** A written batch: record i has sequence number firstSequenceNumber + i. */
export interface PutResult {
  readonly shardId: string;
  readonly firstSequenceNumber: string;
  readonly recordCount: number;
  /** True when the leader answered from its idempotent-producer table (written before). */
  readonly duplicate: boolean;
  readonly arrivalMs: number;
}

export interface GetRecordsOptions {
  /** Most records (1..10000); 0 or absent: 10000. */
  readonly limit?: number;
  /** Most bytes; 0 or absent: 10 MiB. */
  readonly maxBytes?: number;
  /** Let a follower answer, up to its commit index. */
  readonly allowFollowerRead?: boolean;
}

export interface RecordsPage {
  readonly records: readonly ConsumedRecord[];
  /** Empty once a closed shard has been read to its end. */
  readonly nextShardIterator: string;
  readonly millisBehindLatest: number;
  /** Set once a closed shard has been read to its end: the shards that replaced it. */
  readonly childShardIds: readonly string[];
}
