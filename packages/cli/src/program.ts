// The `rheo` command line (commander): one file per command group under
// commands/. Client commands reach the cluster at --endpoint, else
// RHEO_ENDPOINTS, else the `rheo dev` cluster (commands/common.ts).
import { Command } from 'commander';
import { benchCommand } from './commands/bench.js';
import { clusterCommand } from './commands/cluster.js';
import type { ProgramIo } from './commands/common.js';
import { consumersCommand } from './commands/consumers.js';
import { devCommand } from './commands/dev.js';
import { groupCommand } from './commands/group.js';
import { putCommand } from './commands/put.js';
import { serverCommand } from './commands/server.js';
import { streamCommand } from './commands/stream.js';
import { tailCommand } from './commands/tail.js';

export type { ProgramIo } from './commands/common.js';

export function buildProgram(io: ProgramIo): Command {
  const program = new Command('rheo')
    .description('Rheo: a Raft-replicated streaming broker (Kinesis Data Streams, self-hosted)')
    .showHelpAfterError()
    // `rheo server` hands every flag after it to the node, so options are positional.
    .enablePositionalOptions()
    .configureOutput({ writeOut: io.out, writeErr: io.err });
  for (const command of [
    serverCommand(io),
    devCommand(io),
    streamCommand(io),
    putCommand(io),
    tailCommand(io),
    consumersCommand(io),
    groupCommand(io),
    clusterCommand(io),
    benchCommand(io),
  ]) {
    program.addCommand(command);
  }
  // Subcommands added as objects do not inherit these settings.
  for (const command of allCommands(program)) {
    command.showHelpAfterError().configureOutput({ writeOut: io.out, writeErr: io.err });
  }
  return program;
}

function allCommands(command: Command): Command[] {
  return command.commands.flatMap((c) => [c, ...allCommands(c)]);
}
