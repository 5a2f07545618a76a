// `rheo cluster status|drain|undrain|remove`: the Cluster service's node
// view and operations. status prints one row per node (the active
// controller marked) and the shard health counts.
import { Command } from 'commander';
import { clusterStatusText } from '../output/format.js';
import { toJson } from '../output/json.js';
import { clientCommand, intFlag, type ProgramIo, resolveEndpoints, withClient } from './common.js';

interface ClientFlags {
  readonly endpoint?: string[];
  readonly json?: boolean;
}

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
    await withClient(resolveEndpoints(flags.endpoint, io.env), async (client) => {
      const description = await client.clusterAdmin.describeCluster();
      io.out(`${flags.json ? toJson(description) : clusterStatusText(description)}\n`);
    });
  });
  for (const { name, op, description, done } of operations) {
    clientCommand(cluster.command(name).description(description).argument('<node-id>', 'the node id')).action(
      async (nodeIdText: string, flags: ClientFlags) => {
        const nodeId = intFlag('node-id', nodeIdText, 0, 1, 2 ** 31 - 1);
        await withClient(resolveEndpoints(flags.endpoint, io.env), async (client) => {
          await client.clusterAdmin[op](nodeId);
          io.out(flags.json ? `${toJson({ nodeId, operation: name })}\n` : `node ${nodeId} ${done}\n`);
        });
      },
    );
  }
  return cluster;
}
