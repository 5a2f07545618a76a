// `rheo tail <stream>`: follow every shard of a stream (children of shards
// closed by resharding included) from LATEST, TRIM_HORIZON or a time
// (--from), printing each record as it arrives, until Ctrl-C or --limit
// records. Reads are the SDK's pull Consumer (GetRecords at the shard
// leaders); with --group NAME, a consumer-group worker instead, which shares
// the shards with the group's other workers and checkpoints as it prints.
import type { Consumer, IteratorStart, RheoClient } from '@rheo/client';
import { Command } from 'commander';
import { type TailRecord, tailLineJson, tailLineText } from '../output/format.js';
import { toJson } from '../output/json.js';
import { UsageError } from '../usage-error.js';
import {
  clientCommand,
  clientTarget,
  intFlag,
  type ProgramIo,
  processInterrupt,
  withClient,
} from './common.js';

interface TailFlags {
  readonly endpoint?: string[];
  readonly json?: boolean;
  readonly base64?: boolean;
  readonly from: string;
  readonly group?: string;
  readonly limit?: string;
}

/** --from: TRIM_HORIZON, LATEST, or an ISO 8601 time (AT_TIMESTAMP). */
export function startOf(from: string): IteratorStart {
  const upper = from.toUpperCase();
  if (upper === 'TRIM_HORIZON' || upper === 'LATEST') return { type: upper };
  const ms = Date.parse(from);
  if (!/^\d{4}-\d{2}-\d{2}/.test(from) || Number.isNaN(ms))
    throw new UsageError(
      `--from must be TRIM_HORIZON, LATEST or an ISO time (2026-11-30T10:00:00Z), got "${from}"`,
    );
  return { type: 'AT_TIMESTAMP', timestampMs: ms };
}

/** How long a caught-up shard waits between reads: 5 reads per second per shard, as Kinesis allows. */
const idleWaitMs = 200;

export function tailCommand(io: ProgramIo): Command {
  return clientCommand(
    new Command('tail')
      .description('follow a stream (all shards) and print its records until Ctrl-C or --limit')
      .argument('<stream>', 'stream name')
      .option('--from <position>', 'where to start: LATEST, TRIM_HORIZON or an ISO time', 'LATEST')
      .option(
        '--group <name>',
        'read as a worker of this consumer group (checkpointed; --from applies to a new group)',
      )
      .option('--limit <n>', 'stop after n records')
      .option('--base64', 'print data as base64 (for binary data) instead of UTF-8'),
  ).action(async (stream: string, flags: TailFlags) => {
    const limit = intFlag('limit', flags.limit, 0, 1, Number.MAX_SAFE_INTEGER);
    const base64 = flags.base64 === true;
    const start = startOf(flags.from);
    const print = (record: TailRecord) =>
      io.out(`${flags.json ? toJson(tailLineJson(record, base64)) : tailLineText(record, base64)}\n`);
    await withClient(clientTarget(flags, io.env), async (client) => {
      if (flags.group !== undefined) {
        await followGroup(client, stream, flags.group, start, limit, print, io);
        return;
      }
      const consumer = client.consumer(stream, { start, idleWaitMs });
      const unsubscribe = (io.onInterrupt ?? processInterrupt)(() => consumer.close());
      try {
        await follow(consumer, limit, print);
      } finally {
        unsubscribe();
        consumer.close();
      }
    });
  });
}

/** As a group worker: prints each batch, checkpoints after it, stops on Ctrl-C or `limit` (releasing its leases). */
async function followGroup(
  client: RheoClient,
  stream: string,
  group: string,
  start: IteratorStart,
  limit: number,
  print: (record: TailRecord) => void,
  io: ProgramIo,
): Promise<void> {
  if (start.type === 'AT_SEQUENCE_NUMBER' || start.type === 'AFTER_SEQUENCE_NUMBER')
    throw new UsageError('--group starts from TRIM_HORIZON, LATEST or a time');
  const worker = client.consumerGroup(stream, group, { initialPosition: start, idleWaitMs });
  const unsubscribe = (io.onInterrupt ?? processInterrupt)(() => worker.stop());
  let count = 0;
  try {
    await worker.run((batch) => {
      for (const record of batch.records) {
        if (limit > 0 && count >= limit) break;
        print({ ...record, shardId: batch.shardId });
        count++;
      }
      if (limit > 0 && count >= limit) worker.stop();
    });
  } finally {
    unsubscribe();
  }
}

/** Prints records until the consumer is closed, every shard ended, or `limit` (0: none) records. */
export async function follow(
  consumer: Consumer,
  limit: number,
  print: (record: TailRecord) => void,
): Promise<number> {
  let count = 0;
  for await (const read of consumer) {
    for (const record of read.records) {
      print({ ...record, shardId: read.shardId });
      count++;
      if (count === limit) {
        consumer.close();
        return count;
      }
    }
  }
  return count;
}
