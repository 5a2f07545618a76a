// Proves a RheoError survives the trip a failed call takes: toErrorDetail,
// protobuf encoding into the `rheo-error-bin` trailer and back
// (proto.ts's errorDetailToMetadata / errorDetailFromMetadata), then
// fromErrorDetail, for every reason in the table, with and without the
// optional field, leader hint and retry hint. Without a detail (a proxy's
// bare status) the reason comes from the status code; an unknown reason in a
// detail falls back the same way.
import { status } from '@grpc/grpc-js';
import { describe, expect, test } from 'vitest';
import { fromErrorDetail, toErrorDetail } from '../src/error-detail.js';
import { type Reason, RheoError, reasonNames, toRheoError } from '../src/errors.js';
import { errorDetailFromMetadata, errorDetailToMetadata } from '../src/proto.js';

function roundTrip(err: RheoError): RheoError {
  const metadata = errorDetailToMetadata(toErrorDetail(err));
  return fromErrorDetail(errorDetailFromMetadata(metadata), err.grpcStatus, err.message);
}

function fields(err: RheoError) {
  const { code, message, grpcStatus, kinesisName, retryable, field, leaderHint, leaderNodeId, retryAfterMs } =
    err;
  return { code, message, grpcStatus, kinesisName, retryable, field, leaderHint, leaderNodeId, retryAfterMs };
}

describe('error detail', () => {
  test.each(reasonNames.map((r) => [r]))('%s round-trips through the trailer', (reason: Reason) => {
    const bare = new RheoError(reason, `something about ${reason}`);
    expect(fields(roundTrip(bare))).toEqual(fields(bare));
    const full = new RheoError(reason, 'with everything', {
      field: 'records',
      leaderHint: '127.0.0.1:7003',
      leaderNodeId: 3,
      retryAfterMs: 250,
    });
    expect(fields(roundTrip(full))).toEqual(fields(full));
  });

  test('a leader hint without a node id stays that way', () => {
    const back = roundTrip(new RheoError('NotLeader', 'elsewhere', { leaderHint: 'n2:7000' }));
    expect(back.leaderHint).toBe('n2:7000');
    expect(back.leaderNodeId).toBeUndefined();
  });

  test.each([
    [status.UNAVAILABLE, 'Unavailable'],
    [status.RESOURCE_EXHAUSTED, 'Backpressure'],
    [status.DEADLINE_EXCEEDED, 'OutcomeUnknown'],
    [status.INVALID_ARGUMENT, 'InvalidArgument'],
    [status.DATA_LOSS, 'Corrupt'],
    [status.INTERNAL, 'Internal'],
    [status.UNIMPLEMENTED, 'Internal'],
  ] as const)('a bare status %i reads as %s', (grpcStatus, reason) => {
    const err = fromErrorDetail(undefined, grpcStatus, 'from a proxy');
    expect(err.code).toBe(reason);
    expect(err.message).toBe('from a proxy');
  });

  test('an unknown reason falls back to the status', () => {
    const detail = {
      reason: 'SomethingNew',
      message: 'm',
      field: '',
      leaderNodeId: 0,
      leaderAddress: '',
      retryable: false,
      retryAfterMs: 0,
    };
    expect(fromErrorDetail(detail, status.UNAVAILABLE, 'd').code).toBe('Unavailable');
  });

  test('toRheoError keeps a RheoError and wraps anything else as Internal', () => {
    const err = new RheoError('LimitExceeded', 'too many');
    expect(toRheoError(err)).toBe(err);
    const cause = new TypeError('boom');
    const wrapped = toRheoError(cause);
    expect(wrapped.code).toBe('Internal');
    expect(wrapped.cause).toBe(cause);
    expect(toRheoError('text').message).toBe('text');
  });
});
