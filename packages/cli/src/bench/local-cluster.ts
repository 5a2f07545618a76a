// `--local N`: a throwaway cluster of N node processes on 127.0.0.1, data in
// a temp dir, the bench stream given to every node as a static stream
// (shards replicated on nodes 1..replicas). Every process is tracked by pid
// and stopped (SIGTERM, then SIGKILL) at the end; on Ctrl-C they are killed
// by pid at once. The temp dir is removed either way, unless the caller
// keeps it (`rheo bench --keep-data`): then it also holds each node's
// stdout, every line stamped with the wall-clock ms it arrived, so a node's
// `--trace-gc` lines (process-relative times) line up with `--latency-log`.
import { randomBytes } from 'node:crypto';
import { createWriteStream, rmSync, type WriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeEntry } from '../dev/node-entry.js';
import { NodeProcesses } from '../dev/node-processes.js';

export interface LocalClusterOptions {
  readonly nodes: number;
  readonly replicas: number;
  readonly streamName: string;
  readonly shards: number;
  /** Where the temp dir goes (default: the OS temp dir). */
  readonly parentDir?: string;
  readonly readyTimeoutMs?: number;
  /** More flags for every node (the bench's raised shard limits). */
  readonly extraArgs?: readonly string[];
  /** Flags for node itself, before the entry script (`--trace-gc`). */
  readonly nodeFlags?: readonly string[];
  /** Write each node's stdout to `node-N/stdout.log`, each line as `<unix ms> <line>`. */
  readonly logStdout?: boolean;
}

/** How long a node may take to print its ready line. */
const readyTimeoutMsDefault = 30_000;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export class LocalCluster {
  private readonly addresses: string[] = [];
  private readonly logs = new Map<number, WriteStream>();
  private readonly stdoutLogs = new Map<number, WriteStream>();
  private readonly processes: NodeProcesses;
  private stopped = false;
  private readonly onSignal = () => {
    this.processes.killNow();
    // Synchronous: the process exits right after, so nothing async would finish.
    rmSync(this.dir, { recursive: true, force: true, maxRetries: 3 });
    process.exit(130);
  };

  private constructor(
    readonly dir: string,
    nodeFlags: readonly string[],
  ) {
    this.processes = new NodeProcesses(nodeEntry(nodeFlags), (id, stream, line) => {
      if (stream === 'stderr') this.logs.get(id)?.write(`${line}\n`);
      else this.stdoutLogs.get(id)?.write(`${Date.now()} ${line}\n`);
    });
  }

  get endpoints(): string[] {
    return [...this.addresses];
  }

  get pids(): number[] {
    return this.processes.running.map((n) => n.pid);
  }

  static async start(options: LocalClusterOptions): Promise<LocalCluster> {
    const dir = await mkdtemp(join(options.parentDir ?? tmpdir(), 'rheo-bench-'));
    const cluster = new LocalCluster(dir, options.nodeFlags ?? []);
    process.once('SIGINT', cluster.onSignal);
    process.once('SIGTERM', cluster.onSignal);
    try {
      await cluster.launch(options);
    } catch (err) {
      await cluster.stop();
      throw err;
    }
    return cluster;
  }

  private async launch(options: LocalClusterOptions): Promise<void> {
    const ids = Array.from({ length: options.nodes }, (_v, i) => i + 1);
    const ports = new Map<number, { grpc: number; metrics: number }>();
    for (const id of ids) ports.set(id, { grpc: await freePort(), metrics: await freePort() });
    const peers = ids.map((id) => `${id}@127.0.0.1:${ports.get(id)!.grpc}`).join(',');
    const replicas = ids.slice(0, options.replicas).join(',');
    const secret = randomBytes(24).toString('hex');
    for (const id of ids) {
      const nodeDir = join(this.dir, `node-${id}`);
      await mkdir(nodeDir, { recursive: true });
      this.logs.set(id, createWriteStream(join(nodeDir, 'stderr.log')));
      if (options.logStdout === true) this.stdoutLogs.set(id, createWriteStream(join(nodeDir, 'stdout.log')));
      const args = [
        `--node-id=${id}`,
        '--roles=broker',
        `--grpc-listen=127.0.0.1:${ports.get(id)!.grpc}`,
        `--metrics-listen=127.0.0.1:${ports.get(id)!.metrics}`,
        `--data-dir=${join(nodeDir, 'data')}`,
        `--peers=${peers}`,
        `--streams=${options.streamName}:${options.shards}:${replicas}`,
        '--log-level=warn',
        ...(options.extraArgs ?? []),
      ];
      // The secret goes by environment, so it does not show in `ps`.
      this.processes.start({ id, args, env: { RHEO_CLUSTER_SECRET: secret } });
      this.addresses.push(`127.0.0.1:${ports.get(id)!.grpc}`);
    }
    const timeoutMs = options.readyTimeoutMs ?? readyTimeoutMsDefault;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(
        () => reject(new Error(`a node printed no ready line within ${timeoutMs} ms (see ${this.dir})`)),
        timeoutMs,
      );
    });
    try {
      await Promise.race([Promise.all(this.processes.running.map((n) => n.ready)), timeout]);
    } catch (err) {
      throw new Error(`${(err as Error).message} (see ${this.dir})`);
    } finally {
      clearTimeout(timer);
    }
  }

  /** SIGKILL of every node, by pid, synchronously (for signal handlers). */
  killNow(): void {
    this.processes.killNow();
  }

  /** Stops every node (SIGTERM, then SIGKILL after a grace) and removes the temp dir. */
  async stop(keepDir = false): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    process.off('SIGINT', this.onSignal);
    process.off('SIGTERM', this.onSignal);
    await this.processes.stopAll();
    // A node's last lines may still be in its pipes when it exits.
    await Promise.all(this.processes.running.map((n) => n.drained));
    await Promise.all(
      [...this.logs.values(), ...this.stdoutLogs.values()].map(
        (log) => new Promise<void>((resolve) => log.end(resolve)),
      ),
    );
    if (!keepDir) await rm(this.dir, { recursive: true, force: true });
  }
}
