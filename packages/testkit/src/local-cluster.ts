// LocalCluster: N Rheo node processes on 127.0.0.1, for multi-process tests
// (crash campaigns, smoke tests, benchmarks against real processes).
//
// - Ports come from freePorts (a gRPC and a metrics port per node) and data
//   dirs live under one temp dir; a restarted node gets the same port and
//   data dir, so it comes back with its identity and its data.
// - Each node is `node packages/server/dist/main.js` with flags (no config
//   file), the cluster secret in its environment. The built entry is the
//   default because a node then starts in a fraction of the time and CPU
//   that tsx needs to compile the sources on every start, which matters on a
//   shared 2-core machine in a test that restarts nodes many times, and
//   `npm test` builds first (tsc -b). `runner: 'source'` (or
//   RHEO_TEST_RUNNER=source) runs the sources through tsx instead.
// - start()/restart() resolve once the node printed its ready line (JSON,
//   "msg":"ready"); kill(id) sends SIGKILL by pid and waits for the exit.
// - destroy() stops every process it started, by pid (SIGTERM, then SIGKILL
//   after a grace), and removes the temp dir. A process-exit hook kills any
//   node still running if the test process itself dies first.
//
// It imports nothing of Rheo's: it speaks to nodes through flags and their
// ready line only, so tests above it choose their own client.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { nodeRuntimeFlags } from '@rheo/server';
import type { ExitInfo, TestProcess } from './child-process.js';
import { buildNodeArgs, type LocalNodeSpec, parseReadyLine, type ReadyInfo } from './local-node-args.js';

/**
 * Test clusters measure other things than Kinesis's per-shard throughput
 * limits (1 MiB/s of writes per shard would throttle most of them): their
 * nodes start with limits far above what a test writes. A test of the
 * limits passes its own `--shard-...-per-s` flags in `args` (later flags win).
 */
const unthrottledArgs: readonly string[] = [
  ...['--shard-write-bytes-per-s', '1024GiB', '--shard-write-records-per-s', '4294967295'],
  ...['--shard-read-bytes-per-s', '1024GiB', '--shard-read-calls-per-s', '4294967295'],
];

import { freePorts, LOOPBACK, tempDir } from './net.js';
import { ProcessGroup, tsNodeArgs } from './process-group.js';

export type { ReadyInfo } from './local-node-args.js';

export interface LocalStreamSpec {
  readonly name: string;
  readonly shards: number;
  /** Node ids of the replicas; every node when left out. */
  readonly replicas?: readonly number[];
}

export interface LocalClusterOptions {
  /** Number of nodes (ids 1..nodes). */
  readonly nodes: number;
  readonly streams?: readonly LocalStreamSpec[];
  /**
   * Cluster mode: nodes 1..controllers run both roles and form the metadata
   * group; the rest are brokers. Streams are then created with the admin API
   * (`streams` must be left out). Static mode (hand-placed streams) when
   * left out.
   */
  readonly controllers?: number;
  /** Raft tick, ms (the node's default when left out). */
  readonly tickIntervalMs?: number;
  /** Extra flags for every node (`['--log-level', 'debug']`). */
  readonly args?: readonly string[];
  /** Extra flags for one node. */
  readonly nodeArgs?: (id: number) => readonly string[];
  /** Node.js flags for every node process, before the entry (`['--cpu-prof']`; dist runner only). */
  readonly execArgv?: readonly string[];
  /** Extra environment for every node. */
  readonly env?: Readonly<Record<string, string>>;
  /** 'dist' (default; run `npx tsc -b` first) or 'source' (tsx). RHEO_TEST_RUNNER overrides the default. */
  readonly runner?: 'dist' | 'source';
  /** How long a node may take to print its ready line. */
  readonly readyTimeoutMs?: number;
  /** Echo every node's output to stderr, prefixed by node (also RHEO_TEST_ECHO=1). */
  readonly echo?: boolean;
  /** How long stop and destroy wait after SIGTERM before SIGKILL. */
  readonly stopGraceMs?: number;
}

export interface LocalNode {
  readonly id: number;
  /** host:port of its gRPC server. */
  readonly address: string;
  readonly port: number;
  readonly metricsPort: number;
  readonly dataDir: string;
  /** The current process; undefined before the first start. */
  readonly process: TestProcess | undefined;
  /** The current process's ready line. */
  readonly ready: ReadyInfo | undefined;
}

