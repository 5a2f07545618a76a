// The broker's public data shapes: what the server layer passes in and gets
// back. Kept apart from the classes so callers can import types alone.

import type { ConfState, Message, NodeId, Role } from '@rheo/raft';
import type { HashRange } from '@rheo/wire';

/** One shard's replica as placed on this node (from configuration now, from the controller later). */
export interface ShardSpec {
  /** Transport id of the shard's Raft group: a positive integer, the same on every replica. */
  readonly groupId: number;
  /** The group's storage name on this node, e.g. `shard/<stream>/<shardId>`. */
  readonly groupName: string;
  readonly streamName: string;
  /** Kinesis form: `shardId-000000000000`. */
  readonly shardId: string;
  readonly hashRange: HashRange;
  /** The shard's sequence-number base (0 for a stream's first shards; see @rheo/wire childBase). */
  readonly sequenceBase: bigint;
  /** The founding voters (node ids). A new group starts with exactly these as its membership. */
  readonly replicas: readonly NodeId[];
}

/** Idempotent-producer fields of one batch (proto PutRecordsRequest fields 5..7). */
export interface ProducerStamp {
  /** 1..64 characters, stable across the producer's retries. */
  readonly producerId: string;
  /** Raised by a producer that restarts with the same id; lower epochs are fenced. */
  readonly producerEpoch: number;
  /** This producer's batch number for this shard: from 1, one more per new batch. */
  readonly batchSequence: number;
}

/** The answer to one produced batch: record i has firstSequenceNumber + i. */
export interface ProduceAck {
  readonly shardId: string;
  /** Decimal string, 56 digits. */
  readonly firstSequenceNumber: string;
  readonly recordCount: number;
  /** The arrival time the leader stamped on every record of the batch, ms since the epoch. */
  readonly arrivalTimestampMs: number;
  /** True when the answer came from the idempotent-producer table: the batch had been written before. */
  readonly duplicate: boolean;
}

export type ShardIteratorType =
  | 'TRIM_HORIZON'
  | 'LATEST'
  | 'AT_SEQUENCE_NUMBER'
  | 'AFTER_SEQUENCE_NUMBER'
  | 'AT_TIMESTAMP';

export interface GetShardIteratorRequest {
  readonly type: ShardIteratorType;
  /** For AT_ / AFTER_SEQUENCE_NUMBER: the decimal sequence number. */
  readonly sequenceNumber?: string;
  /** For AT_TIMESTAMP: ms since the epoch. */
  readonly timestampMs?: number;
}

export interface ReadOptions {
  /** Serve from this replica's applied state even when it does not lead (possibly stale, never uncommitted). */
  readonly allowFollower?: boolean;
}

export interface GetRecordsOptions extends ReadOptions {
  /** Records to return at most: 1..10,000 (default 10,000). */
  readonly limitRecords?: number;
  /** Bytes of stored batches to return at most (whole batches; the first one always goes); default 10 MiB. */
  readonly maxBytes?: number;
}

export interface GetRecordsResult {
  /**
   * Stored record batches, oldest first; each element holds one or more
   * stored batches back to back, as views of the log's bytes (never copied).
   */
  readonly batches: Uint8Array[];
  /** Records at the head of batches[0]'s first batch that precede the iterator's position. */
  readonly firstBatchSkipRecords: number;
  /** Records delivered after the skipped ones; records after them in the last batch are not delivered. */
  readonly recordCount: number;
  readonly nextIterator: string;
  /** How far the last delivered record is behind the shard's newest, ms; 0 when caught up. */
  readonly millisBehindLatest: number;
  /** The shard is closed and this page reached its end: no record follows (its children take over). */
  readonly shardEnded: boolean;
  /** The last delivered record's sequence number; undefined when none was delivered. */
  readonly lastSequence: bigint | undefined;
}

/** Where a replica sends its Raft messages: the node's transport (the server's RaftTransport fits). */
export interface RaftOutbound {
  send(groupId: number, msg: Message): void;
}

/** A replica's role: Raft's, or `learner` for a non-voting member (it follows a leader and never campaigns). */
export type ReplicaRole = Role | 'learner';

/** A member's replication progress as its leader sees it (proto PeerProgress). */
export interface PeerProgress {
  readonly nodeId: NodeId;
  /** Highest log index known to match the leader's. */
  readonly matchIndex: number;
  /** The peer answered within the last election timeout. */
  readonly recentActive: boolean;
}

/**
 * One replica's view of its shard's group (ShardReplica.status()): what the
 * node heartbeat reports (proto ReplicaState) and what the server's cluster
 * view reads. Built from one core status call; cheap enough for every
 * replica on every heartbeat.
 */
export interface ReplicaStatus {
  readonly groupId: number;
  readonly streamName: string;
  readonly shardId: string;
  readonly role: ReplicaRole;
  readonly leader: NodeId;
  readonly term: number;
  readonly commitIndex: number;
  readonly appliedIndex: number;
  readonly firstIndex: number;
  readonly lastIndex: number;
  /** The membership as this replica knows it (applied conf changes). */
  readonly confState: ConfState;
  /** True while the replica repairs a damaged log from its peers (it neither votes nor campaigns). */
  readonly needsRepair: boolean;
  /** On the leader: every other member's progress, in node id order. Empty elsewhere. */
  readonly peers: readonly PeerProgress[];
  /** On the leader: the node leadership is being handed to, else 0. */
  readonly leadTransferee: NodeId;
  /** True on a leader once it applied an entry of its own term: it takes writes and serves reads. */
  readonly serving: boolean;
  readonly inflightBytes: number;
  readonly failed: boolean;
  /** Set once the shard is closed (resharding): its last sequence number, 56 digits. */
  readonly endingSequenceNumber?: string;
}
