// PutRecords: up to 500 records, each routed to its shard; a record that
// fails is reported in its place (ErrorCode, ErrorMessage) and the others
// are written, as Kinesis does.
import type { KinesisAction } from '../action.js';
import { invalidArgument } from '../kinesis-error.js';
import { hashKey, streamRef } from '../schema.js';
import { streamOf } from '../stream-ref.js';
import { blob, type Input, text } from './input.js';
import { recordDataBytesMax } from './put-record.js';
import { isWholeCallFailure, recordFailure } from './record-errors.js';

const callBytesMax = 5 * 1048576;

function records(input: Input): Input[] {
  return (input.Records as Input[] | null) ?? [];
}

export const putRecords: KinesisAction = {
  schema: {
    ...streamRef,
    Records: {
      type: 'List',
      notNull: true,
      lengthMin: 1,
      lengthMax: 500,
      member: {
        type: 'Structure',
        members: {
          Data: { type: 'Blob', notNull: true, lengthMax: recordDataBytesMax },
          ExplicitHashKey: hashKey,
          PartitionKey: { type: 'String', notNull: true, lengthMin: 1, lengthMax: 256 },
        },
      },
    },
  },
  check(input) {
    streamOf(input);
    let bytes = 0;
    for (const r of records(input)) {
      bytes += (blob(r, 'Data')?.length ?? 0) + Buffer.byteLength(text(r, 'PartitionKey') ?? '');
    }
    if (bytes > callBytesMax) throw invalidArgument(`Records size exceeds 5 MB limit (${bytes} bytes)`);
  },
  async run(cluster, input) {
    const stream = streamOf(input);
    await cluster.client.shardRoutes(stream);
    const settled = await Promise.allSettled(
      records(input).map((r) => {
        const explicitHashKey = text(r, 'ExplicitHashKey');
        return cluster.producer.send(stream, {
          partitionKey: text(r, 'PartitionKey')!,
          data: blob(r, 'Data')!,
          ...(explicitHashKey === undefined ? {} : { explicitHashKey }),
        });
      }),
    );
    const first = settled[0];
    if (
      first?.status === 'rejected' &&
      isWholeCallFailure(first.reason) &&
      settled.every((s) => s.status === 'rejected' && s.reason?.code === first.reason.code)
    ) {
      throw first.reason;
    }
    let failed = 0;
    const out = settled.map((s) => {
      if (s.status === 'fulfilled')
        return { SequenceNumber: s.value.sequenceNumber, ShardId: s.value.shardId };
      failed++;
      return recordFailure(s.reason);
    });
    return { FailedRecordCount: failed, Records: out, EncryptionType: 'NONE' };
  },
};
