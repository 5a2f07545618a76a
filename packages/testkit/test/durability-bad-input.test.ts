// Bad input does not harm written data (DESIGN.md §5: corrupt bytes are
// refused and reported, never served; issue 4 parts 5 and 6).
//
// Three node processes (LocalCluster, the built server), one static stream
// of 2 shards replicated on all three (RF3). First, four idempotent SDK
// producers write a few thousand records. Then bad requests go straight to
// the leader of shard 0 over gRPC (no SDK checks in between), each answered
// with its precise error (reason, gRPC status, field, and what is wrong in
// the message):
// - a batch whose body CRC does not match (a flipped data byte) and one whose
//   header CRC does not match (a patched record count) → Corrupt, DATA_LOSS;
// - a truncated batch, a record over 1 MiB, a batch of 501 records, a stored
//   (leader-stamped) batch replayed as a client batch, an empty batch →
//   InvalidArgument on record_batch;
// - records whose hash key is outside shard 0's range (alone, and after one
//   that is inside) → InvalidArgument naming the record and the range;
// - an unknown stream, an unknown shard → ResourceNotFound on the field;
// - a tampered shard iterator → InvalidArgument on shard_iterator;
// - on one Produce stream: a corrupt batch, then a good one → the first
//   refused (Corrupt), the second written: the stream survives.
// Then the producers write again (new producer ids and keys).
//
// Proven, by the checker (helpers/durability-check.ts) on the read-back of
// every shard from TRIM_HORIZON on EVERY replica: every acknowledged record,
// from before and after the bad input, is present exactly once, in one
// order, on every replica; no record of any refused batch is served (the
// checker reports any record never sent as "unknown", and the bad batches'
// keys are never in the sent set); the node kept serving throughout.
// Every process is gone at the end (by pid).
import type { ClientDuplexStream, ServiceError } from '@grpc/grpc-js';
import {
  batchHeaderBytes,
  batchLimits,
  encodeBatch,
  parseHashKey,
  type pb,
  type RecordInput,
} from '@rheo/wire';
import { afterEach, expect, test } from 'vitest';
import type { AckedRecord } from './helpers/durability-check.js';
import { Scenario, STREAM } from './helpers/durability-scenario.js';
import {
  call,
  encodeData,
  NodeCallError,
  nodeCallError,
  shardLeaders,
} from './helpers/durability-workload.js';

let scenario: Scenario | undefined;

afterEach(async () => {
  await scenario?.teardown();
}, 60_000);

const S0 = 'shardId-000000000000';
const S1 = 'shardId-000000000001';
const MiB = 1024 * 1024;

interface Expected {
  readonly reason: string;
  readonly status: string;
  readonly field: string;
  /** A fragment the message must contain: what is wrong, said precisely. */
  readonly says: RegExp;
}

/** A bad record: its key is never in the sent set, so the checker reports it if it is ever served. */
const bad = (i: number, extra: Partial<RecordInput> = {}): RecordInput => ({
  partitionKey: `bad-${i}`,
  data: Buffer.from(`bad-${i}|0|`),
  ...extra,
});

async function failure(p: Promise<unknown>): Promise<NodeCallError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof NodeCallError) return err;
    throw err;
  }
  throw new Error('the call succeeded; a refusal was expected');
}

function expectRefusal(err: NodeCallError, want: Expected, what: string): void {
  expect(
    { reason: err.error.code, status: err.statusName, field: err.error.field },
    `${what}: ${err.message}`,
  ).toEqual({
    reason: want.reason,
    status: want.status,
    field: want.field,
  });
  expect(err.error.message, what).toMatch(want.says);
}

