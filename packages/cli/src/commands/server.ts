// `rheo server [flags]`: one node in this process, through @rheo/server's
// runNode, so it takes exactly the node entry's flags, RHEO_* variables and
// --config file (docs/configuration.md). Everything after `server` is the
// node's. With log_format pretty the node's logger writes through
// pino-pretty (the server itself only writes JSON).
import { createLogger, loadConfig, type NodeDeps, runNode } from '@rheo/server';
import { Command } from 'commander';
import { prettyDestination } from '../output/pretty-log.js';
import type { ProgramIo } from './common.js';

/** The node's deps for its log format: a pretty logger, or none (runNode's JSON logger). */
export function serverDeps(argv: readonly string[], env: NodeJS.ProcessEnv, colorize: boolean): NodeDeps {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig({ argv, env });
  } catch {
    // runNode loads the configuration again and reports what is wrong with it.
    return {};
  }
  if (config.logFormat !== 'pretty') return {};
  const logger = createLogger({
    nodeId: config.nodeId,
    level: config.logLevel,
    destination: prettyDestination({ colorize }),
  });
  return { logger };
}

export function serverCommand(io: ProgramIo): Command {
  return new Command('server')
    .summary("run a node in this process (the node entry's flags)")
    .description(
      'run a node in this process; takes the node flags (--node-id, --roles, --grpc-listen, --data-dir,\n' +
        '--controller-voters, --config file, ...) and RHEO_* variables: see docs/configuration.md',
    )
    .argument('[node-flags...]', 'the node flags, as the node entry takes them')
    .allowUnknownOption()
    .passThroughOptions()
    .action(async (nodeFlags: string[]) => {
      const deps = serverDeps(nodeFlags, io.env, process.stdout.isTTY === true);
      const code = await runNode(nodeFlags, io.env, { deps });
      process.exitCode = code;
    });
}
