// The Producer's options: defaults written out, unknown keys refused, frozen.
import assert from 'node:assert/strict';
import { putRecordsBytesMax, putRecordsRecordsMax } from '@rheo/wire';
import type { RetryPolicy } from './backoff.js';
import { refuseUnknownKeys } from './client-options.js';

export interface ProducerOptions {
  /** How long a batch waits for more records before it is sent. */
  readonly lingerMs?: number;
  /** Records per batch (1..500). */
  readonly batchRecordsMax?: number;
  /** Partition-key plus data bytes per batch (up to 5 MiB). */
  readonly batchBytesMax?: number;
  /**
   * Batches of one shard sent and not yet answered. 1 keeps per-shard order
   * under retries even without idempotence; more keeps it only with it.
   */
  readonly inflightBatchesPerShardMax?: number;
  /** Stamp batches with producer id, epoch and per-shard sequence so a retry is written once. */
  readonly idempotent?: boolean;
  /** The producer id (1..64 characters); a random UUID when absent. */
  readonly producerId?: string;
  /** Bytes accepted by send() and not yet settled; send() waits for room past it. */
  readonly bufferedBytesMax?: number;
  /** Bounds of one batch's retries (attempts, total time, backoff). */
  readonly retry?: Partial<RetryPolicy>;
  /** 'stream': one Produce stream per node (default); 'unary': one PutRecords call per batch. */
  readonly transport?: 'stream' | 'unary';
  /** A batch unanswered this long on a Produce stream breaks the stream (and is retried). */
  readonly batchTimeoutMs?: number;
}

export interface ResolvedProducerOptions {
  readonly lingerMs: number;
  readonly batchRecordsMax: number;
  readonly batchBytesMax: number;
  readonly inflightBatchesPerShardMax: number;
  readonly idempotent: boolean;
  readonly producerId: string;
  readonly bufferedBytesMax: number;
  readonly retry: RetryPolicy;
  readonly transport: 'stream' | 'unary';
  readonly batchTimeoutMs: number;
}

const keys: ReadonlySet<string> = new Set([
  'lingerMs',
  'batchRecordsMax',
  'batchBytesMax',
  'inflightBatchesPerShardMax',
  'idempotent',
  'producerId',
  'bufferedBytesMax',
  'retry',
  'transport',
  'batchTimeoutMs',
]);

/** A batch's retries get more room than a unary call's: the producer exists to deliver. */
export const producerRetryDefaults: RetryPolicy = Object.freeze({
  attemptsMax: 30,
  totalMs: 120_000,
  backoffBaseMs: 20,
  backoffMaxMs: 2_000,
});

function intIn(name: string, value: number, min: number, max: number): number {
  assert.ok(
    Number.isInteger(value) && value >= min && value <= max,
    `${name} must be ${min}..${max}, got ${value}`,
  );
  return value;
}

export function resolveProducerOptions(options: ProducerOptions = {}): ResolvedProducerOptions {
  refuseUnknownKeys('Producer', options, keys);
  const producerId = options.producerId ?? crypto.randomUUID();
  assert.ok(producerId.length >= 1 && producerId.length <= 64, 'producerId must be 1..64 characters');
  return Object.freeze({
    lingerMs: intIn('lingerMs', options.lingerMs ?? 5, 0, 60_000),
    batchRecordsMax: intIn(
      'batchRecordsMax',
      options.batchRecordsMax ?? putRecordsRecordsMax,
      1,
      putRecordsRecordsMax,
    ),
    batchBytesMax: intIn('batchBytesMax', options.batchBytesMax ?? putRecordsBytesMax, 1, putRecordsBytesMax),
    inflightBatchesPerShardMax: intIn(
      'inflightBatchesPerShardMax',
      options.inflightBatchesPerShardMax ?? 1,
      1,
      64,
    ),
    idempotent: options.idempotent ?? true,
    producerId,
    bufferedBytesMax: intIn('bufferedBytesMax', options.bufferedBytesMax ?? 64 * 1024 * 1024, 1, 2 ** 40),
    retry: Object.freeze({ ...producerRetryDefaults, ...options.retry }),
    transport: options.transport ?? 'stream',
    batchTimeoutMs: intIn('batchTimeoutMs', options.batchTimeoutMs ?? 30_000, 10, 3_600_000),
  });
}
