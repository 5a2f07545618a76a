// SetEnhancedMonitoring (Enable/DisableEnhancedMonitoring as a metadata
// command): enable adds and disable removes, each answering the metrics
// before and after in Kinesis's order; ALL stands for every one; the list
// is in the stream's record, so the snapshot carries it; a missing or
// inactive stream, an empty list and an unknown name are refused and change
// nothing; the command survives the log codec.
import { describe, expect, it } from 'vitest';
import {
  decodeMetaCommand,
  encodeMetaCommand,
  type MetaCommand,
  MetaState,
  shardLevelMetricNames,
} from '../src/index.js';
import { applyNext, createCmd, registerCmd, stateOf } from './fixtures.js';

const set = (name: string, metrics: string[], enable: boolean): MetaCommand => ({
  type: 'SetEnhancedMonitoring',
  name,
  metrics,
  enable,
});

function activeStream(): MetaState {
  return stateOf([
    registerCmd(1),
    createCmd('orders', [[1]]),
    { type: 'SetStreamStatus', name: 'orders', status: 'ACTIVE' },
  ]);
}

describe('SetEnhancedMonitoring', () => {
  it('adds and removes, answering before and after, and the snapshot keeps the list', () => {
    const s = activeStream();
    const steps: Array<[string[], boolean, string[], string[]]> = [
      [['IteratorAgeMilliseconds', 'IncomingBytes'], true, [], ['IncomingBytes', 'IteratorAgeMilliseconds']],
      [
        ['IncomingBytes', 'OutgoingBytes'],
        false,
        ['IncomingBytes', 'IteratorAgeMilliseconds'],
        ['IteratorAgeMilliseconds'],
      ],
      [['ALL'], true, ['IteratorAgeMilliseconds'], [...shardLevelMetricNames]],
      [['ALL'], false, [...shardLevelMetricNames], []],
      [['IncomingRecords', 'IncomingRecords'], true, [], ['IncomingRecords']],
    ];
    for (const [metrics, enable, current, desired] of steps) {
      const o = applyNext(s, set('orders', metrics, enable));
      expect(o, `${enable} ${metrics}`).toEqual({ ok: true, value: { current, desired } });
      expect(s.stream('orders')?.enhancedMetrics).toEqual(desired);
    }
    expect(MetaState.decode(s.encode()).stream('orders')?.enhancedMetrics).toEqual(['IncomingRecords']);
  });

  it('refuses a missing or inactive stream, an empty list and an unknown name, changing nothing', () => {
    const s = activeStream();
    applyNext(s, set('orders', ['IncomingBytes'], true));
    const cases: Array<[MetaCommand, string, string | undefined]> = [
      [set('nope', ['ALL'], true), 'ResourceNotFound', 'StreamName'],
      [set('orders', [], true), 'InvalidArgument', 'shard_level_metrics'],
      [set('orders', ['IncomingBites'], true), 'InvalidArgument', 'shard_level_metrics'],
      [set('orders', ['All'], false), 'InvalidArgument', 'shard_level_metrics'],
    ];
    for (const [cmd, reason, field] of cases) {
      const o = applyNext(s, cmd);
      expect(o, JSON.stringify(cmd)).toMatchObject({ ok: false, reason, field });
    }
    applyNext(s, { type: 'DeleteStream', name: 'orders' });
    expect(applyNext(s, set('orders', ['ALL'], true))).toMatchObject({ ok: false, reason: 'ResourceInUse' });
    expect(s.stream('orders')?.enhancedMetrics).toEqual(['IncomingBytes']);
  });

  it('round-trips through the log codec, and a malformed one is Corrupt', () => {
    const cmd = set('orders', ['ALL', 'IncomingBytes'], false);
    expect(decodeMetaCommand(encodeMetaCommand(cmd))).toEqual(cmd);
    const bad = new TextEncoder().encode(
      JSON.stringify({ type: 'SetEnhancedMonitoring', name: 'orders', metrics: 'ALL', enable: true }),
    );
    expect(() => decodeMetaCommand(bad)).toThrow(/metrics/);
  });
});
