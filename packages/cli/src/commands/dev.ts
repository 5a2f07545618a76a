// `rheo dev [--nodes 3] [--data ./.rheo] [--base-port 7701] [--fresh]`: a
// local cluster for trying Rheo out (dev/dev-cluster.ts). `npm start` runs
// it with three nodes, whose addresses are every client command's default.
import { Command } from 'commander';
import { runDev } from '../dev/dev-cluster.js';
import { type DevOptions, devDefaults } from '../dev/dev-plan.js';
import { intFlag, type ProgramIo } from './common.js';

interface DevFlags {
  readonly nodes?: string;
  readonly data?: string;
  readonly basePort?: string;
  readonly fresh?: boolean;
}

/** Nodes at most: a laptop's worth (each node is a process with its own LevelDB). */
export const devNodesMax = 9;

export function devOptions(flags: DevFlags): DevOptions {
  const nodes = intFlag('nodes', flags.nodes, devDefaults.nodes, 1, devNodesMax);
  return Object.freeze({
    nodes,
    dataDir: flags.data ?? devDefaults.dataDir,
    // Node n's metrics port is basePort + 2000 + n - 1, which must stay a port.
    basePort: intFlag('base-port', flags.basePort, devDefaults.basePort, 1024, 65_535 - 2000 - nodes),
    fresh: flags.fresh === true,
  });
}

export function devCommand(io: ProgramIo): Command {
  return new Command('dev')
    .summary('run a local cluster of node processes on 127.0.0.1 (npm start)')
    .description(
      'run a local cluster of node processes on 127.0.0.1 until Ctrl-C\n' +
        `node i: gRPC on base-port+i-1, metrics on base-port+2000+i-1, data in <data>/node-i`,
    )
    .option(
      '--nodes <n>',
      `node processes (1..${devNodesMax}); the first 3 are controllers`,
      String(devDefaults.nodes),
    )
    .option('--data <dir>', 'where the nodes keep their data and the cluster secret', devDefaults.dataDir)
    .option('--base-port <port>', "node 1's gRPC port", String(devDefaults.basePort))
    .option('--fresh', 'remove the data (and the secret) first')
    .action(async (flags: DevFlags) => {
      process.exitCode = await runDev(devOptions(flags), io);
    });
}
