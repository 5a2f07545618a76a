// `rheo put <stream> <partition-key> [data...]`: one record per data
// argument, or, with none, one record per line of stdin (a pipe or typed
// lines; Ctrl-D ends). Records go through the SDK's Producer (batched,
// idempotent, in order per shard); each acknowledgement prints the record's
// shard and sequence number, in input order. Memory stays bounded: at most
// `pendingMax` records wait for their acknowledgement before input is read
// further.
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import type { Producer } from '@rheo/client';
import { Command } from 'commander';
import { type PutLine, putLineText } from '../output/format.js';
import { toJson } from '../output/json.js';
import { UsageError } from '../usage-error.js';
import { clientCommand, clientTarget, type ProgramIo, withClient } from './common.js';

/** Records sent and not yet printed, before put stops reading input. */
const pendingMax = 10_000;

interface PutFlags {
  readonly endpoint?: string[];
  readonly json?: boolean;
  readonly base64?: boolean;
}

/** A data argument or stdin line as record bytes: UTF-8, or base64 decoded with --base64. */
export function recordData(text: string, base64: boolean): Buffer {
  if (!base64) return Buffer.from(text, 'utf8');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) throw new UsageError(`"${text}" is not base64`);
  return Buffer.from(text, 'base64');
}

/** stdin as lines (a trailing empty line is no record). */
async function* lines(input: AsyncIterable<string | Buffer>): AsyncGenerator<string> {
  yield* createInterface({ input: asReadable(input), crlfDelay: Number.POSITIVE_INFINITY });
}

function asReadable(input: AsyncIterable<string | Buffer>): NodeJS.ReadableStream {
  return 'pipe' in input ? (input as NodeJS.ReadableStream) : Readable.from(input);
}

export function putCommand(io: ProgramIo): Command {
  return clientCommand(
    new Command('put')
      .summary('write records (from arguments or stdin lines)')
      .description(
        'write records: one per data argument, or one per stdin line when none is given;\n' +
          'prints each record’s shard and sequence number',
      )
      .argument('<stream>', 'stream name')
      .argument('<partition-key>', 'partition key of every record (it picks the shard)')
      .argument('[data...]', 'record data, one record each (quote data with spaces)')
      .option('--base64', 'data (arguments or lines) is base64, decoded before writing'),
  ).action(async (stream: string, partitionKey: string, data: string[], flags: PutFlags) => {
    const base64 = flags.base64 === true;
    if (data.length === 0 && io.stdin === undefined && process.stdin.isTTY) {
      io.err('rheo put: reading records from stdin, one per line (Ctrl-D ends)\n');
    }
    const source: AsyncIterable<string> =
      data.length > 0 ? toAsync(data) : lines(io.stdin ?? (process.stdin as AsyncIterable<Buffer>));
    await withClient(clientTarget(flags, io.env), async (client) => {
      const producer = client.producer({ lingerMs: 2 });
      try {
        await putAll(producer, stream, partitionKey, source, base64, (ack) =>
          io.out(`${flags.json ? toJson(ack) : putLineText(ack)}\n`),
        );
      } finally {
        await producer.close();
      }
    });
  });
}

async function* toAsync(items: readonly string[]): AsyncGenerator<string> {
  yield* items;
}

/** Sends every item as one record and prints acknowledgements in input order; the first failure is thrown. */
export async function putAll(
  producer: Producer,
  stream: string,
  partitionKey: string,
  items: AsyncIterable<string>,
  base64: boolean,
  print: (ack: PutLine) => void,
): Promise<number> {
  const pending: Promise<PutLine>[] = [];
  let count = 0;
  const printHead = async () => print(await pending.shift()!);
  for await (const item of items) {
    const sent = producer.send(stream, { partitionKey, data: recordData(item, base64) });
    pending.push(sent.then((ack) => ({ partitionKey, ...ack })));
    // A rejection is taken by printHead in order; this stops an unhandled-rejection report meanwhile.
    sent.catch(() => undefined);
    count++;
    while (pending.length > 0 && (pending.length >= pendingMax || producer.full)) await printHead();
  }
  while (pending.length > 0) await printHead();
  return count;
}
