// `rheo cluster status|drain|undrain|remove`: the Cluster service's node
// view and operations. status prints one row per node (the active
// controller marked) and the shard health counts.
import { Command, Option } from 'commander';
import { clusterStatusText } from '../output/format.js';
import { toJson } from '../output/json.js';
import { type DrainGoal, drainGoals, waitForDrain } from './cluster-drain-wait.js';
import { clientCommand, clientTarget, intFlag, type ProgramIo, withClient } from './common.js';

interface ClientFlags {
  readonly endpoint?: string[];
  readonly json?: boolean;
}

interface DrainFlags extends ClientFlags {
  readonly wait?: DrainGoal;
  readonly waitTimeout?: string;
}

/** How long `drain --wait` waits by default (a preStop hook passes its own, below its grace period). */
const drainWaitTimeoutSDefault = 600;

type NodeOperation = 'drainNode' | 'undrainNode' | 'removeNode';

const operations: ReadonlyArray<{ name: string; op: NodeOperation; description: string; done: string }> = [
  {
    name: 'drain',
    op: 'drainNode',
    description: "move a node's leaders, then its replicas, elsewhere (for maintenance)",
    done: 'draining (watch rheo cluster status for DRAINED)',
  },
  {
    name: 'undrain',
    op: 'undrainNode',
    description: 'let a drained node take replicas again',
    done: 'undrained',
  },
  {
    name: 'remove',
    op: 'removeNode',
    description: 'forget a node for good (it must host no replicas: drain it first)',
    done: 'removed',
  },
];

export function clusterCommand(io: ProgramIo): Command {
  const cluster = new Command('cluster').description('the nodes: status, drain, undrain, remove');
  clientCommand(
    cluster
      .command('status')
      .description('nodes (roles, rack, state, replicas, leaders) and under-replicated / leaderless shards'),
  ).action(async (flags: ClientFlags) => {
    await withClient(clientTarget(flags, io.env), async (client) => {
      const description = await client.clusterAdmin.describeCluster();
      io.out(`${flags.json ? toJson(description) : clusterStatusText(description)}\n`);
    });
  });
  for (const { name, op, description, done } of operations) {
    const command = clientCommand(
      cluster.command(name).description(description).argument('<node-id>', 'the node id'),
    );
    if (op === 'drainNode') addDrainWaitOptions(command);
    command.action(async (nodeIdText: string, flags: DrainFlags) => {
      const nodeId = intFlag('node-id', nodeIdText, 0, 1, 2 ** 31 - 1);
      const waitMs = intFlag('wait-timeout', flags.waitTimeout, drainWaitTimeoutSDefault, 1, 86_400) * 1000;
      await withClient(clientTarget(flags, io.env), async (client) => {
        await client.clusterAdmin[op](nodeId);
        const goal = op === 'drainNode' ? flags.wait : undefined;
        if (goal !== undefined) {
          await waitForDrain({
            nodeId,
            goal,
            timeoutMs: waitMs,
            describe: () => client.clusterAdmin.describeCluster(),
          });
        }
        const text =
          goal === undefined ? done : goal === 'drained' ? 'drained' : 'draining, and leads no shard';
        io.out(
          flags.json
            ? `${toJson(goal === undefined ? { nodeId, operation: name } : { nodeId, operation: name, waited: goal })}\n`
            : `node ${nodeId} ${text}\n`,
        );
      });
    });
  }
  return cluster;
}

function addDrainWaitOptions(command: Command): void {
  command
    .addOption(
      new Option(
        '--wait [until]',
        'wait until the node is DRAINED, or with `leaders` until it leads no shard (a restart)',
      )
        .choices(drainGoals)
        .preset('drained'),
    )
    .option('--wait-timeout <s>', 'how long --wait waits', String(drainWaitTimeoutSDefault));
}
