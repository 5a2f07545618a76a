// Pull reads of one shard: get an iterator, then GetRecords in a loop that
// follows each answer's next iterator. An empty answer from a caught-up
// shard waits `idleWaitMs` before the next call (Kinesis allows 5 read calls
// per second per shard, hence 200 ms); a shard that is behind is read again
// at once. An expired iterator is replaced from the last record delivered,
// so the reader sees neither a gap nor a duplicate.
import assert from 'node:assert/strict';
import { sleep } from './backoff.js';
import type { IteratorStart } from './data-calls.js';
import { RheoError } from './grpc.js';
import type { RheoClient } from './rheo-client.js';
import type { ConsumedRecord } from './stored-records.js';

export interface ShardConsumerOptions {
  /** Where to start; TRIM_HORIZON by default. */
  readonly start?: IteratorStart;
  /** Most records per GetRecords call (1..10000). */
  readonly limit?: number;
  /** Most bytes per GetRecords call. */
  readonly maxBytes?: number;
  /** Wait between calls when the shard is caught up. */
  readonly idleWaitMs?: number;
  /** Let a follower answer (up to its commit index). */
  readonly allowFollowerRead?: boolean;
}

/** One GetRecords answer's worth of a shard's records. */
export interface ShardRead {
  readonly shardId: string;
  readonly records: readonly ConsumedRecord[];
  readonly millisBehindLatest: number;
}

export const idleWaitMsDefault = 200;

export class ShardConsumer implements AsyncIterable<ShardRead> {
  /** The last sequence number delivered, for resuming. */
  lastSequenceNumber: string | undefined;
  /** Set when the shard was closed and read to its end: its children. */
  childShardIds: readonly string[] = [];
  private closed = false;

  constructor(
    private readonly client: RheoClient,
    readonly streamName: string,
    readonly shardId: string,
    private readonly options: ShardConsumerOptions = {},
  ) {
    assert.ok(
      options.limit === undefined || (options.limit >= 1 && options.limit <= 10_000),
      'limit 1..10000',
    );
  }

  /** Stops the loop after the call in flight (or the idle wait). */
  close(): void {
    this.closed = true;
  }

  /** Non-empty reads, in order, until the shard ends (closed and read out) or close(). */
  async *[Symbol.asyncIterator](): AsyncGenerator<ShardRead, void, undefined> {
    let iterator = await this.iteratorFrom(this.options.start ?? { type: 'TRIM_HORIZON' });
    while (!this.closed && iterator !== '') {
      let page: Awaited<ReturnType<RheoClient['getRecords']>>;
      try {
        page = await this.client.getRecords(this.streamName, this.shardId, iterator, this.options);
      } catch (err) {
        if (!(err instanceof RheoError && err.code === 'ExpiredIterator')) throw err;
        iterator = await this.resumeIterator();
        continue;
      }
      iterator = page.nextShardIterator;
      if (page.records.length > 0) {
        this.lastSequenceNumber = page.records[page.records.length - 1]!.sequenceNumber;
        yield { shardId: this.shardId, records: page.records, millisBehindLatest: page.millisBehindLatest };
      } else if (page.millisBehindLatest === 0 && iterator !== '') {
        await sleep(this.options.idleWaitMs ?? idleWaitMsDefault);
      }
      if (iterator === '') this.childShardIds = page.childShardIds;
    }
  }

  /** Records one at a time (a flat view of the reads). */
  async *records(): AsyncGenerator<ConsumedRecord, void, undefined> {
    for await (const read of this) yield* read.records;
  }

  private iteratorFrom(start: IteratorStart): Promise<string> {
    return this.client.getShardIterator(this.streamName, this.shardId, start);
  }

  private resumeIterator(): Promise<string> {
    const last = this.lastSequenceNumber;
    return this.iteratorFrom(
      last === undefined
        ? (this.options.start ?? { type: 'TRIM_HORIZON' })
        : { type: 'AFTER_SEQUENCE_NUMBER', sequenceNumber: last },
    );
  }
}
