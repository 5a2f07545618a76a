// PutRecord: one record, routed by ExplicitHashKey or MD5 of PartitionKey.
import type { KinesisAction } from '../action.js';
import { hashKey, sequenceNumber, streamRef } from '../schema.js';
import { streamOf } from '../stream-ref.js';
import { blob, text } from './input.js';

export const recordDataBytesMax = 1048576;

export const putRecord: KinesisAction = {
  schema: {
    ...streamRef,
    Data: { type: 'Blob', notNull: true, lengthMax: recordDataBytesMax },
    PartitionKey: { type: 'String', notNull: true, lengthMin: 1, lengthMax: 256 },
    ExplicitHashKey: hashKey,
    SequenceNumberForOrdering: sequenceNumber,
  },
  check: streamOf,
  async run(cluster, input) {
    const stream = streamOf(input);
    // Fails the call with ResourceNotFound for an unknown stream, before the producer takes the record.
    await cluster.client.shardRoutes(stream);
    const explicitHashKey = text(input, 'ExplicitHashKey');
    const ack = await cluster.producer.send(stream, {
      partitionKey: text(input, 'PartitionKey')!,
      data: blob(input, 'Data')!,
      ...(explicitHashKey === undefined ? {} : { explicitHashKey }),
    });
    return { ShardId: ack.shardId, SequenceNumber: ack.sequenceNumber, EncryptionType: 'NONE' };
  },
};
