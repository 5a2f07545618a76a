// `rheo consumers list|register|deregister <stream>`: enhanced fan-out
// consumers (docs/consumers.md). register waits until the consumer is
// ACTIVE and prints its ARN, which SubscribeToShard and client.subscribe take.
import type { StreamConsumer } from '@rheo/client';
import { Command } from 'commander';
import { isoTime } from '../output/format.js';
import { toJson } from '../output/json.js';
import { formatTable } from '../output/table.js';
import { clientCommand, clientTarget, type ProgramIo, withClient } from './common.js';

interface Flags {
  readonly endpoint?: string[];
  readonly json?: boolean;
}

export function consumersText(consumers: readonly StreamConsumer[]): string {
  if (consumers.length === 0) return 'no consumers\n';
  return `${formatTable(
    [
      { header: 'NAME', value: (c: StreamConsumer) => c.consumerName },
      { header: 'STATUS', value: (c: StreamConsumer) => c.status },
      { header: 'CREATED', value: (c: StreamConsumer) => isoTime(c.createdAtMs) },
      { header: 'ARN', value: (c: StreamConsumer) => c.consumerArn },
    ],
    consumers,
  )}
`;
}

export function consumersCommand(io: ProgramIo): Command {
  const group = new Command('consumers').description('enhanced fan-out consumers of a stream');
  group.addCommand(
    clientCommand(new Command('list').description("list a stream's consumers").argument('<stream>')).action(
      async (stream: string, flags: Flags) => {
        await withClient(clientTarget(flags, io.env), async (client) => {
          const all = await client.consumers.list(stream);
          io.out(flags.json ? `${toJson(all)}\n` : consumersText(all));
        });
      },
    ),
  );
  group.addCommand(
    clientCommand(
      new Command('register')
        .description('register a consumer, wait until it is ACTIVE, print its ARN')
        .argument('<stream>')
        .argument('<name>'),
    ).action(async (stream: string, name: string, flags: Flags) => {
      await withClient(clientTarget(flags, io.env), async (client) => {
        const c = await client.consumers.ensureActive(stream, name);
        io.out(flags.json ? `${toJson(c)}\n` : `${c.consumerArn}\n`);
      });
    }),
  );
  group.addCommand(
    clientCommand(
      new Command('deregister')
        .description('deregister a consumer (its subscriptions end)')
        .argument('<stream>')
        .argument('<name>'),
    ).action(async (stream: string, name: string, flags: Flags) => {
      await withClient(clientTarget(flags, io.env), async (client) => {
        await client.consumers.deregister(stream, name);
        io.out(flags.json ? `${toJson({ deregistered: name })}\n` : `deregistered ${name}\n`);
      });
    }),
  );
  return group;
}
