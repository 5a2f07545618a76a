// Checks of the request fields every data call shares, each failing with
// the exact field (proto path) and a precise message, and the lookups from
// names to this node's replicas.
import type { ProducerStamp, ShardIteratorType, ShardReplica } from '@rheo/broker';
import { RecordCursor, RheoError, recordHashKey, validateClientBatch } from '@rheo/wire';
import type { CatalogShard, CatalogStream } from './catalog.js';
import type { ServiceContext } from './service-context.js';

const HASH_KEY_BYTES = 16;

/** The stream a request names by `stream_name` or `stream_arn` (both set: they must agree). */
export function resolveStream(ctx: ServiceContext, streamName: string, streamArn: string): CatalogStream {
  if (streamName === '' && streamArn === '')
    throw new RheoError('InvalidArgument', 'stream_name or stream_arn is required', { field: 'stream_name' });
  // A broker-only node before its first metadata fetch knows no stream yet: that is not "not found".
  if (ctx.cluster !== undefined && ctx.cluster.metadata() === undefined)
    throw new RheoError(
      'Unavailable',
      `node ${ctx.nodeId} has not received the cluster metadata yet; retry shortly or call another node`,
    );
  if (streamArn !== '') {
    const byArn = ctx.catalog.streamByArn(streamArn);
    if (byArn === undefined)
      throw new RheoError('ResourceNotFound', `Stream ${streamArn} not found`, { field: 'stream_arn' });
    if (streamName !== '' && streamName !== byArn.name)
      throw new RheoError(
        'InvalidArgument',
        `stream_arn ${streamArn} names stream ${byArn.name}, not ${streamName}`,
        { field: 'stream_arn' },
      );
    return byArn;
  }
  const byName = ctx.catalog.stream(streamName);
  if (byName === undefined)
    throw new RheoError('ResourceNotFound', `Stream ${streamName} not found`, { field: 'stream_name' });
  return byName;
}

export function resolveShard(ctx: ServiceContext, stream: CatalogStream, shardId: string): CatalogShard {
  if (shardId === '') throw new RheoError('InvalidArgument', 'shard_id is required', { field: 'shard_id' });
  const shard = ctx.catalog.shard(stream.name, shardId);
  if (shard === undefined)
    throw new RheoError('ResourceNotFound', `Shard ${shardId} in stream ${stream.name} not found`, {
      field: 'shard_id',
    });
  return shard;
}

/**
 * The shard of a batch sent without a shard id: the one holding its first
 * record's hash key (the broker then refuses the batch if another record
 * falls outside that shard). Validating here costs a second CRC pass only
 * for such batches; the SDK always names the shard.
 */
export function routeBatch(stream: CatalogStream, batch: Uint8Array): CatalogShard {
  if (stream.routes.shards.length === 1) return stream.routes.shards[0]!;
  validateClientBatch(batch);
  const cursor = new RecordCursor(batch);
  if (!cursor.next())
    throw new RheoError('InvalidArgument', 'record batch: no records', { field: 'record_batch' });
  const key = new Uint8Array(HASH_KEY_BYTES);
  recordHashKey(cursor, key);
  const shard = stream.routes.lookupBytes(key);
  if (shard === undefined)
    throw new RheoError('Internal', `no shard of stream ${stream.name} takes record 0's hash key`);
  return shard;
}

/** This node's replica of `shard`, or NotLeader pointing at a node that has one. */
export function localReplica(ctx: ServiceContext, shard: CatalogShard): ShardReplica {
  const replica = ctx.host.replica(shard.spec.groupId);
  if (replica !== undefined) return replica;
  // The reported leader when the metadata names one, else a replica.
  const first = shard.leader?.nodeId ?? shard.spec.replicas[0];
  const address = first === undefined ? undefined : ctx.directory.address(first);
  // Not "the leader", but a replica that knows it: the client's retry there gets the real hint.
  throw new RheoError(
    'NotLeader',
    `node ${ctx.nodeId} is not a replica of shard ${shard.spec.shardId} of stream ${shard.spec.streamName}; ` +
      `its replicas are nodes ${shard.spec.replicas.join(', ')}`,
    address === undefined ? {} : { leaderHint: address },
  );
}

export function requireBatch(batch: Buffer | null | undefined): Buffer {
  if (batch === null || batch === undefined || batch.length === 0)
    throw new RheoError('InvalidArgument', 'record_batch is required (a client record batch)', {
      field: 'record_batch',
    });
  return batch;
}

/** The idempotent-producer fields, or undefined when the batch does not use them. */
export function producerStamp(req: {
  producerId: string;
  producerEpoch: number;
  batchSequence: number;
}): ProducerStamp | undefined {
  if (req.producerId === '') {
    if (req.batchSequence !== 0 || req.producerEpoch !== 0)
      throw new RheoError('InvalidArgument', 'producer_epoch and batch_sequence need a producer_id', {
        field: 'producer_id',
      });
    return undefined;
  }
  return { producerId: req.producerId, producerEpoch: req.producerEpoch, batchSequence: req.batchSequence };
}

const ITERATOR_TYPE_PREFIX = 'SHARD_ITERATOR_TYPE_';
const iteratorTypes: ReadonlySet<string> = new Set([
  'TRIM_HORIZON',
  'LATEST',
  'AT_SEQUENCE_NUMBER',
  'AFTER_SEQUENCE_NUMBER',
  'AT_TIMESTAMP',
]);

/** The proto enum's name (or number, from a client that sends numbers) as the broker's iterator type. */
export function iteratorType(value: string | number): ShardIteratorType {
  const name = typeof value === 'string' ? value.replace(ITERATOR_TYPE_PREFIX, '') : '';
  if (!iteratorTypes.has(name))
    throw new RheoError(
      'InvalidArgument',
      `shard_iterator_type must be one of TRIM_HORIZON, LATEST, AT_SEQUENCE_NUMBER, AFTER_SEQUENCE_NUMBER, AT_TIMESTAMP; got ${String(value)}`,
      { field: 'shard_iterator_type' },
    );
  return name as ShardIteratorType;
}
