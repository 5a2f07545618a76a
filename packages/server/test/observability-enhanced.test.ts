// Enable/DisableEnhancedMonitoring's bookkeeping, as Kinesis defines it:
// enable adds to a stream's shard-level metrics and disable removes, each
// answering the metrics before and after; ALL stands for every one; an
// unknown name is refused with InvalidArgument and changes nothing; the
// contract's enum names map to Kinesis's names and back.
import { RheoError } from '@rheo/wire';
import { describe, expect, it } from 'vitest';
import {
  EnhancedMonitoring,
  shardLevelMetricFromProto,
  shardLevelMetricNames,
  shardLevelMetricToProto,
} from '../src/observability/index.js';

describe('enhanced monitoring', () => {
  it('enables and disables by adding and removing, answering before and after', () => {
    const e = new EnhancedMonitoring();
    const steps: Array<[op: 'enable' | 'disable', metrics: string[], current: string[], desired: string[]]> =
      [
        ['enable', ['IncomingBytes'], [], ['IncomingBytes']],
        [
          'enable',
          ['IteratorAgeMilliseconds', 'IncomingBytes'],
          ['IncomingBytes'],
          ['IncomingBytes', 'IteratorAgeMilliseconds'],
        ],
        [
          'disable',
          ['IncomingBytes', 'OutgoingBytes'],
          ['IncomingBytes', 'IteratorAgeMilliseconds'],
          ['IteratorAgeMilliseconds'],
        ],
        ['enable', ['ALL'], ['IteratorAgeMilliseconds'], [...shardLevelMetricNames]],
        ['disable', ['ALL'], [...shardLevelMetricNames], []],
      ];
    for (const [op, metrics, current, desired] of steps) {
      expect(e[op]('orders', metrics), `${op} ${metrics}`).toEqual({ current, desired });
      expect(e.get('orders')).toEqual(desired);
    }
    expect(e.has('clicks', 'IncomingBytes')).toBe(false);
  });

  it('refuses an unknown name and keeps what was set', () => {
    const e = new EnhancedMonitoring();
    e.enable('orders', ['IncomingRecords']);
    for (const call of [() => e.enable('orders', ['IncomingBites']), () => e.disable('orders', ['All'])]) {
      expect(call).toThrow(RheoError);
      try {
        call();
      } catch (err) {
        expect((err as RheoError).code).toBe('InvalidArgument');
        expect((err as RheoError).field).toBe('shard_level_metrics');
      }
    }
    expect(e.get('orders')).toEqual(['IncomingRecords']);
  });

  it("maps the contract's enum names to Kinesis's and back", () => {
    expect(shardLevelMetricToProto('IncomingBytes')).toBe('SHARD_LEVEL_METRIC_INCOMING_BYTES');
    expect(shardLevelMetricToProto('WriteProvisionedThroughputExceeded')).toBe(
      'SHARD_LEVEL_METRIC_WRITE_PROVISIONED_THROUGHPUT_EXCEEDED',
    );
    expect(shardLevelMetricToProto('ALL')).toBe('SHARD_LEVEL_METRIC_ALL');
    for (const m of [...shardLevelMetricNames, 'ALL'] as const)
      expect(shardLevelMetricFromProto(shardLevelMetricToProto(m))).toBe(m);
    expect(shardLevelMetricFromProto('SHARD_LEVEL_METRIC_UNSPECIFIED')).toBe(
      'SHARD_LEVEL_METRIC_UNSPECIFIED',
    );
  });
});
