// Errors the SDK hands to callers. A failed call is rebuilt as the server's
// RheoError from the `rheo-error-bin` trailer (reason, leader hint,
// retry-after), or from the bare status when a proxy dropped the trailer.
// The SDK's own conditions (closed, gave up) are their own classes.
import type { ServiceError } from '@grpc/grpc-js';
import { errorDetailFromMetadata, fromErrorDetail, type Reason, RheoError, status } from './grpc.js';

function isServiceError(err: unknown): err is ServiceError {
  return err instanceof Error && typeof (err as Partial<ServiceError>).code === 'number';
}

/** `err` (from a gRPC call) as a RheoError; anything else becomes Internal with it as the cause. */
export function callError(err: unknown): RheoError {
  if (err instanceof RheoError) return err;
  if (isServiceError(err)) {
    const detail = errorDetailFromMetadata(err.metadata);
    const rheo = fromErrorDetail(detail, err.code, err.details);
    // A status without a trailer means the call never reached a Rheo handler
    // (connection refused, DNS, TLS): keep the transport error as the cause.
    if (detail === undefined) return new RheoError(rheo.code, rheo.message, { cause: err });
    return rheo;
  }
  return new RheoError('Internal', err instanceof Error ? err.message : String(err), { cause: err });
}

/** True when the server does not offer the method (an older node, or a service not yet served). */
export function isUnimplemented(err: unknown): boolean {
  return isServiceError(err) && err.code === status.UNIMPLEMENTED;
}

/**
 * Reasons the SDK retries by itself. OutcomeUnknown is only retried where a
 * repeat cannot duplicate (reads, and writes of the idempotent producer),
 * which the caller says through `outcomeUnknownSafe`.
 */
export function isRetryable(err: RheoError, outcomeUnknownSafe: boolean): boolean {
  if (err.code === 'OutcomeUnknown') return outcomeUnknownSafe;
  return err.retryable;
}

/** Reasons after which the shard map is stale: the leader moved or the node is gone. */
export function staleMapReason(code: Reason): boolean {
  return code === 'NotLeader' || code === 'Unavailable' || code === 'OutcomeUnknown';
}

/** Thrown by calls on a client, producer or consumer after close(). */
export class ClientClosedError extends Error {
  override readonly name = 'ClientClosedError';
  readonly code = 'ClientClosed';
}