export const localClusterDefaults = Object.freeze({
  readyTimeoutMs: 60_000,
  stopGraceMs: 10_000,
  /** The secret every node of a local cluster shares (tests only). */
  clusterSecret: 'rheo-local-cluster-secret-for-tests-only',
});

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** The node process entry, built (dist) and as source: both two levels above this file's directory. */
const SERVER_MAIN_DIST = fileURLToPath(new URL('../../server/dist/main.js', import.meta.url));
const SERVER_MAIN_SOURCE = fileURLToPath(new URL('../../server/src/main.ts', import.meta.url));

interface NodeSlot {
  id: number;
  address: string;
  port: number;
  metricsPort: number;
  dataDir: string;
  process: TestProcess | undefined;
  ready: ReadyInfo | undefined;
}

export class LocalCluster {
  private readonly group = new ProcessGroup();
  private readonly slots = new Map<number, NodeSlot>();
  private destroyed = false;
  private readonly exitHook = (): void => this.killAllSync();

  private constructor(
    private readonly options: LocalClusterOptions,
    /** The temp dir holding every node's data dir. */
    readonly dir: string,
    private readonly removeDir: () => Promise<void>,
  ) {
    process.on('exit', this.exitHook);
  }

  /** Starts every node and waits for all ready lines. On failure, stops what it started and removes the dir. */
  static async start(options: LocalClusterOptions): Promise<LocalCluster> {
    if (!Number.isSafeInteger(options.nodes) || options.nodes < 1)
      throw new Error(`LocalCluster needs at least one node, got ${options.nodes}`);
    const controllers = options.controllers ?? 0;
    if (!Number.isSafeInteger(controllers) || controllers < 0 || controllers > options.nodes)
      throw new Error(`LocalCluster controllers must be 0..${options.nodes}, got ${controllers}`);
    if (controllers > 0 && (options.streams ?? []).length > 0)
      throw new Error(
        'LocalCluster: streams are hand-placed in static mode only; create them with the admin API',
      );
    const dir = await tempDir('cluster');
    const cluster = new LocalCluster(options, dir.path, dir.remove);
    try {
      const ports = await freePorts(2 * options.nodes);
      for (let id = 1; id <= options.nodes; id++) {
        const port = ports[2 * (id - 1)]!;
        cluster.slots.set(id, {
          id,
          address: `${LOOPBACK}:${port}`,
          port,
          metricsPort: ports[2 * (id - 1) + 1]!,
          dataDir: `${dir.path}/node-${id}`,
          process: undefined,
          ready: undefined,
        });
      }
      await Promise.all(cluster.ids().map((id) => cluster.launch(id)));
      return cluster;
    } catch (err) {
      await cluster.destroy();
      throw err;
    }
  }

  get clusterSecret(): string {
    return localClusterDefaults.clusterSecret;
  }

  ids(): number[] {
    return [...this.slots.keys()].sort((a, b) => a - b);
  }

  node(id: number): LocalNode {
    const slot = this.slots.get(id);
    if (slot === undefined) throw new Error(`no node ${id} in this cluster (nodes ${this.ids().join(', ')})`);
    return slot;
  }

  /** Every node's gRPC address, in id order (running or not: a client's seed list). */
  endpoints(): string[] {
    return this.ids().map((id) => this.node(id).address);
  }

  running(id: number): boolean {
    return this.node(id).process?.running === true;
  }

  /** Pids of the node processes still running. */
  pids(): number[] {
    return this.group.pids();
  }

  /** The current process's output lines (stdout and stderr). */
  output(id: number): readonly string[] {
    return this.node(id).process?.output() ?? [];
  }

  /** kill -9 (or another signal) of one node by pid; resolves when it has exited. */
  async kill(id: number, signal: NodeJS.Signals = 'SIGKILL'): Promise<ExitInfo> {
    const p = this.node(id).process;
    if (p === undefined) throw new Error(`node ${id} was never started`);
    p.kill(signal);
    return p.exited;
  }

  /** Graceful stop of one node (SIGTERM, SIGKILL after the grace); resolves with how it exited. */
  async stop(id: number): Promise<ExitInfo> {
    const p = this.node(id).process;
    if (p === undefined) throw new Error(`node ${id} was never started`);
    return p.stop('SIGTERM', this.options.stopGraceMs ?? localClusterDefaults.stopGraceMs);
  }

