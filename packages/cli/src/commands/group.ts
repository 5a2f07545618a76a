// `rheo group status|list`: consumer groups (docs/consumers.md). status
// shows each shard's lease (owner, counter, expiry), checkpoint and the
// owner's last reported lag, with the workers seen renewing.
import type { GroupDescription, LeaseInfo } from '@rheo/client';
import { Command } from 'commander';
import { toJson } from '../output/json.js';
import { formatTable } from '../output/table.js';
import { clientCommand, clientTarget, type ProgramIo, withClient } from './common.js';

interface Flags {
  readonly endpoint?: string[];
  readonly json?: boolean;
  readonly stream: string;
}

function checkpointText(l: LeaseInfo): string {
  if (l.checkpointAtShardEnd) return 'SHARD_END';
  return l.checkpointSequenceNumber === '' ? '-' : l.checkpointSequenceNumber;
}

export function groupStatusText(name: string, d: GroupDescription, nowMs: number): string {
  const rows = formatTable(
    [
      { header: 'SHARD', value: (l: LeaseInfo) => l.shardId },
      { header: 'OWNER', value: (l: LeaseInfo) => l.owner || '-' },
      { header: 'COUNTER', value: (l: LeaseInfo) => l.counter, right: true },
      {
        header: 'EXPIRES_IN_MS',
        value: (l: LeaseInfo) => (l.owner === '' ? '-' : Math.max(0, l.expiresAtMs - nowMs)),
        right: true,
      },
      { header: 'LAG_MS', value: (l: LeaseInfo) => l.millisBehindLatest, right: true },
      { header: 'PARENTS', value: (l: LeaseInfo) => l.parentShardIds.join(',') || '-' },
      { header: 'CHECKPOINT', value: checkpointText },
    ],
    d.leases,
  );
  const workers = d.activeWorkers.length === 0 ? 'none' : d.activeWorkers.join(', ');
  return `group ${name}: start ${d.initialPosition}, lease ${d.leaseDurationMs} ms, workers ${workers}\n${rows}\n`;
}

export function groupCommand(io: ProgramIo): Command {
  const group = new Command('group').description(
    'consumer groups (leases and checkpoints kept by the cluster)',
  );
  group.addCommand(
    clientCommand(
      new Command('status')
        .description("a group's leases: owners, checkpoints, lag")
        .argument('<name>', 'group name')
        .requiredOption('--stream <stream>', 'the stream the group reads'),
    ).action(async (name: string, flags: Flags) => {
      await withClient(clientTarget(flags, io.env), async (client) => {
        const admin = client.consumerGroupAdmin();
        try {
          const d = await admin.describe(flags.stream, name);
          io.out(flags.json ? `${toJson(d)}\n` : groupStatusText(name, d, Date.now()));
        } finally {
          admin.close();
        }
      });
    }),
  );
  group.addCommand(
    clientCommand(new Command('list').description("a stream's consumer groups").argument('<stream>')).action(
      async (stream: string, flags: Omit<Flags, 'stream'>) => {
        await withClient(clientTarget(flags, io.env), async (client) => {
          const admin = client.consumerGroupAdmin();
          try {
            const names = await admin.list(stream);
            io.out(
              flags.json
                ? `${toJson(names)}\n`
                : names.length === 0
                  ? 'no groups\n'
                  : `${names.join('\n')}\n`,
            );
          } finally {
            admin.close();
          }
        });
      },
    ),
  );
  return group;
}
