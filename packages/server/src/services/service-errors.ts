// The one place where a failure becomes what a client sees: a RheoError's
// reason gives the gRPC status (wire's table), and the ErrorDetail goes in
// the `rheo-error-bin` trailer (unary calls) or inside a Produce answer.
// On the way:
// - anything that is not a RheoError is a bug or an unforeseen failure: it
//   is logged with its stack and answered Internal, with a message that
//   names the method and the node (never the stack);
// - NotLeader hints: the broker names the leader by node id; clients need
//   an address, so the hint becomes the leader's address and node id;
// - field names: the broker and wire name fields as Kinesis does
//   (`ShardIterator`); a gRPC client sees the proto field path.
import type * as grpc from '@grpc/grpc-js';
import { errorDetailToMetadata, type pb, RheoError, toErrorDetail } from '@rheo/wire';
import type { Logger } from '../log/logger.js';
import type { NodeDirectory } from '../node/node-directory.js';

export interface ErrorContext {
  readonly nodeId: number;
  readonly directory: NodeDirectory;
  readonly log: Logger;
}

/** Kinesis member names used by the broker and wire, as the proto field paths of this API. */
const protoFieldOf: Readonly<Record<string, string>> = Object.freeze({
  ShardIterator: 'shard_iterator',
  ShardIteratorType: 'shard_iterator_type',
  StartingSequenceNumber: 'starting_sequence_number',
  Timestamp: 'timestamp_ms',
  Limit: 'limit',
  StreamName: 'stream_name',
  ShardId: 'shard_id',
  // Problems inside a record batch: the message names the record.
  PartitionKey: 'record_batch',
  Data: 'record_batch',
  ExplicitHashKey: 'record_batch',
  Records: 'record_batch',
});

const NODE_ID_RE = /^\d+$/;

/** The RheoError a client is told about `err` (see the file comment). */
export function clientError(err: unknown, method: string, ctx: ErrorContext): RheoError {
  if (!(err instanceof RheoError)) {
    ctx.log.error({ err, method }, 'unexpected error answered as Internal');
    return new RheoError('Internal', `${method} failed on node ${ctx.nodeId} (an internal error, logged)`, {
      cause: err,
    });
  }
  if (err.code === 'Internal') ctx.log.error({ err, method }, 'internal error');
  const field = err.field === undefined ? undefined : (protoFieldOf[err.field] ?? err.field);
  const leader = err.code === 'NotLeader' ? leaderOf(err, ctx.directory) : undefined;
  if (field === err.field && leader === undefined) return err;
  return new RheoError(err.code, err.message, {
    cause: err.cause ?? err,
    ...(field === undefined ? {} : { field }),
    ...(leader ?? hintsOf(err)),
    ...(err.retryAfterMs === undefined ? {} : { retryAfterMs: err.retryAfterMs }),
  });
}

function hintsOf(err: RheoError): { leaderHint?: string; leaderNodeId?: number } {
  return {
    ...(err.leaderHint === undefined ? {} : { leaderHint: err.leaderHint }),
    ...(err.leaderNodeId === undefined ? {} : { leaderNodeId: err.leaderNodeId }),
  };
}

/** A hint given as a node id becomes that node's address (and id); an address stays as it is. */
function leaderOf(
  err: RheoError,
  directory: NodeDirectory,
): { leaderHint?: string; leaderNodeId: number } | undefined {
  const id =
    err.leaderNodeId ??
    (err.leaderHint !== undefined && NODE_ID_RE.test(err.leaderHint) ? Number(err.leaderHint) : undefined);
  if (id === undefined) return undefined;
  const address =
    directory.address(id) ?? (NODE_ID_RE.test(err.leaderHint ?? '') ? undefined : err.leaderHint);
  return address === undefined ? { leaderNodeId: id } : { leaderHint: address, leaderNodeId: id };
}

/** The ErrorDetail of a Produce answer. */
export function errorDetail(err: unknown, method: string, ctx: ErrorContext): pb.ErrorDetail {
  return toErrorDetail(clientError(err, method, ctx));
}

/** The status, details text and `rheo-error-bin` trailer a failed call ends with. */
export function serviceError(err: unknown, method: string, ctx: ErrorContext): Partial<grpc.StatusObject> {
  const e = clientError(err, method, ctx);
  return { code: e.grpcStatus, details: e.message, metadata: errorDetailToMetadata(toErrorDetail(e)) };
}
