// The errors the gateway answers with, shaped as Kinesis shapes them: an HTTP
// status and a body `{"__type": name, "message": text}`. A RheoError from the
// cluster keeps its Kinesis name (packages/wire/src/errors.ts is the one
// table); the gateway's own pipeline errors (unknown action, bad body, bad
// signature) use the AWS common names a Kinesis SDK already knows.
import { type RheoError, toRheoError } from '@rheo/wire';

export class KinesisError extends Error {
  override readonly name = 'KinesisError';
  constructor(
    /** The `__type` a Kinesis client reads (e.g. ResourceNotFoundException). */
    readonly type: string,
    message: string | undefined,
    /** 400 for the caller's faults, 500 for ours, 503 when the cluster cannot serve now. */
    readonly statusCode = 400,
  ) {
    super(message ?? '');
  }

  /** Kinesis leaves `message` out of a few errors (UnknownOperation, Serialization without detail). */
  get hasMessage(): boolean {
    return this.message !== '';
  }
}

/** HTTP status per Kinesis name of the AWS common errors; every other Kinesis exception is 400. */
const commonStatus: Readonly<Record<string, number>> = {
  InternalFailure: 500,
  ServiceUnavailable: 503,
  ThrottlingException: 400,
};

/** `err` (anything a call to the cluster threw) as the error a Kinesis client expects. */
export function fromClusterError(err: unknown): KinesisError {
  if (err instanceof KinesisError) return err;
  // The client's retry loop wraps what it does not know (our UNIMPLEMENTED answer) as Internal.
  if (err instanceof Error && err.cause instanceof KinesisError) return err.cause;
  const rheo: RheoError = toRheoError(err);
  return new KinesisError(rheo.kinesisName, rheo.message, commonStatus[rheo.kinesisName] ?? 400);
}

export function validationError(message: string): KinesisError {
  return new KinesisError('ValidationException', message);
}

export function serializationError(message?: string): KinesisError {
  return new KinesisError('SerializationException', message);
}

export function invalidArgument(message: string): KinesisError {
  return new KinesisError('InvalidArgumentException', message);
}

/** A known action the cluster does not serve (yet): what Kinesis answers for an operation it does not know. */
export function unsupportedOperation(action: string, why: string): KinesisError {
  return new KinesisError(
    'UnknownOperationException',
    `${action} is not supported by this Rheo cluster: ${why}`,
  );
}

/** The response body of an error (JSON or CBOR is chosen by the caller). */
export function errorBody(err: KinesisError): Record<string, string> {
  return err.hasMessage ? { __type: err.type, message: err.message } : { __type: err.type };
}
