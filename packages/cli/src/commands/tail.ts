// `rheo tail <stream>`: follow every shard of a stream (children of shards
// closed by resharding included) from LATEST or TRIM_HORIZON, printing each
// record as it arrives, until Ctrl-C or --limit records. Reads are the SDK's
// pull Consumer (GetRecords at the shard leaders).
import type { Consumer } from '@rheo/client';
import { Command, Option } from 'commander';
import { type TailRecord, tailLineJson, tailLineText } from '../output/format.js';
import { toJson } from '../output/json.js';
import {
  clientCommand,
  intFlag,
  type ProgramIo,
  processInterrupt,
  resolveEndpoints,
  withClient,
} from './common.js';

interface TailFlags {
  readonly endpoint?: string[];
  readonly json?: boolean;
  readonly base64?: boolean;
  readonly from: 'LATEST' | 'TRIM_HORIZON';
  readonly limit?: string;
}

/** How long a caught-up shard waits between reads: 5 reads per second per shard, as Kinesis allows. */
const idleWaitMs = 200;

export function tailCommand(io: ProgramIo): Command {
  return clientCommand(
    new Command('tail')
      .description('follow a stream (all shards) and print its records until Ctrl-C or --limit')
      .argument('<stream>', 'stream name')
      .addOption(
        new Option('--from <position>', 'where to start')
          .choices(['LATEST', 'TRIM_HORIZON'])
          .default('LATEST'),
      )
      .option('--limit <n>', 'stop after n records')
      .option('--base64', 'print data as base64 (for binary data) instead of UTF-8'),
  ).action(async (stream: string, flags: TailFlags) => {
    const limit = intFlag('limit', flags.limit, 0, 1, Number.MAX_SAFE_INTEGER);
    const base64 = flags.base64 === true;
    await withClient(resolveEndpoints(flags.endpoint, io.env), async (client) => {
      const consumer = client.consumer(stream, { start: { type: flags.from }, idleWaitMs });
      const unsubscribe = (io.onInterrupt ?? processInterrupt)(() => consumer.close());
      try {
        await follow(consumer, limit, (record) =>
          io.out(`${flags.json ? toJson(tailLineJson(record, base64)) : tailLineText(record, base64)}\n`),
        );
      } finally {
        unsubscribe();
        consumer.close();
      }
    });
  });
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
