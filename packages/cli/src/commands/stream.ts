// `rheo stream create|list|describe|delete`: the StreamAdmin calls, with a
// table or a summary for people and --json for scripts. create and delete
// wait until the stream is ACTIVE / gone unless told not to.
import type { RheoClient, StreamMode } from '@rheo/client';
import { Command } from 'commander';
import { type ShardRow, streamDescriptionText, streamListText } from '../output/format.js';
import { toJson } from '../output/json.js';
import { UsageError } from '../usage-error.js';
import { clientCommand, clientTarget, intFlag, type ProgramIo, withClient } from './common.js';

/** How long create waits for every shard's leader, and delete for the stream to go. */
const waitTimeoutSDefault = 60;

interface ClientFlags {
  readonly endpoint?: string[];
  readonly json?: boolean;
}

interface CreateFlags extends ClientFlags {
  readonly shards?: string;
  readonly replicas?: string;
  readonly retentionHours?: string;
  readonly onDemand?: boolean;
  readonly tag?: string[];
  readonly wait: boolean;
  readonly waitTimeout?: string;
  readonly shardWriteBytesPerS?: string;
  readonly shardWriteRecordsPerS?: string;
  readonly shardReadBytesPerS?: string;
  readonly shardReadCallsPerS?: string;
}

interface DeleteFlags extends ClientFlags {
  readonly enforceConsumerDeletion?: boolean;
  readonly wait: boolean;
  readonly waitTimeout?: string;
}

const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

/** `--tag k=v` (repeatable) as a record; a tag without `=` is refused. */
export function parseTags(items: readonly string[] | undefined): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const item of items ?? []) {
    const at = item.indexOf('=');
    if (at <= 0) throw new UsageError(`--tag "${item}" is not key=value`);
    tags[item.slice(0, at)] = item.slice(at + 1);
  }
  return tags;
}

/** The CreateStream options a `stream create` command line asks for. */
export function createOptions(flags: CreateFlags) {
  if (flags.onDemand === true && flags.shards !== undefined)
    throw new UsageError('give --shards or --on-demand, not both');
  const mode: StreamMode = flags.onDemand === true ? 'ON_DEMAND' : 'PROVISIONED';
  return {
    mode,
    shardCount: mode === 'ON_DEMAND' ? 0 : intFlag('shards', flags.shards, 1, 1, 100_000),
    replicationFactor: intFlag('replicas', flags.replicas, 0, 1, 9),
    retentionPeriodHours: intFlag('retention-hours', flags.retentionHours, 0, 24, 8760),
    tags: parseTags(flags.tag),
    ...shardLimitsOf(flags),
  };
}

/** The stream's own per-shard throughput limits (docs/limits.md), when any is given. */
function shardLimitsOf(flags: CreateFlags) {
  const rate = (flag: string, text: string | undefined, max: number) =>
    text === undefined ? undefined : intFlag(flag, text, 0, 1, max);
  const limits = {
    writeBytesPerS: rate('shard-write-bytes-per-s', flags.shardWriteBytesPerS, Number.MAX_SAFE_INTEGER),
    writeRecordsPerS: rate('shard-write-records-per-s', flags.shardWriteRecordsPerS, 2 ** 32 - 1),
    readBytesPerS: rate('shard-read-bytes-per-s', flags.shardReadBytesPerS, Number.MAX_SAFE_INTEGER),
    readCallsPerS: rate('shard-read-calls-per-s', flags.shardReadCallsPerS, 2 ** 32 - 1),
  };
  const given = Object.fromEntries(Object.entries(limits).filter(([, v]) => v !== undefined));
  return Object.keys(given).length === 0 ? {} : { shardLimits: given };
}

export function streamCommand(io: ProgramIo): Command {
  const stream = new Command('stream').description('create, list, describe and delete streams');
  for (const command of [createCommand(io), listCommand(io), describeCommand(io), deleteCommand(io)]) {
    stream.addCommand(command);
  }
  return stream;
}

