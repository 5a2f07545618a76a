// What is proven: `rheo stream create`'s per-shard limit flags become the
// CreateStream shardLimits the SDK sends (only the ones given; none given,
// no shardLimits at all), and a bad rate is a usage error naming its flag;
// the bench's raised limits fit what the node config and the contract take.
import { describe, expect, test } from 'vitest';
import { benchNodeLimitFlags, benchShardLimits } from '../src/bench/bench-limits.js';
import { createOptions } from '../src/commands/stream.js';

describe('stream create: shard limits', () => {
  test('the given rates, and only those', () => {
    expect(
      createOptions({ wait: true, shardWriteRecordsPerS: '5000', shardReadCallsPerS: '20' }),
    ).toMatchObject({
      shardLimits: { writeRecordsPerS: 5000, readCallsPerS: 20 },
    });
    expect('shardLimits' in createOptions({ wait: true })).toBe(false);
  });

  test('a rate that is not a positive integer is refused, naming the flag', () => {
    expect(() => createOptions({ wait: true, shardWriteBytesPerS: '0' })).toThrow(
      /--shard-write-bytes-per-s/,
    );
    expect(() => createOptions({ wait: true, shardReadCallsPerS: String(2 ** 32) })).toThrow(
      /--shard-read-calls-per-s/,
    );
  });

  test("the bench's raised limits are within the node config's and the contract's bounds", () => {
    expect(benchShardLimits.writeBytesPerS).toBe(1024 ** 4);
    expect(benchShardLimits.writeRecordsPerS).toBe(2 ** 32 - 1);
    expect(benchNodeLimitFlags()).toEqual([
      `--shard-write-bytes-per-s=${1024 ** 4}`,
      `--shard-write-records-per-s=${2 ** 32 - 1}`,
      `--shard-read-bytes-per-s=${1024 ** 4}`,
      `--shard-read-calls-per-s=${2 ** 32 - 1}`,
    ]);
  });
});
