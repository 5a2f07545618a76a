// A PutRecords answer (unary or on a Produce stream) as the SDK reports it.
import type { PutResult } from './data-calls.js';
import type { pb } from './grpc.js';

export function toPutResult(answer: pb.PutRecordsResponse__Output): PutResult {
  return {
    shardId: answer.shardId,
    firstSequenceNumber: answer.firstSequenceNumber,
    recordCount: answer.recordCount,
    duplicate: answer.duplicate,
    arrivalMs: answer.arrivalTimestampMs,
  };
}