function createCommand(io: ProgramIo): Command {
  return clientCommand(
    new Command('create')
      .description('create a stream and wait until every shard has a leader')
      .argument('<name>', 'stream name: 1..128 of [a-zA-Z0-9_.-]')
      .option('--shards <n>', 'shards (PROVISIONED)', '1')
      .option('--on-demand', 'ON_DEMAND mode: the cluster sizes the stream (no --shards)')
      .option('--replicas <n>', 'replicas per shard (default: the cluster default, 3)')
      .option('--retention-hours <h>', 'retention, 24..8760 (default 24)')
      .option('--tag <key=value>', 'a tag (repeatable)', collect)
      .option(
        '--shard-write-bytes-per-s <n>',
        "this stream's per-shard write bytes/s (default: the cluster's)",
      )
      .option('--shard-write-records-per-s <n>', "this stream's per-shard write records/s")
      .option('--shard-read-bytes-per-s <n>', "this stream's per-shard GetRecords bytes/s")
      .option('--shard-read-calls-per-s <n>', "this stream's per-shard GetRecords calls/s")
      .option('--no-wait', 'return once the controller accepted it (CREATING)')
      .option('--wait-timeout <s>', 'how long to wait for ACTIVE', String(waitTimeoutSDefault)),
  ).action(async (name: string, flags: CreateFlags, command: Command) => {
    // --shards has a default; whether the user gave it decides the conflict with --on-demand.
    const given = command.getOptionValueSource('shards') === 'cli' ? flags : { ...flags, shards: undefined };
    const options = createOptions(given);
    const waitMs = intFlag('wait-timeout', flags.waitTimeout, waitTimeoutSDefault, 1, 86_400) * 1000;
    await withClient(clientTarget(flags, io.env), async (client) => {
      const streamArn = await client.admin.createStream(name, options);
      if (flags.wait) await client.admin.waitForActive(name, waitMs);
      const status = flags.wait ? 'ACTIVE' : 'CREATING';
      if (flags.json) io.out(`${toJson({ streamName: name, streamArn, streamStatus: status })}\n`);
      else io.out(`stream ${name} created (${shardsText(options)}), ${status}\n`);
    });
  });
}

function listCommand(io: ProgramIo): Command {
  return clientCommand(new Command('list').description('list every stream')).action(
    async (flags: ClientFlags) => {
      await withClient(clientTarget(flags, io.env), async (client) => {
        const streams = await client.admin.listStreams();
        io.out(`${flags.json ? toJson(streams) : streamListText(streams)}\n`);
      });
    },
  );
}

function describeCommand(io: ProgramIo): Command {
  return clientCommand(
    new Command('describe').description("a stream's summary and shards").argument('<name>', 'stream name'),
  ).action(async (name: string, flags: ClientFlags) => {
    await withClient(clientTarget(flags, io.env), async (client) => {
      const summary = await client.admin.describeStreamSummary(name);
      const shards = await shardRows(client, name);
      if (flags.json) io.out(`${toJson({ ...summary, shards })}\n`);
      else io.out(`${streamDescriptionText(summary, shards)}\n`);
    });
  });
}

function deleteCommand(io: ProgramIo): Command {
  return clientCommand(
    new Command('delete')
      .description('delete a stream and its data, and wait until it is gone')
      .argument('<name>', 'stream name')
      .option('--enforce-consumer-deletion', 'deregister its consumers too')
      .option('--no-wait', 'return once the controller accepted it (DELETING)')
      .option('--wait-timeout <s>', 'how long to wait', String(waitTimeoutSDefault)),
  ).action(async (name: string, flags: DeleteFlags) => {
    const waitMs = intFlag('wait-timeout', flags.waitTimeout, waitTimeoutSDefault, 1, 86_400) * 1000;
    await withClient(clientTarget(flags, io.env), async (client) => {
      await client.admin.deleteStream(name, {
        enforceConsumerDeletion: flags.enforceConsumerDeletion === true,
      });
      if (flags.wait) await client.admin.waitForDeleted(name, waitMs);
      const status = flags.wait ? 'DELETED' : 'DELETING';
      if (flags.json) io.out(`${toJson({ streamName: name, streamStatus: status })}\n`);
      else io.out(`stream ${name} ${status.toLowerCase()}\n`);
    });
  });
}

function shardsText(options: ReturnType<typeof createOptions>): string {
  if (options.mode === 'ON_DEMAND') return 'on demand';
  return `${options.shardCount} shard${options.shardCount === 1 ? '' : 's'}`;
}

/** ListShards for lineage, the shard map for leaders and replicas (left blank if the map cannot be read). */
async function shardRows(client: RheoClient, name: string): Promise<ShardRow[]> {
  const shards = await client.admin.listShards(name);
  const routes = await client.shardMaps.refresh(name, true).catch(() => undefined);
  return shards.map((s) => {
    const route = routes?.shard(s.shardId);
    return { ...s, leaderNodeId: route?.leaderNodeId ?? 0, replicas: route?.replicaAddresses ?? [] };
  });
}
