// A record's failure in a PutRecords answer: Kinesis has two codes only,
// ProvisionedThroughputExceededException (back off and resend) and
// InternalFailure (anything else). A failure that concerns the whole call
// (no such stream, bad argument) fails the call instead.
import { RheoError, toRheoError } from '@rheo/wire';

const throttled = new Set([
  'ProvisionedThroughputExceeded',
  'LimitExceeded',
  'Backpressure',
  'KMSThrottling',
]);
const wholeCall = new Set([
  'ResourceNotFound',
  'InvalidArgument',
  'Validation',
  'AccessDenied',
  'ResourceInUse',
]);

export function recordFailure(err: unknown): { ErrorCode: string; ErrorMessage: string } {
  const rheo = toRheoError(err);
  return {
    ErrorCode: throttled.has(rheo.code) ? 'ProvisionedThroughputExceededException' : 'InternalFailure',
    ErrorMessage: rheo.message,
  };
}

/** True when every record failed for a reason that is the call's, not the record's. */
export function isWholeCallFailure(err: unknown): err is RheoError {
  return err instanceof RheoError && wholeCall.has(err.code);
}
