// What is proven: `rheo bench` option checking (defaults written out, each
// bad value refused naming its flag, endpoint sources and their precedence)
// and the token bucket's rate. How: a table of raw option sets through
// resolveBenchOptions, and a timed run of the bucket.
import { describe, expect, it } from 'vitest';
import { resolveBenchOptions, TokenBucket, UsageError } from '../src/index.js';

describe('resolveBenchOptions', () => {
  it('writes out the defaults', () => {
    const o = resolveBenchOptions('all', {}, {});
    expect(o).toMatchObject({
      endpoints: ['127.0.0.1:7701', '127.0.0.1:7702', '127.0.0.1:7703'],
      local: 0,
      stream: 'bench',
      shards: 4,
      recordBytes: 1024,
      batchRecords: 500,
      producers: 1,
      rate: undefined,
      durationS: 10,
      warmupS: 0,
      baselineS: 3,
      json: false,
    });
    expect(Object.isFrozen(o)).toBe(true);
  });

  it('takes endpoints from flags (repeatable, comma lists), else RHEO_ENDPOINTS, else RHEO_ENDPOINT', () => {
    expect(
      resolveBenchOptions('produce', { endpoint: ['a:1,b:2', 'c:3'] }, { RHEO_ENDPOINT: 'z:9' }).endpoints,
    ).toEqual(['a:1', 'b:2', 'c:3']);
    expect(resolveBenchOptions('produce', {}, { RHEO_ENDPOINT: 'z:9,y:8' }).endpoints).toEqual([
      'z:9',
      'y:8',
    ]);
    expect(
      resolveBenchOptions('produce', {}, { RHEO_ENDPOINTS: 'x:7', RHEO_ENDPOINT: 'z:9' }).endpoints,
    ).toEqual(['x:7']);
    const local = resolveBenchOptions('produce', { local: '3' }, {});
    expect(local).toMatchObject({ endpoints: [], local: 3, replicas: 3 });
    expect(resolveBenchOptions('produce', { local: '1' }, {}).replicas).toBe(1);
  });

  it.each([
    [{ local: '3', endpoint: ['a:1'] }, /--local or --endpoint/],
    [{ endpoint: ['nohost'] }, /--endpoint/],
    [{ shards: '0' }, /--shards must be an integer from 1/],
    [{ recordBytes: '8' }, /--record-bytes/],
    [{ batchRecords: '501' }, /--batch-records/],
    [{ producers: 'many' }, /--producers/],
    [{ rate: '-5' }, /--rate/],
    [{ duration: '0' }, /--duration/],
    [{ local: '3', replicas: '4' }, /--replicas/],
    [{ stream: 'a b' }, /--stream/],
    [{ warmup: '-1' }, /--warmup must be a number from 0 to 3600/],
    [{ warmup: 'soon' }, /--warmup/],
  ])('refuses %o', (raw, message) => {
    expect(() => resolveBenchOptions('all', raw, {})).toThrow(UsageError);
    expect(() => resolveBenchOptions('all', raw, {})).toThrow(message);
  });

  it('takes a warm-up for produce and both, and refuses one for consume (nothing is produced there)', () => {
    expect(resolveBenchOptions('produce', { warmup: '2.5' }, {}).warmupS).toBe(2.5);
    expect(resolveBenchOptions('all', { warmup: '20' }, {}).warmupS).toBe(20);
    expect(() => resolveBenchOptions('consume', { warmup: '1' }, {})).toThrow(/--warmup applies to produce/);
  });

  it("keeps the local cluster's directory and passes node flags only with --local, and only flags", () => {
    expect(resolveBenchOptions('produce', {}, {})).toMatchObject({ keepData: false, nodeFlags: [] });
    const o = resolveBenchOptions(
      'produce',
      { local: '3', keepData: true, nodeFlags: ' --trace-gc  --stack-size=2000 ' },
      {},
    );
    expect(o).toMatchObject({ keepData: true, nodeFlags: ['--trace-gc', '--stack-size=2000'] });
    expect(Object.isFrozen(o.nodeFlags)).toBe(true);
    expect(() => resolveBenchOptions('produce', { keepData: true }, {})).toThrow(
      /--keep-data keeps the directory/,
    );
    expect(() => resolveBenchOptions('produce', { nodeFlags: '--trace-gc' }, {})).toThrow(
      /--node-flags applies/,
    );
    expect(() => resolveBenchOptions('produce', { local: '1', nodeFlags: '   ' }, {})).toThrow(
      /at least one flag/,
    );
    for (const bad of ['trace-gc', '--trace-gc; rm -rf /', '-e', '--', '--a=']) {
      expect(() => resolveBenchOptions('produce', { local: '1', nodeFlags: bad }, {})).toThrow(
        /--node-flags takes flags/,
      );
    }
  });
});

describe('TokenBucket', () => {
  it('holds a run to its rate (no burst beyond one second of tokens)', async () => {
    const bucket = new TokenBucket(4000);
    const started = performance.now();
    for (let i = 0; i < 40; i++) await bucket.take(50);
    const elapsedS = (performance.now() - started) / 1000;
    // 2000 tokens at 4000/s from an empty bucket: 0.5 s (timers only ever add).
    expect(elapsedS).toBeGreaterThan(0.45);
    expect(elapsedS).toBeLessThan(1.5);
  });
});