  /** Starts a stopped or killed node again, same port and data dir; resolves once it is ready. */
  async restart(id: number): Promise<ReadyInfo> {
    if (this.running(id)) throw new Error(`node ${id} is still running (pid ${this.node(id).process!.pid})`);
    return this.launch(id);
  }

  /** kill -9 of every node still running (a whole-cluster crash); resolves when all have exited. */
  async killAll(): Promise<void> {
    await Promise.all(
      this.ids()
        .filter((id) => this.running(id))
        .map((id) => this.kill(id)),
    );
  }

  /** Starts every node that is not running (after killAll or stopAll), in parallel; resolves once all are ready. */
  async restartAll(): Promise<ReadyInfo[]> {
    return Promise.all(
      this.ids()
        .filter((id) => !this.running(id))
        .map((id) => this.launch(id)),
    );
  }

  /** Stops every node still running, by pid (SIGTERM, then SIGKILL after the grace). */
  async stopAll(): Promise<void> {
    await this.group.stopAll(this.options.stopGraceMs ?? localClusterDefaults.stopGraceMs);
  }

  /** stopAll, then removes the temp dir. Safe to call twice. */
  async destroy(): Promise<void> {
    if (this.destroyed) return;
    this.destroyed = true;
    try {
      await this.stopAll();
    } finally {
      process.off('exit', this.exitHook);
      await this.removeDir();
    }
  }

  private async launch(id: number): Promise<ReadyInfo> {
    if (this.destroyed) throw new Error('the cluster was destroyed');
    const slot = this.slots.get(id)!;
    const controllers = this.options.controllers ?? 0;
    const spec: LocalNodeSpec = {
      id,
      port: slot.port,
      metricsPort: slot.metricsPort,
      dataDir: slot.dataDir,
      // Cluster mode learns peers from the metadata; static mode is told them.
      peers:
        controllers > 0
          ? []
          : this.ids()
              .filter((other) => other !== id)
              .map((other) => ({ id: other, address: this.node(other).address })),
      streams: (this.options.streams ?? []).map((s) => ({ ...s, replicas: s.replicas ?? this.ids() })),
      ...(controllers > 0
        ? {
            controllerVoters: this.ids()
              .filter((v) => v <= controllers)
              .map((v) => ({ id: v, address: this.node(v).address })),
            roles: id <= controllers ? ['broker', 'controller'] : ['broker'],
          }
        : {}),
      ...(this.options.tickIntervalMs === undefined ? {} : { tickIntervalMs: this.options.tickIntervalMs }),
      extraArgs: [...unthrottledArgs, ...(this.options.args ?? []), ...(this.options.nodeArgs?.(id) ?? [])],
    };
    const entry = this.entry();
    const p = this.group.spawn({
      name: `node-${id}`,
      command: entry.command,
      args: [...entry.args, ...buildNodeArgs(spec)],
      cwd: REPO_ROOT,
      env: { RHEO_CLUSTER_SECRET: this.clusterSecret, ...this.options.env },
      echo: this.options.echo ?? process.env.RHEO_TEST_ECHO === '1',
    });
    slot.process = p;
    slot.ready = undefined;
    const timeoutMs = this.options.readyTimeoutMs ?? localClusterDefaults.readyTimeoutMs;
    const line = await p.waitForLine((l) => l.includes('"msg":"ready"'), timeoutMs);
    slot.ready = parseReadyLine(line);
    return slot.ready;
  }

  private entry(): { command: string; args: string[] } {
    const runner = this.options.runner ?? (process.env.RHEO_TEST_RUNNER === 'source' ? 'source' : 'dist');
    // The runtime flags the image and `rheo dev` give a node (@rheo/server's runtime-flags.ts), then the test's own.
    const nodeFlags = [...nodeRuntimeFlags, ...(this.options.execArgv ?? [])];
    if (runner === 'source') {
      const ts = tsNodeArgs(SERVER_MAIN_SOURCE);
      return { command: ts.command, args: [...nodeFlags, ...ts.args] };
    }
    if (!existsSync(SERVER_MAIN_DIST))
      throw new Error(
        `${SERVER_MAIN_DIST} is missing: build first (npx tsc -b), or use runner 'source' (RHEO_TEST_RUNNER=source)`,
      );
    return { command: process.execPath, args: [...nodeFlags, SERVER_MAIN_DIST] };
  }

  /** Last resort when the test process exits with nodes still running: SIGKILL by pid, synchronously. */
  private killAllSync(): void {
    for (const pid of this.group.pids()) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
}
