// Rheo's error reasons. Each reason has exactly one gRPC status, one Kinesis
// exception name and one retry rule, all in the table below, so the server,
// the SDK and the Kinesis gateway can never disagree about what an error
// means. docs/errors.md lists the same reasons; a test keeps them in step.
import { status } from '@grpc/grpc-js';

export interface ReasonInfo {
  /** gRPC status code the server answers with. */
  readonly grpcStatus: status;
  /** Exception name the Kinesis-compatible gateway answers with (`__type`). */
  readonly kinesisName: string;
  /** True when the same call may succeed if retried unchanged (after a backoff, or at the leader). */
  readonly retryable: boolean;
}

/** Every reason, its gRPC status, its Kinesis name and whether it is retryable. */
export const reasons = {
  // Kinesis's own exceptions.
  ResourceNotFound: {
    grpcStatus: status.NOT_FOUND,
    kinesisName: 'ResourceNotFoundException',
    retryable: false,
  },
  ResourceInUse: {
    grpcStatus: status.FAILED_PRECONDITION,
    kinesisName: 'ResourceInUseException',
    retryable: false,
  },
  InvalidArgument: {
    grpcStatus: status.INVALID_ARGUMENT,
    kinesisName: 'InvalidArgumentException',
    retryable: false,
  },
  ProvisionedThroughputExceeded: {
    grpcStatus: status.RESOURCE_EXHAUSTED,
    kinesisName: 'ProvisionedThroughputExceededException',
    retryable: true,
  },
  ExpiredIterator: {
    grpcStatus: status.FAILED_PRECONDITION,
    kinesisName: 'ExpiredIteratorException',
    retryable: false,
  },
  ExpiredNextToken: {
    grpcStatus: status.FAILED_PRECONDITION,
    kinesisName: 'ExpiredNextTokenException',
    retryable: false,
  },
  LimitExceeded: {
    grpcStatus: status.RESOURCE_EXHAUSTED,
    kinesisName: 'LimitExceededException',
    retryable: true,
  },
  AccessDenied: {
    grpcStatus: status.PERMISSION_DENIED,
    kinesisName: 'AccessDeniedException',
    retryable: false,
  },
  Validation: { grpcStatus: status.INVALID_ARGUMENT, kinesisName: 'ValidationException', retryable: false },
  KMSDisabled: {
    grpcStatus: status.FAILED_PRECONDITION,
    kinesisName: 'KMSDisabledException',
    retryable: false,
  },
  KMSInvalidState: {
    grpcStatus: status.FAILED_PRECONDITION,
    kinesisName: 'KMSInvalidStateException',
    retryable: false,
  },
  KMSAccessDenied: {
    grpcStatus: status.PERMISSION_DENIED,
    kinesisName: 'KMSAccessDeniedException',
    retryable: false,
  },
  KMSNotFound: { grpcStatus: status.NOT_FOUND, kinesisName: 'KMSNotFoundException', retryable: false },
  // Kinesis spells this one without the "Exception" suffix.
  KMSOptInRequired: {
    grpcStatus: status.FAILED_PRECONDITION,
    kinesisName: 'KMSOptInRequired',
    retryable: false,
  },
  KMSThrottling: {
    grpcStatus: status.RESOURCE_EXHAUSTED,
    kinesisName: 'KMSThrottlingException',
    retryable: true,
  },
  // Rheo's own reasons. The gateway maps them to the AWS common errors a
  // Kinesis SDK already knows how to handle (503 and 500 retry, throttling backs off).
  NotLeader: { grpcStatus: status.UNAVAILABLE, kinesisName: 'ServiceUnavailable', retryable: true },
  ShardClosed: { grpcStatus: status.FAILED_PRECONDITION, kinesisName: 'InternalFailure', retryable: false },
  LeaseLost: { grpcStatus: status.FAILED_PRECONDITION, kinesisName: 'InternalFailure', retryable: false },
  Corrupt: { grpcStatus: status.DATA_LOSS, kinesisName: 'InternalFailure', retryable: false },
  Internal: { grpcStatus: status.INTERNAL, kinesisName: 'InternalFailure', retryable: false },
  Unavailable: { grpcStatus: status.UNAVAILABLE, kinesisName: 'ServiceUnavailable', retryable: true },
  OutcomeUnknown: { grpcStatus: status.UNKNOWN, kinesisName: 'InternalFailure', retryable: false },
  Backpressure: {
    grpcStatus: status.RESOURCE_EXHAUSTED,
    kinesisName: 'ThrottlingException',
    retryable: true,
  },
} as const satisfies Record<string, ReasonInfo>;

export type Reason = keyof typeof reasons;

/** Every reason, in table order. */
export const reasonNames: readonly Reason[] = Object.freeze(Object.keys(reasons) as Reason[]);

/** True when `name` is one of the reasons (for decoding an ErrorDetail off the wire). */
export function isReason(name: string): name is Reason {
  return Object.hasOwn(reasons, name);
}

export interface RheoErrorOptions {
  /** The request field at fault (proto field path or Kinesis member name). */
  readonly field?: string;
  /** The lower-level error that led to this one. */
  readonly cause?: unknown;
  /** NotLeader: the client address (host:port) of the node believed to lead the shard or group. */
  readonly leaderHint?: string;
  /** NotLeader: that node's id, when known. */
  readonly leaderNodeId?: number;
  /** Throttling and overload: the least backoff the server suggests before a retry. */
  readonly retryAfterMs?: number;
}

/**
 * The one error class every Rheo package throws for operating errors (bad
 * input, lost peers, limits). Programmer errors are assertions instead.
 */
export class RheoError extends Error {
  override readonly name = 'RheoError';
  readonly code: Reason;
  readonly grpcStatus: status;
  readonly kinesisName: string;
  readonly retryable: boolean;
  readonly field: string | undefined;
  readonly leaderHint: string | undefined;
  readonly leaderNodeId: number | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(code: Reason, message: string, options: RheoErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    const info: ReasonInfo = reasons[code];
    this.code = code;
    this.grpcStatus = info.grpcStatus;
    this.kinesisName = info.kinesisName;
    this.retryable = info.retryable;
    this.field = options.field;
    this.leaderHint = options.leaderHint;
    this.leaderNodeId = options.leaderNodeId;
    this.retryAfterMs = options.retryAfterMs;
  }
}

/**
 * `err` as a RheoError: itself when it is one, else Internal with `err` as
 * the cause (for handlers that must answer every failure with a reason).
 */
export function toRheoError(err: unknown): RheoError {
  if (err instanceof RheoError) return err;
  return new RheoError('Internal', err instanceof Error ? err.message : String(err), { cause: err });
}

/** True when `err` is a RheoError, optionally of one of `codes`. */
export function isRheoError(err: unknown, ...codes: Reason[]): err is RheoError {
  return err instanceof RheoError && (codes.length === 0 || codes.includes(err.code));
}
