// `rheo dev`: a local cluster of N node processes on 127.0.0.1 for trying
// Rheo out (npm start). Data under ./.rheo/node-i survives restarts
// (--fresh removes it); the cluster secret is made once and kept beside it.
// Each node's log lines are shown pretty, prefixed with its id. Ctrl-C (or
// SIGTERM) stops every node by pid (SIGTERM, then SIGKILL after a grace);
// a node that exits on its own stops the rest, and dev exits 1.
import { mkdir, rm } from 'node:fs/promises';
import type { ProgramIo } from '../commands/common.js';
import { processInterrupt } from '../commands/common.js';
import { prettyLines } from '../output/pretty-log.js';
import { formatTable } from '../output/table.js';
import { devClusterSecret } from './cluster-secret.js';
import { type DevNode, type DevOptions, planDevCluster } from './dev-plan.js';
import { nodeEntry } from './node-entry.js';
import { NodeProcesses } from './node-processes.js';

export function devPlanText(options: DevOptions, nodes: readonly DevNode[], runner: string): string {
  const table = formatTable(
    [
      { header: 'NODE', value: (n: DevNode) => n.id, right: true },
      { header: 'GRPC', value: (n) => n.grpcAddress },
      { header: 'METRICS', value: (n) => n.metricsUrl },
      { header: 'ROLES', value: (n) => n.roles.join(',') },
      { header: 'DATA', value: (n) => n.dataDir },
    ],
    nodes,
  );
  return `rheo dev: ${nodes.length} node${nodes.length === 1 ? '' : 's'} (${runner} build), data under ${options.dataDir}\n${table}\n`;
}

/** The ready message: endpoints, pids (kill -9 one to watch a failover), and what to try. */
export function readyText(nodes: readonly DevNode[], pids: readonly number[]): string {
  const endpoints = nodes.map((n) => n.grpcAddress).join(',');
  return (
    `ready: ${nodes.length} node${nodes.length === 1 ? '' : 's'} at ${endpoints}, pids ${pids.join(',')} (Ctrl-C stops them)\n` +
    'try, in another terminal:\n' +
    '  npx rheo stream create demo --shards 4\n' +
    '  npx rheo put demo user-1 hello\n' +
    '  npx rheo tail demo --from TRIM_HORIZON\n'
  );
}

type Outcome = { kind: 'interrupted' } | { kind: 'exited'; nodeId: number; how: number | string };

/** Runs the dev cluster until Ctrl-C or a node's exit; resolves with the exit code. */
export async function runDev(options: DevOptions, io: ProgramIo): Promise<number> {
  const nodes = planDevCluster(options);
  if (options.fresh) await rm(options.dataDir, { recursive: true, force: true });
  for (const node of nodes) await mkdir(node.dataDir, { recursive: true });
  const secret = await devClusterSecret(options.dataDir);
  const entry = nodeEntry();
  const pretty = prettyLines({ colorize: process.stdout.isTTY === true });
  const width = String(nodes.length).length;
  const processes = new NodeProcesses(entry, (id, stream, line) => {
    const text = `[node ${String(id).padStart(width)}] ${pretty(line)}\n`;
    if (stream === 'stdout') io.out(text);
    else io.err(text);
  });
  // Whatever ends this process, no node outlives it (they run in their own process group).
  const killOnExit = () => processes.killNow();
  process.on('exit', killOnExit);
  io.out(devPlanText(options, nodes, entry.runner));
  let interrupt: () => void = () => {};
  const interrupted = new Promise<Outcome>((resolve) => {
    interrupt = () => resolve({ kind: 'interrupted' });
  });
  const unsubscribe = (io.onInterrupt ?? processInterrupt)(() => interrupt());
  try {
    const running = nodes.map((n) =>
      processes.start({ id: n.id, args: n.args, env: { RHEO_CLUSTER_SECRET: secret } }),
    );
    const exited = Promise.race(
      running.map((r) => r.exited.then((how): Outcome => ({ kind: 'exited', nodeId: r.id, how }))),
    );
    // A node that exits before its ready line fails `ready`; `exited` says which one.
    const ready = Promise.all(running.map((r) => r.ready)).then(
      () => 'ready' as const,
      () => 'failed' as const,
    );
    const first = await Promise.race([ready, interrupted, exited]);
    if (first === 'ready')
      io.out(
        readyText(
          nodes,
          running.map((r) => r.pid),
        ),
      );
    const outcome = typeof first === 'string' ? await Promise.race([interrupted, exited]) : first;
    if (outcome.kind === 'exited') {
      io.err(`rheo dev: node ${outcome.nodeId} exited (${outcome.how}); stopping the others\n`);
    } else {
      io.out('rheo dev: stopping every node\n');
    }
    await processes.stopAll();
    return outcome.kind === 'exited' ? 1 : 0;
  } finally {
    unsubscribe();
    process.off('exit', killOnExit);
    processes.killNow();
  }
}
