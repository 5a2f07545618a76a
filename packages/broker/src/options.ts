// The replica's options: one typed schema with the defaults written out,
// validated once, unknown keys refused, the result frozen. Units end names.

import {
  type BatchLimits,
  clientBatchLimits,
  entryRecordsMax,
  iteratorSecretBytesMin,
  iteratorTtlMs,
} from '@rheo/wire';

const MiB = 1024 * 1024;

export interface ReplicaOptions {
  /** The cluster secret that signs shard iterators (at least 16 bytes; the same on every node). */
  readonly iteratorSecret: Uint8Array;
  /** How long an iterator stays valid. */
  readonly iteratorTtlMs: number;
  /** Wall time of one Raft tick (the host's shared timer). */
  readonly tickIntervalMs: number;
  /** Ticks without a leader before a follower campaigns (randomized up to twice this). */
  readonly electionTicks: number;
  /** Ticks between a leader's heartbeats. */
  readonly heartbeatTicks: number;
  /** Ticks taken off the lease to absorb clock-rate differences (1 .. electionTicks-1). */
  readonly leaseSafetyMarginTicks: number;
  /** Bytes of one Raft entry (batches gathered in one event-loop turn); far under gRPC's 64 MiB message. */
  readonly entryBytesMax: number;
  /** Bytes of produced batches accepted and not yet answered, per shard; past it: Backpressure. */
  readonly inflightBytesMax: number;
  /** Producers remembered per shard by the idempotent-producer table (least recently used evicted). */
  readonly producersMax: number;
  /** Batch answers remembered per producer (retries of older batches cannot be answered). */
  readonly producerBatchesKept: number;
  /** Persist the shard state at least every this many applied entries... */
  readonly statePersistEntries: number;
  /** ...or this many ms, whichever comes first (bounds the re-apply after a restart). */
  readonly statePersistIntervalMs: number;
  /** A read-index round (a leader without a lease) fails with Unavailable after this many ticks. */
  readonly readIndexTimeoutTicks: number;
  /** Entries read from the log per step of a GetRecords scan. */
  readonly readStepEntries: number;
  /** Bounds a producer's batch is checked against. */
  readonly batchLimits: BatchLimits;
  /** Raft: bytes of entries in one App message. */
  readonly raftMsgBytesMax: number;
  /** Raft: App messages in flight per follower. */
  readonly raftInflightMsgsMax: number;
  /** Raft: App bytes in flight per follower. */
  readonly raftInflightBytesMax: number;
  /** Raft: committed entry bytes handed to one apply. */
  readonly raftApplyBytesMax: number;
  /**
   * Raft: Readies a group's driver holds at once (1..64). Above 1 a new
   * Ready's write joins the node's next group commit while the last is still
   * being written, and a leader's appends leave at once.
   */
  readonly raftReadiesInFlightMax: number;
  /**
   * Membership changes: a learner within this many entries of the leader's
   * last index counts as caught up and may be promoted (0 = fully caught up).
   */
  readonly catchUpEntries: number;
}

export const DEFAULT_REPLICA_OPTIONS: Omit<ReplicaOptions, 'iteratorSecret'> = Object.freeze({
  iteratorTtlMs,
  tickIntervalMs: 100,
  electionTicks: 10,
  heartbeatTicks: 1,
  leaseSafetyMarginTicks: 2,
  entryBytesMax: 8 * MiB,
  inflightBytesMax: 64 * MiB,
  producersMax: 10_000,
  producerBatchesKept: 5,
  statePersistEntries: 1000,
  statePersistIntervalMs: 1000,
  readIndexTimeoutTicks: 30,
  readStepEntries: 256,
  batchLimits: clientBatchLimits,
  raftMsgBytesMax: 8 * MiB,
  raftInflightMsgsMax: 256,
  raftInflightBytesMax: 64 * MiB,
  raftApplyBytesMax: 32 * MiB,
  raftReadiesInFlightMax: 4,
  catchUpEntries: 64,
});

const POSITIVE_INTEGERS = [
  'iteratorTtlMs',
  'tickIntervalMs',
  'electionTicks',
  'heartbeatTicks',
  'leaseSafetyMarginTicks',
  'entryBytesMax',
  'inflightBytesMax',
  'producersMax',
  'producerBatchesKept',
  'statePersistEntries',
  'statePersistIntervalMs',
  'readIndexTimeoutTicks',
  'readStepEntries',
  'raftMsgBytesMax',
  'raftInflightMsgsMax',
  'raftInflightBytesMax',
  'raftApplyBytesMax',
  'raftReadiesInFlightMax',
] as const satisfies readonly (keyof ReplicaOptions)[];

/** Options with defaults filled in; a misspelled key or a bad value is a programmer error (TypeError). */
export function resolveReplicaOptions(
  given: Partial<ReplicaOptions> & Pick<ReplicaOptions, 'iteratorSecret'>,
): ReplicaOptions {
  for (const k of Object.keys(given)) {
    if (k !== 'iteratorSecret' && !(k in DEFAULT_REPLICA_OPTIONS))
      throw new TypeError(`unknown replica option ${JSON.stringify(k)}`);
  }
  const o: ReplicaOptions = { ...DEFAULT_REPLICA_OPTIONS, ...given };
  for (const k of POSITIVE_INTEGERS) {
    if (!Number.isSafeInteger(o[k]) || o[k] <= 0)
      throw new TypeError(`replica option ${k} must be a positive integer`);
  }
  if (!Number.isSafeInteger(o.catchUpEntries) || o.catchUpEntries < 0)
    throw new TypeError('replica option catchUpEntries must be a non-negative integer');
  if (!(o.iteratorSecret instanceof Uint8Array) || o.iteratorSecret.length < iteratorSecretBytesMin)
    throw new TypeError(`replica option iteratorSecret needs at least ${iteratorSecretBytesMin} bytes`);
  if (o.raftReadiesInFlightMax > 64)
    throw new TypeError('replica option raftReadiesInFlightMax must be at most 64');
  if (o.electionTicks <= o.heartbeatTicks) throw new TypeError('electionTicks must exceed heartbeatTicks');
  if (o.leaseSafetyMarginTicks >= o.electionTicks)
    throw new TypeError('leaseSafetyMarginTicks must be below electionTicks');
  if (o.batchLimits.batchRecordsMax > entryRecordsMax)
    throw new TypeError(`batchLimits.batchRecordsMax must fit one entry (${entryRecordsMax} records)`);
  // One batch (records plus their framing and the headers) must always fit one entry.
  if (o.entryBytesMax < o.batchLimits.batchBytesMax + o.batchLimits.batchRecordsMax * 32 + 4096)
    throw new TypeError('entryBytesMax must hold one batch of batchLimits.batchBytesMax');
  return Object.freeze(o);
}
