// Proves the error table is complete and documented: every reason has a
// gRPC status from grpc-js's enum, a Kinesis name and a retry rule; a
// RheoError carries them with a fixed name; and docs/errors.md has one row
// per reason that agrees with the code (this test fails when a reason is
// added without its documentation, or the two drift apart).
import { readFileSync } from 'node:fs';
import { status } from '@grpc/grpc-js';
import { describe, expect, test } from 'vitest';
import { isReason, isRheoError, type Reason, RheoError, reasonNames, reasons } from '../src/errors.js';

const docsPath = new URL('../../../docs/errors.md', import.meta.url);

/** The rows of docs/errors.md's tables, keyed by reason. */
function documentedRows(): Map<string, { grpc: string; kinesis: string; retryable: string; when: string }> {
  const rows = new Map<string, { grpc: string; kinesis: string; retryable: string; when: string }>();
  for (const line of readFileSync(docsPath, 'utf8').split('\n')) {
    const cells = line.split('|').map((c) => c.trim().replaceAll('`', ''));
    // "| reason | status | name | retryable | when |" splits into 7 cells with empty ends.
    if (cells.length !== 7 || cells[1] === 'reason' || cells[1]?.startsWith('---')) continue;
    const [, reason, grpc, kinesis, retryable, when] = cells as [
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    rows.set(reason, { grpc, kinesis, retryable, when });
  }
  return rows;
}

describe('error reasons', () => {
  test.each(reasonNames.map((r) => [r]))(
    '%s has a gRPC status, a Kinesis name and a retry rule',
    (reason) => {
      const info = reasons[reason];
      expect(Object.values(status)).toContain(info.grpcStatus);
      expect(info.grpcStatus).not.toBe(status.OK);
      expect(info.kinesisName).toMatch(/^[A-Z][A-Za-z]+$/);
      expect(typeof info.retryable).toBe('boolean');
    },
  );

  test('the names the brief requires are present', () => {
    const required: Reason[] = [
      'ResourceNotFound',
      'ResourceInUse',
      'InvalidArgument',
      'ProvisionedThroughputExceeded',
      'ExpiredIterator',
      'ExpiredNextToken',
      'LimitExceeded',
      'AccessDenied',
      'KMSDisabled',
      'KMSInvalidState',
      'KMSAccessDenied',
      'KMSNotFound',
      'KMSOptInRequired',
      'KMSThrottling',
      'Validation',
      'NotLeader',
      'Corrupt',
      'Internal',
      'Unavailable',
      'OutcomeUnknown',
      'Backpressure',
    ];
    for (const reason of required) expect(isReason(reason), reason).toBe(true);
    expect(isReason('NoSuchReason')).toBe(false);
    expect(isReason('toString')).toBe(false);
  });

  test.each([
    ['NotLeader', status.UNAVAILABLE, true],
    ['Corrupt', status.DATA_LOSS, false],
    ['Backpressure', status.RESOURCE_EXHAUSTED, true],
    ['ProvisionedThroughputExceeded', status.RESOURCE_EXHAUSTED, true],
    ['ResourceNotFound', status.NOT_FOUND, false],
    ['InvalidArgument', status.INVALID_ARGUMENT, false],
  ] as const)('%s maps to status %i, retryable %s', (reason, grpcStatus, retryable) => {
    expect(reasons[reason]).toMatchObject({ grpcStatus, retryable });
  });

  test('a RheoError carries its reason`s mapping, field, cause and leader hint', () => {
    const cause = new Error('lower');
    const err = new RheoError('NotLeader', 'not the leader of shard 3', {
      field: 'shard_id',
      cause,
      leaderHint: '10.0.0.2:7100',
      leaderNodeId: 2,
      retryAfterMs: 50,
    });
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe('RheoError');
    expect(err.code).toBe('NotLeader');
    expect(err.grpcStatus).toBe(status.UNAVAILABLE);
    expect(err.kinesisName).toBe('ServiceUnavailable');
    expect(err.retryable).toBe(true);
    expect(err.field).toBe('shard_id');
    expect(err.cause).toBe(cause);
    expect(err.leaderHint).toBe('10.0.0.2:7100');
    expect(err.leaderNodeId).toBe(2);
    expect(err.retryAfterMs).toBe(50);
    expect(isRheoError(err)).toBe(true);
    expect(isRheoError(err, 'NotLeader', 'Unavailable')).toBe(true);
    expect(isRheoError(err, 'Internal')).toBe(false);
    expect(isRheoError(new Error('x'))).toBe(false);
  });
});

describe('docs/errors.md', () => {
  const rows = documentedRows();

  test.each(reasonNames.map((r) => [r]))('documents %s exactly as the table in code', (reason) => {
    const row = rows.get(reason);
    expect(row, `docs/errors.md has no row for ${reason}`).toBeDefined();
    const info = reasons[reason];
    expect(row?.grpc).toBe(status[info.grpcStatus]);
    expect(row?.kinesis).toBe(info.kinesisName);
    expect(row?.retryable).toBe(info.retryable ? 'yes' : 'no');
    expect(row?.when.length).toBeGreaterThan(10);
  });

  test('documents no reason the code lacks', () => {
    for (const reason of rows.keys())
      expect(isReason(reason), `${reason} is documented but not in code`).toBe(true);
  });
});