test('corrupt, oversize, out-of-range and unknown-target requests are refused precisely; written data is intact and the node keeps serving', async () => {
  scenario = new Scenario({ nodes: 3, shards: 2, workload: { producers: 4, recordsPerProducerMax: 500 } });
  const cluster = await scenario.start();
  scenario.startWriting({ tag: 'before' });
  await scenario.workload!.waitForAcks(1000, 30_000);
  await scenario.stopWriting();

  const reader = scenario.reader!;
  const leaders = await shardLeaders(cluster, reader, STREAM);
  const leader = reader.connections.get(cluster.node(leaders.get(S0)!).address);
  const map = await call<pb.GetShardMapRequest, pb.GetShardMapResponse__Output>(
    leader.cluster,
    'GetShardMap',
    {
      streamNames: [STREAM],
    },
  );
  const s1Start = parseHashKey(
    map.streams[0]!.shards.find((s) => s.shardId === S1)!.hashKeyRange!.startingHashKey,
  );
  const put = (batch: Uint8Array, fields: Partial<pb.PutRecordsRequest> = {}) =>
    call<pb.PutRecordsRequest, pb.PutRecordsResponse__Output>(leader.data, 'PutRecords', {
      streamName: STREAM,
      shardId: S0,
      recordBatch: Buffer.from(batch),
      ...fields,
    });

  const good = encodeBatch([bad(1), bad(2)]);
  const bodyFlipped = Buffer.from(good);
  bodyFlipped[bodyFlipped.length - 1]! ^= 0x01;
  const headerPatched = Buffer.from(good);
  headerPatched.writeUInt32BE(3, 12); // record count, covered by the header CRC
  const loose = batchLimits({ recordBytesMax: 2 * MiB, batchRecordsMax: 1000 });
  const iterator = await trimHorizon(leader.data);
  const stored = await storedBatchOf(leader.data, iterator);

  const cases: Array<[string, () => Promise<unknown>, Expected]> = [
    [
      'body CRC',
      () => put(bodyFlipped),
      { reason: 'Corrupt', status: 'DATA_LOSS', field: 'record_batch', says: /body CRC-32C mismatch/ },
    ],
    [
      'header CRC',
      () => put(headerPatched),
      { reason: 'Corrupt', status: 'DATA_LOSS', field: 'record_batch', says: /header CRC-32C mismatch/ },
    ],
    [
      'truncated',
      () => put(good.subarray(0, good.length - 3)),
      invalidBatch(/body is \d+ bytes but the header says \d+/),
    ],
    ['empty batch', () => put(Buffer.alloc(0)), invalidBatch(/record_batch is required/)],
    [
      'record over 1 MiB',
      () => put(encodeBatch([bad(3, { data: Buffer.alloc(MiB) })], loose)),
      invalidBatch(/record 0: 1048581 bytes .* over the 1048576-byte record limit/),
    ],
    [
      '501 records',
      () =>
        put(
          encodeBatch(
            Array.from({ length: 501 }, (_, i) => bad(100 + i)),
            loose,
          ),
        ),
      invalidBatch(/501 records, not 1\.\.500/),
    ],
    [
      'stored batch replayed as a client batch',
      () => put(stored),
      invalidBatch(/must send a client batch, not a stored one/),
    ],
    [
      'hash key outside the shard',
      () => put(encodeBatch([bad(4, { explicitHashKey: s1Start })])),
      invalidBatch(/record 0: its hash key is outside shard shardId-000000000000's range \[0, \d+\]/),
    ],
    [
      'second record outside the shard',
      () => put(encodeBatch([bad(5, { explicitHashKey: 0n }), bad(6, { explicitHashKey: s1Start })])),
      invalidBatch(/record 1: its hash key is outside shard shardId-000000000000's range/),
    ],
    [
      'unknown stream',
      () => put(good, { streamName: 'no-such-stream' }),
      notFound('stream_name', /Stream no-such-stream not found/),
    ],
    [
      'unknown shard',
      () => put(good, { shardId: 'shardId-000000000099' }),
      notFound('shard_id', /Shard shardId-000000000099 in stream durable not found/),
    ],
    [
      'tampered iterator',
      () => call(leader.data, 'GetRecords', { shardIterator: tampered(iterator) }),
      {
        reason: 'InvalidArgument',
        status: 'INVALID_ARGUMENT',
        field: 'shard_iterator',
        says: /Invalid ShardIterator: signature does not match/,
      },
    ],
  ];
  for (const [what, send, want] of cases) expectRefusal(await failure(send()), want, what);
  scenario.mark(`${cases.length} bad requests refused`);

  // One Produce stream: a corrupt batch, then a good one on the same stream.
  const afterBad = await produceCorruptThenGood(leader.data, bodyFlipped, s1Start);
  scenario.mark('Produce stream: corrupt refused, next batch written');

  scenario.startWriting({ tag: 'after' });
  await scenario.workload!.waitForAcks(500, 30_000);
  await scenario.stopWriting();
  await scenario.check({ acked: [afterBad] });
}, 150_000);

const invalidBatch = (says: RegExp): Expected => ({
  reason: 'InvalidArgument',
  status: 'INVALID_ARGUMENT',
  field: 'record_batch',
  says,
});
const notFound = (field: string, says: RegExp): Expected => ({
  reason: 'ResourceNotFound',
  status: 'NOT_FOUND',
  field,
  says,
});

async function trimHorizon(data: pb.StreamDataClient): Promise<string> {
  const it = await call<pb.GetShardIteratorRequest, pb.GetShardIteratorResponse__Output>(
    data,
    'GetShardIterator',
    {
      streamName: STREAM,
      shardId: S0,
      shardIteratorType: 'SHARD_ITERATOR_TYPE_TRIM_HORIZON',
    },
  );
  return it.shardIterator;
}

/** A real iterator with one byte of its signed claims changed. */
function tampered(iterator: string): string {
  const bytes = Buffer.from(iterator, 'base64url');
  bytes[8]! ^= 0x01;
  return bytes.toString('base64url');
}

/** The first stored batch of shard 0 as the leader serves it (a leader-stamped batch). */
async function storedBatchOf(data: pb.StreamDataClient, iterator: string): Promise<Uint8Array> {
  const page = await call<pb.GetRecordsRequest, pb.GetRecordsResponse__Output>(data, 'GetRecords', {
    shardIterator: iterator,
    limit: 1,
  });
  const element = page.storedBatches[0]!;
  expect(element.length).toBeGreaterThan(batchHeaderBytes);
  return element.subarray(0, batchHeaderBytes + element.readUInt32BE(16));
}

/**
 * Opens a Produce stream to the leader of shard 0, sends a corrupt batch
 * (request 1) and a good one (request 2), and expects request 1 refused with
 * Corrupt and request 2 written; returns request 2's record as acked.
 */
async function produceCorruptThenGood(
  data: pb.StreamDataClient,
  corrupt: Buffer,
  s1Start: bigint,
): Promise<AckedRecord> {
  const record = { key: 'after-bad-produce', counter: 0 };
  expect(s1Start > 0n).toBe(true);
  const stream = data.Produce() as ClientDuplexStream<pb.ProduceRequest, pb.ProduceResponse__Output>;
  const answers = new Map<string, pb.ProduceResponse__Output>();
  const done = new Promise<void>((resolve, reject) => {
    stream.on('data', (m: pb.ProduceResponse__Output) => {
      if (m.requestId.toString() !== '0') answers.set(m.requestId.toString(), m);
      if (answers.size === 2) resolve();
    });
    stream.on('error', (err: ServiceError) => reject(nodeCallError(err)));
  });
  const request = (id: number, batch: Buffer): pb.ProduceRequest => ({
    requestId: id,
    batch: { streamName: STREAM, shardId: S0, recordBatch: batch },
  });
  stream.write(request(1, corrupt));
  stream.write(
    request(
      2,
      encodeBatch([{ partitionKey: record.key, data: encodeData(record, 32), explicitHashKey: 0n }]),
    ),
  );
  await Promise.race([
    done,
    new Promise((_, reject) =>
      setTimeout(() => reject(new Error('no answers on the Produce stream in 15 s')), 15_000),
    ),
  ]);
  stream.end();
  const refused = answers.get('1')!;
  expect(refused.outcome).toBe('error');
  expect({ reason: refused.error?.reason, field: refused.error?.field }).toEqual({
    reason: 'Corrupt',
    field: 'record_batch',
  });
  const written = answers.get('2')!;
  expect(written.outcome, JSON.stringify(written.error)).toBe('result');
  return { ...record, shardId: S0, sequenceNumber: written.result!.firstSequenceNumber };
}
