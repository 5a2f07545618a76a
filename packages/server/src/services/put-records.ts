// The write path shared by PutRecord, PutRecords and each batch of a
// Produce stream: name → shard → this node's replica → produce. The batch's
// bytes go to the broker as the request decoded them (a view of the
// received message, no copy); the broker checks them (CRCs, limits, hash
// ranges) and answers once a majority has synced them.
import type { ProduceAck } from '@rheo/broker';
import { parseSequenceNumber, type pb, RheoError, validateClientBatch } from '@rheo/wire';
import { offsetRecordCount, readU32 } from '@rheo/wire/internal';
import { callTimer } from '../observability/index.js';
import {
  localReplica,
  producerStamp,
  requireBatch,
  resolveShard,
  resolveStream,
  routeBatch,
} from './request-fields.js';
import type { ServiceContext } from './service-context.js';

const ENCRYPTION_NONE = 'ENCRYPTION_TYPE_NONE' as const;
/** A hint for a producer refused for the node's in-flight bound: about one group commit. */
export const backpressureRetryAfterMs = 20;

/** Writes one batch for one shard; rejects with a RheoError (mapped by the caller). */
export async function writeBatch(
  ctx: ServiceContext,
  req: pb.PutRecordsRequest__Output,
): Promise<pb.PutRecordsResponse> {
  const done = callTimer(ctx.metrics?.observePut);
  let streamName = req.streamName;
  let shardId = req.shardId;
  try {
    const stream = resolveStream(ctx, req.streamName, req.streamArn);
    streamName = stream.name;
    const batch = requireBatch(req.recordBatch);
    const stamp = producerStamp(req);
    const shard = req.shardId === '' ? routeBatch(stream, batch) : resolveShard(ctx, stream, req.shardId);
    shardId = shard.spec.shardId;
    const replica = localReplica(ctx, shard);
    replica.throttle.useStreamLimits(stream.shardLimits);
    const answer = putRecordsResponse(await replica.produce(batch, stamp));
    done(streamName);
    return answer;
  } catch (err) {
    done(streamName, err);
    if (err instanceof RheoError && err.code === 'ProvisionedThroughputExceeded')
      ctx.metrics?.throttledWrite(streamName, shardId, recordCountOf(req.recordBatch));
    throw withBatchField(err);
  }
}

/** The record count a (checked) batch's header gives; 0 for no batch. */
function recordCountOf(batch: Buffer | null): number {
  return batch === null || batch.length < offsetRecordCount + 4 ? 0 : readU32(batch, offsetRecordCount);
}

/** A bad or corrupt batch named by no field is about record_batch: say so. */
function withBatchField(err: unknown): unknown {
  if (!(err instanceof RheoError) || err.field !== undefined) return err;
  if (err.code !== 'InvalidArgument' && err.code !== 'Corrupt') return err;
  return new RheoError(err.code, err.message, { field: 'record_batch', cause: err });
}

function putRecordsResponse(ack: ProduceAck): pb.PutRecordsResponse {
  return {
    shardId: ack.shardId,
    firstSequenceNumber: ack.firstSequenceNumber,
    recordCount: ack.recordCount,
    encryptionType: ENCRYPTION_NONE,
    duplicate: ack.duplicate,
    arrivalTimestampMs: ack.arrivalTimestampMs,
  };
}

export function backpressure(ctx: ServiceContext, bytes: number): RheoError {
  return new RheoError(
    'Backpressure',
    `node ${ctx.nodeId} has ${ctx.budget.inflightBytes} bytes of batches in flight; ` +
      `a ${bytes}-byte batch would pass its bound of ${ctx.budget.bytesMax} (retry after a backoff)`,
    { retryAfterMs: backpressureRetryAfterMs },
  );
}

/** Unary PutRecords: one batch, bounded by the node's in-flight bytes. */
export async function putRecords(
  ctx: ServiceContext,
  req: pb.PutRecordsRequest__Output,
): Promise<pb.PutRecordsResponse> {
  const bytes = req.recordBatch?.length ?? 0;
  if (!ctx.budget.tryAcquire(bytes)) throw backpressure(ctx, bytes);
  try {
    return await writeBatch(ctx, req);
  } finally {
    ctx.budget.release(bytes);
  }
}

/**
 * PutRecord: a batch of exactly one record. sequence_number_for_ordering is
 * checked for form only: records of one shard are already written in the
 * order the leader takes them, which is what Kinesis's guard asks for.
 */
export async function putRecord(
  ctx: ServiceContext,
  req: pb.PutRecordRequest__Output,
): Promise<pb.PutRecordResponse> {
  if (req.sequenceNumberForOrdering !== '')
    parseSequenceNumber(req.sequenceNumberForOrdering, 'sequence_number_for_ordering');
  const batch = requireBatch(req.recordBatch);
  // A single record is small, so checking it here first (a second CRC pass) costs little.
  let recordCount: number;
  try {
    recordCount = validateClientBatch(batch).recordCount;
  } catch (err) {
    throw withBatchField(err);
  }
  if (recordCount !== 1)
    throw new RheoError(
      'InvalidArgument',
      `PutRecord takes a record batch of exactly one record; this one holds ${recordCount}`,
      { field: 'record_batch' },
    );
  const answer = await putRecords(ctx, {
    streamName: req.streamName,
    streamArn: req.streamArn,
    shardId: req.shardId,
    recordBatch: batch,
    producerId: '',
    producerEpoch: 0,
    batchSequence: 0,
  });
  return {
    shardId: answer.shardId ?? '',
    sequenceNumber: answer.firstSequenceNumber ?? '',
    encryptionType: ENCRYPTION_NONE,
  };
}
