// RheoError to and from the ErrorDetail message that travels in a failed
// call's trailing metadata (proto/rheo/v1/common.proto; proto.ts puts it in
// and takes it out). The server answers with toErrorDetail; the SDK rebuilds
// the same RheoError with fromErrorDetail, or, when a peer or a proxy sent a
// bare status, with the reason that status most likely means.
import { status } from '@grpc/grpc-js';
import { isReason, type Reason, RheoError } from './errors.js';
import type { ErrorDetail, ErrorDetail__Output } from './generated/index.js';

/** The ErrorDetail for `err`: its reason code, message, field and hints. */
export function toErrorDetail(err: RheoError): ErrorDetail {
  return {
    reason: err.code,
    message: err.message,
    field: err.field ?? '',
    leaderNodeId: err.leaderNodeId ?? 0,
    leaderAddress: err.leaderHint ?? '',
    retryable: err.retryable,
    retryAfterMs: err.retryAfterMs ?? 0,
  };
}

/** The reason a bare gRPC status most likely means, when no ErrorDetail came with it. */
const reasonOfStatus: Partial<Record<status, Reason>> = {
  [status.INVALID_ARGUMENT]: 'InvalidArgument',
  [status.NOT_FOUND]: 'ResourceNotFound',
  [status.ALREADY_EXISTS]: 'ResourceInUse',
  [status.FAILED_PRECONDITION]: 'ResourceInUse',
  [status.PERMISSION_DENIED]: 'AccessDenied',
  [status.UNAUTHENTICATED]: 'AccessDenied',
  [status.RESOURCE_EXHAUSTED]: 'Backpressure',
  [status.UNAVAILABLE]: 'Unavailable',
  [status.DATA_LOSS]: 'Corrupt',
  // The call may or may not have taken effect.
  [status.DEADLINE_EXCEEDED]: 'OutcomeUnknown',
  [status.CANCELLED]: 'OutcomeUnknown',
  [status.UNKNOWN]: 'OutcomeUnknown',
};

/**
 * The RheoError a failed call carried: from its ErrorDetail when there is one
 * with a known reason, else from its gRPC status code and details text.
 */
export function fromErrorDetail(
  detail: ErrorDetail__Output | undefined,
  grpcStatus: status,
  details: string,
): RheoError {
  if (detail !== undefined && isReason(detail.reason)) {
    return new RheoError(detail.reason, detail.message || details, {
      ...(detail.field === '' ? {} : { field: detail.field }),
      ...(detail.leaderAddress === '' ? {} : { leaderHint: detail.leaderAddress }),
      ...(detail.leaderNodeId === 0 ? {} : { leaderNodeId: detail.leaderNodeId }),
      ...(detail.retryAfterMs === 0 ? {} : { retryAfterMs: detail.retryAfterMs }),
    });
  }
  const reason = reasonOfStatus[grpcStatus] ?? 'Internal';
  return new RheoError(reason, details || `gRPC status ${status[grpcStatus] ?? grpcStatus}`);
}
