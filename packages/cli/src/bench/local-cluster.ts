// `--local N`: a throwaway cluster of N node processes on 127.0.0.1, data in
// a temp dir, the bench stream given to every node as a static stream
// (shards replicated on nodes 1..replicas). Every process is tracked by pid
// and stopped (SIGTERM, then SIGKILL) at the end; on Ctrl-C they are killed
// by pid at once. The temp dir is removed either way.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, rmSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface LocalClusterOptions {
  readonly nodes: number;
  readonly replicas: number;
  readonly streamName: string;
  readonly shards: number;
  /** Where the temp dir goes (default: the OS temp dir). */
  readonly parentDir?: string;
  readonly readyTimeoutMs?: number;
}

interface LocalNode {
  readonly id: number;
  readonly address: string;
  readonly child: ChildProcess;
  readonly exited: Promise<void>;
}

/** How long a node may take to print its ready line. */
const readyTimeoutMsDefault = 30_000;
/** How long a node may take to stop after SIGTERM before SIGKILL. */
const stopGraceMs = 5_000;

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

/** The node entry point beside @rheo/server's entry: dist/main.js, or src/main.ts run through tsx. */
function nodeCommand(): { command: string; args: string[] } {
  const entry = fileURLToPath(import.meta.resolve('@rheo/server'));
  if (entry.endsWith('.ts')) {
    return {
      command: process.execPath,
      args: ['--conditions=rheo-source', '--import', 'tsx', entry.replace(/index\.ts$/, 'main.ts')],
    };
  }
  return { command: process.execPath, args: [entry.replace(/index\.js$/, 'main.js')] };
}

export class LocalCluster {
  private readonly nodes: LocalNode[] = [];
  private stopped = false;
  private readonly onSignal = () => {
    this.killNow();
    // Synchronous: the process exits right after, so nothing async would finish.
    rmSync(this.dir, { recursive: true, force: true, maxRetries: 3 });
    process.exit(130);
  };

  private constructor(readonly dir: string) {}

  get endpoints(): string[] {
    return this.nodes.map((n) => n.address);
  }

  get pids(): number[] {
    return this.nodes.map((n) => n.child.pid ?? 0);
  }

  static async start(options: LocalClusterOptions): Promise<LocalCluster> {
    const dir = await mkdtemp(join(options.parentDir ?? tmpdir(), 'rheo-bench-'));
    const cluster = new LocalCluster(dir);
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
    const { command, args } = nodeCommand();
    for (const id of ids) {
      const nodeDir = join(this.dir, `node-${id}`);
      await mkdir(nodeDir, { recursive: true });
      const flags = [
        `--node-id=${id}`,
        '--roles=broker',
        `--grpc-listen=127.0.0.1:${ports.get(id)!.grpc}`,
        `--metrics-listen=127.0.0.1:${ports.get(id)!.metrics}`,
        `--data-dir=${join(nodeDir, 'data')}`,
        `--peers=${peers}`,
        `--streams=${options.streamName}:${options.shards}:${replicas}`,
        '--log-level=warn',
      ];
      // The secret goes by environment, so it does not show in `ps`.
      const child = spawn(command, [...args, ...flags], {
        env: { ...process.env, RHEO_CLUSTER_SECRET: secret },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.stderr!.pipe(createWriteStream(join(nodeDir, 'stderr.log')));
      this.nodes.push({ id, address: `127.0.0.1:${ports.get(id)!.grpc}`, child, exited });
    }
    await Promise.all(
      this.nodes.map((n) => this.waitReady(n, options.readyTimeoutMs ?? readyTimeoutMsDefault)),
    );
  }

  private waitReady(node: LocalNode, timeoutMs: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      let buffered = '';
      const timer = setTimeout(
        () =>
          reject(new Error(`node ${node.id} printed no ready line within ${timeoutMs} ms (see ${this.dir})`)),
        timeoutMs,
      );
      node.child.stdout!.on('data', (chunk: Buffer) => {
        buffered += chunk.toString('utf8');
        if (buffered.includes('"msg":"ready"')) {
          clearTimeout(timer);
          buffered = '';
          resolve();
        } else if (buffered.length > 1_000_000) {
          buffered = buffered.slice(-10_000);
        }
      });
      void node.exited.then(() => {
        clearTimeout(timer);
        reject(
          new Error(
            `node ${node.id} exited before it was ready (code ${node.child.exitCode}; see ${this.dir})`,
          ),
        );
      });
    });
  }

  /** SIGKILL of every node, by pid, synchronously (for signal handlers). */
  killNow(): void {
    for (const n of this.nodes) if (n.child.exitCode === null) n.child.kill('SIGKILL');
  }

  /** Stops every node (SIGTERM, then SIGKILL after a grace) and removes the temp dir. */
  async stop(keepDir = false): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    process.off('SIGINT', this.onSignal);
    process.off('SIGTERM', this.onSignal);
    await Promise.all(
      this.nodes.map(async (n) => {
        if (n.child.exitCode !== null || n.child.signalCode !== null) return;
        n.child.kill('SIGTERM');
        const timer = setTimeout(() => n.child.kill('SIGKILL'), stopGraceMs);
        await n.exited;
        clearTimeout(timer);
      }),
    );
    if (!keepDir) await rm(this.dir, { recursive: true, force: true });
  }
}
