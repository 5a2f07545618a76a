// Micro-benchmarks of the record-batch codec on its reference shape, 500
// records of 1 KiB (one full PutRecords call), plus hash-key and routing
// rates. Each case warms up, then runs timed rounds; the figure printed is
// the median round. MB is 10^6 bytes of batch (header, framing, keys, data).
// Run: npm run bench -- wire
import { randomBytes } from 'node:crypto';
import {
  encodeBatch,
  encodeBatchInto,
  encodedBatchBytesMax,
  evenHashRanges,
  firstRecordOutsideRange,
  hashRangeBytes,
  partitionKeyHashKeyBytes,
  RecordCursor,
  type RecordInput,
  ShardMap,
  sequenceNumber,
  stampBatch,
  validateBatch,
} from '../src/index.js';

const recordCount = 500;
const dataBytes = 1024;
const warmupMs = 300;
const roundMs = 400;
const rounds = 5;

/** Runs `op` (which handles `items` items and `bytes` bytes per call) and returns per-second medians. */
function measure(op: () => void): number {
  const deadline = performance.now() + warmupMs;
  while (performance.now() < deadline) op();
  const rates: number[] = [];
  for (let r = 0; r < rounds; r++) {
    let calls = 0;
    const start = process.hrtime.bigint();
    const end = performance.now() + roundMs;
    while (performance.now() < end) {
      for (let i = 0; i < 8; i++) op();
      calls += 8;
    }
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    rates.push(calls / seconds);
  }
  rates.sort((a, b) => a - b);
  return rates[rates.length >> 1]!;
}

function report(name: string, callsPerSecond: number, recordsPerCall: number, bytesPerCall: number): void {
  const records = callsPerSecond * recordsPerCall;
  const megabytes = (callsPerSecond * bytesPerCall) / 1e6;
  console.log(
    `${name.padEnd(44)} ${fmt(records).padStart(12)} records/s ${fmt(megabytes).padStart(9)} MB/s` +
      `  (${fmt(callsPerSecond)} batches/s)`,
  );
}

function line(name: string, rate: number, unit: string): void {
  console.log(`${name.padEnd(44)} ${fmt(rate).padStart(12)} ${unit}`);
}

function fmt(n: number): string {
  return n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(1);
}

const records: RecordInput[] = Array.from({ length: recordCount }, (_, i) => ({
  partitionKey: `user-${i.toString().padStart(6, '0')}`,
  data: randomBytes(dataBytes),
}));
const batch = encodeBatch(records);
const cursor = new RecordCursor();
let sink = 0;

function walk(b: Uint8Array): void {
  cursor.reset(b);
  while (cursor.next()) sink += cursor.keyBytes + cursor.dataBytes;
}

console.log(
  `batch: ${recordCount} records x ${dataBytes} B data, ${batch.length} B encoded; node ${process.version}`,
);
report(
  'encode (new buffer per batch)',
  measure(() => encodeBatch(records)),
  recordCount,
  batch.length,
);
const reused = Buffer.allocUnsafe(encodedBatchBytesMax());
report(
  'encode into a reused buffer',
  measure(() => encodeBatchInto(records, reused)),
  recordCount,
  batch.length,
);
const validateDecodeRate = measure(() => {
  validateBatch(batch);
  walk(batch);
});
report('validate + decode (walk keys and data lengths)', validateDecodeRate, recordCount, batch.length);
report(
  '  validate only (CRCs, framing, limits)',
  measure(() => validateBatch(batch)),
  recordCount,
  batch.length,
);
report(
  '  decode walk only',
  measure(() => walk(batch)),
  recordCount,
  batch.length,
);
const stampable = Buffer.from(batch);
const firstSequence = sequenceNumber(1n, 1, 0);
const stampRate = measure(() => {
  stampable[3] = 1; // back to client form, so the same buffer can be stamped again
  stampBatch(stampable, { firstSequence, arrivalMs: 1_700_000_000_000 });
});
line('stamp into stored form (in place)', stampRate, 'batches/s');

const keys = records.map((r) => Buffer.from(r.partitionKey));
let k = 0;
const hashRate = measure(() => {
  partitionKeyHashKeyBytes(keys[k++ % recordCount]!);
});
line('hash key: MD5 of an 11-byte partition key', hashRate, 'keys/s');
// Everything but the last key: every record is hashed and compared, none is outside.
const partial = hashRangeBytes({ start: 0n, end: 2n ** 128n - 2n });
report(
  'range check of a batch (MD5 per record)',
  measure(() => firstRecordOutsideRange(batch, partial)),
  recordCount,
  batch.length,
);
const map = ShardMap.build(evenHashRanges(64).map((range, i) => ({ shardId: `s${i}`, range })));
let m = 0;
const routeRate = measure(() => {
  sink += map.route(records[m++ % recordCount]!.partitionKey)?.shardId.length ?? 0;
});
line('route: MD5 + lookup over 64 shards', routeRate, 'records/s');
const megabytes = (validateDecodeRate * batch.length) / 1e6;
console.log(
  `validate + decode at ${fmt(megabytes)} MB/s: target of 1,000 MB/s ${megabytes >= 1000 ? 'met' : 'NOT met'}`,
);
if (sink === 42) console.log('');
