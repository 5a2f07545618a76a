// `rheo dev`: a local cluster of N node processes on 127.0.0.1 for trying
// Rheo out (npm start). Data under ./.rheo/node-i survives restarts
// (--fresh removes it); the cluster secret is made once and kept beside it.
// Each node's log lines are shown pretty, prefixed with its id. Ctrl-C (or
// SIGTERM) stops every node by pid (SIGTERM, then SIGKILL after a grace).
// A node that exits during start-up stops the rest (exit 1); one that exits
// later is reported and the rest keep running (kill -9 one to watch a
// failover).
import { mkdir, rm } from 'node:fs/promises';
import type { ProgramIo } from '../commands/common.js';
import { processInterrupt } from '../commands/common.js';
import { prettyLines } from '../output/pretty-log.js';
import { formatTable } from '../output/table.js';
import { devClusterSecret } from './cluster-secret.js';
import { type DevNode, type DevOptions, devGatewayText, planDevCluster } from './dev-plan.js';
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
    '  npx rheo tail demo --from TRIM_HORIZON\n' +
    devGatewayText()
  );
}

type Outcome = { kind: 'interrupted' } | { kind: 'exited'; nodeId: number; how: number | string };

/**
 * Runs the dev cluster until Ctrl-C; resolves with the exit code. A node
 * that exits before every node is ready is a failed start: the others are
 * stopped and the code is 1. Once ready, a node that exits (a `kill -9` to
 * watch a failover) is reported and the rest keep running; when none is
 * left, dev exits 1.
 */
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
    const exits = running.map((r) =>
      r.exited.then((how): Outcome => ({ kind: 'exited', nodeId: r.id, how })),
    );
    // A node that exits before its ready line fails `ready`; the exits say which one.
    const ready = Promise.all(running.map((r) => r.ready)).then(
      () => 'ready' as const,
      () => 'failed' as const,
    );
    const first = await Promise.race([ready, interrupted, ...exits]);
    if (first !== 'ready') {
      const outcome = first === 'failed' ? await Promise.race(exits) : first;
      if (outcome.kind === 'exited')
        io.err(`rheo dev: node ${outcome.nodeId} exited (${outcome.how}) before the cluster was ready\n`);
      await stop(processes, io);
      return outcome.kind === 'exited' ? 1 : 0;
    }
    io.out(
      readyText(
        nodes,
        running.map((r) => r.pid),
      ),
    );
    return await watch(exits, interrupted, processes, io);
  } finally {
    unsubscribe();
    process.off('exit', killOnExit);
    processes.killNow();
  }
}

/** After ready: report each node that exits; stop on Ctrl-C (0), or end when none is left (1). */
async function watch(
  exits: readonly Promise<Outcome>[],
  interrupted: Promise<Outcome>,
  processes: NodeProcesses,
  io: ProgramIo,
): Promise<number> {
  const pending = new Map(exits.map((exit, i) => [i, exit.then((outcome) => ({ outcome, i }))]));
  const stopRequested = interrupted.then((outcome) => ({ outcome, i: -1 }));
  while (pending.size > 0) {
    const next = await Promise.race([stopRequested, ...pending.values()]);
    if (next.outcome.kind === 'interrupted') {
      await stop(processes, io);
      return 0;
    }
    pending.delete(next.i);
    io.err(
      `rheo dev: node ${next.outcome.nodeId} exited (${next.outcome.how}); ` +
        (pending.size === 0 ? 'no node is left\n' : `${pending.size} still running (Ctrl-C stops them)\n`),
    );
  }
  return 1;
}

async function stop(processes: NodeProcesses, io: ProgramIo): Promise<void> {
  io.out('rheo dev: stopping every node\n');
  await processes.stopAll();
}
