// The node process's life: load the configuration (flags > environment >
// file > defaults), start the node, print the ready line, and stop
// gracefully on SIGTERM or SIGINT. Both main.ts and the CLI's `rheo server`
// call runNode; it resolves with the exit code instead of exiting, so the
// caller decides.
//
// The ready line is one JSON object on stdout, written whatever the log
// level, once the gRPC server listens and the node's shards are open:
//   {"level":30,"time":…,"node":1,"msg":"ready","grpcAddress":"127.0.0.1:7400",…}
// It is shaped as a log line (level, time, node, msg) so log tools show it
// like any other, and scripts and test harnesses wait for `"msg":"ready"`.
import { ConfigError } from '../config/config-error.js';
import { loadConfig } from '../config/load-config.js';
import type { NodeConfig } from '../config/schema.js';
import { checkDataVolume } from './data-volume.js';
import { type NodeDeps, type RheoNode, startNode } from './rheo-node.js';
import { missingRuntimeFlags } from './runtime-flags.js';

export type Env = Readonly<Record<string, string | undefined>>;

export interface RunNodeOptions {
  /** Where the ready line goes (one line, newline included); stdout when left out. */
  readonly stdout?: (text: string) => void;
  /** Where start-up failures go; stderr when left out. */
  readonly stderr?: (text: string) => void;
  /** Resolves when the node should stop; SIGTERM or SIGINT when left out (a second signal stops at once). */
  readonly until?: Promise<string>;
  readonly deps?: NodeDeps;
}

/** Exit codes: 0 stopped cleanly, 1 could not start or stop, 2 bad configuration, 3 stopped by a second signal. */
export const exitCodes = Object.freeze({ ok: 0, failed: 1, badConfig: 2, forced: 3 });

const PINO_INFO_LEVEL = 30;

/** The ready line (without its newline). */
export function readyLine(node: RheoNode, nowMs: number, pid: number): string {
  return JSON.stringify({
    level: PINO_INFO_LEVEL,
    time: nowMs,
    node: node.nodeId,
    msg: 'ready',
    grpcAddress: node.grpcAddress,
    advertisedAddress: node.advertisedAddress,
    metricsUrl: `http://${node.observability.address}/metrics`,
    dataDir: node.config.dataDir,
    shards: node.host.stats().shards,
    pid,
  });
}

/**
 * Runs a node until a signal (or `options.until`), then stops it gracefully.
 * `argv` holds the flags only (no program or command name).
 */
export async function runNode(
  argv: readonly string[],
  env: Env,
  options: RunNodeOptions = {},
): Promise<number> {
  const out = options.stdout ?? ((t: string) => process.stdout.write(t));
  const err = options.stderr ?? ((t: string) => process.stderr.write(t));
  let config: NodeConfig;
  try {
    config = loadConfig({ argv, env });
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    err(`rheo server: ${e.message}\n`);
    return exitCodes.badConfig;
  }
  let node: RheoNode;
  try {
    node = await startNode(config, options.deps);
  } catch (e) {
    if (e instanceof ConfigError) {
      err(`rheo server: ${e.message}\n`);
      return exitCodes.badConfig;
    }
    err(`rheo server: node ${config.nodeId} could not start: ${(e as Error).message ?? String(e)}\n`);
    return exitCodes.failed;
  }
  // Before the ready line: from it to the signal handlers below nothing may
  // await, or a stop sent on seeing the line would find no handler.
  const volume = await checkDataVolume(config.dataDir);
  for (const w of volume.warnings)
    node.log.warn(
      {
        dataDir: volume.dataDir,
        mountPoint: volume.mount?.mountPoint,
        fsType: volume.mount?.fsType,
        option: w.option,
      },
      `data directory's file system: ${w.why} (docs/operations.md)`,
    );
  out(`${readyLine(node, Date.now(), process.pid)}\n`);
  const missing = missingRuntimeFlags(process.execArgv);
  if (missing.length > 0)
    node.log.warn(
      { missing, want: `node ${missing.join(' ')} <entry>` },
      'started without the recommended V8 flags: sustained throughput is lower (docs/operations.md)',
    );
  const signals = options.until === undefined ? stopSignals() : undefined;
  const reason = await (options.until ?? signals!.first);
  node.log.info({ reason }, 'stop requested');
  try {
    const stopped = node.stop().then(() => exitCodes.ok);
    return await (signals === undefined ? stopped : Promise.race([stopped, signals.second]));
  } catch (e) {
    err(`rheo server: node ${config.nodeId} did not stop cleanly: ${(e as Error).message ?? String(e)}\n`);
    return exitCodes.failed;
  } finally {
    signals?.remove();
  }
}

/** The first SIGTERM/SIGINT asks for a graceful stop; a second one gives up on it. */
function stopSignals(): { first: Promise<string>; second: Promise<number>; remove: () => void } {
  let count = 0;
  let onFirst: (signal: string) => void = () => {};
  let onSecond: (code: number) => void = () => {};
  const first = new Promise<string>((resolve) => {
    onFirst = resolve;
  });
  const second = new Promise<number>((resolve) => {
    onSecond = resolve;
  });
  const handler = (signal: NodeJS.Signals): void => {
    count++;
    if (count === 1) onFirst(signal);
    else onSecond(exitCodes.forced);
  };
  process.on('SIGTERM', handler);
  process.on('SIGINT', handler);
  return {
    first,
    second,
    remove: () => {
      process.off('SIGTERM', handler);
      process.off('SIGINT', handler);
    },
  };
}
