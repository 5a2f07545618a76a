// Proves a stream's per-shard throughput overrides in the metadata: set at
// CreateStream and by SetStreamLimits (replaced whole; empty means the
// cluster's limits again), refused with InvalidArgument (field ShardLimits)
// for a rate that is not a positive integer (records and calls within the
// contract's uint32), ResourceNotFound for an unknown stream; carried by the
// command codec and the snapshot byte for byte; a malformed one in a
// snapshot is Corrupt.
import { describe, expect, test } from 'vitest';
import { decodeMetaCommand, encodeMetaCommand, type MetaCommand, MetaState } from '../src/index.js';
import { applyNext, createCmd, registerCmd, stateOf } from './fixtures.js';

const base = () => stateOf([registerCmd(1), createCmd('orders', [[1]])]);
const setLimits = (shardLimits: Record<string, unknown>): MetaCommand =>
  ({ type: 'SetStreamLimits', name: 'orders', shardLimits }) as MetaCommand;

describe('stream shard limits', () => {
  test('CreateStream keeps the given overrides; absent ones are the cluster’s', () => {
    const s = stateOf([
      registerCmd(1),
      createCmd('fast', [[1]], { shardLimits: { writeRecordsPerS: 5000, readCallsPerS: 20 } } as never),
    ]);
    expect(s.stream('fast')!.shardLimits).toEqual({ writeRecordsPerS: 5000, readCallsPerS: 20 });
    expect(base().stream('orders')!.shardLimits).toBeUndefined();
  });

  test('SetStreamLimits replaces the overrides; empty ones remove them', () => {
    const s = base();
    expect(applyNext(s, setLimits({ writeBytesPerS: 4_194_304 })).ok).toBe(true);
    expect(s.stream('orders')!.shardLimits).toEqual({ writeBytesPerS: 4_194_304 });
    expect(applyNext(s, setLimits({ readBytesPerS: 1024 })).ok).toBe(true);
    expect(s.stream('orders')!.shardLimits).toEqual({ readBytesPerS: 1024 });
    expect(applyNext(s, setLimits({})).ok).toBe(true);
    expect(s.stream('orders')!.shardLimits).toBeUndefined();
    expect('shardLimits' in s.stream('orders')!).toBe(false);
  });

  test.each([
    [{ writeBytesPerS: 0 }],
    [{ writeRecordsPerS: -1 }],
    [{ readCallsPerS: 2.5 }],
    [{ readCallsPerS: 2 ** 32 }],
    [{ writeBytesPerS: '1MiB' }],
  ])('a bad rate %j is InvalidArgument and changes nothing', (limits) => {
    const s = base();
    const o = applyNext(s, setLimits(limits));
    expect(o).toMatchObject({ ok: false, reason: 'InvalidArgument', field: 'ShardLimits' });
    expect(s.stream('orders')!.shardLimits).toBeUndefined();
    const c = MetaState.empty('x');
    applyNext(c, registerCmd(1));
    expect(applyNext(c, createCmd('bad', [[1]], { shardLimits: limits } as never))).toMatchObject({
      ok: false,
      field: 'ShardLimits',
    });
    expect(c.stream('bad')).toBeUndefined();
  });

  test('an unknown stream is ResourceNotFound', () => {
    const o = applyNext(base(), { type: 'SetStreamLimits', name: 'nope', shardLimits: {} });
    expect(o).toMatchObject({ ok: false, reason: 'ResourceNotFound' });
  });

  test('the command codec and the snapshot carry them', () => {
    const cmd = setLimits({ writeRecordsPerS: 10, readCallsPerS: 7 });
    expect(decodeMetaCommand(encodeMetaCommand(cmd))).toEqual(cmd);
    const create = createCmd('x', [[1]], { shardLimits: { readBytesPerS: 99 } } as never);
    expect(decodeMetaCommand(encodeMetaCommand(create))).toEqual(create);
    const s = base();
    applyNext(s, cmd);
    const bytes = s.encode();
    const back = MetaState.decode(bytes);
    expect(back.stream('orders')!.shardLimits).toEqual({ writeRecordsPerS: 10, readCallsPerS: 7 });
    expect(back.encode()).toEqual(bytes);
  });

  test('a snapshot with a stray limit field is Corrupt', () => {
    const s = base();
    applyNext(s, setLimits({ writeRecordsPerS: 10 }));
    const text = new TextDecoder()
      .decode(s.encode())
      .replace('"writeRecordsPerS"', '"writeRecordsPerMinute"');
    expect(() => MetaState.decode(new TextEncoder().encode(text))).toThrow(/shardLimits/);
  });
});
