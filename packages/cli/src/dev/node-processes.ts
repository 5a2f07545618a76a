// Node processes started by the CLI (`rheo dev`, `rheo bench --local`):
// spawned with their flags, their output read line by line, ready once the
// node printed its ready line (`"msg":"ready"`, run-node.ts), and stopped by
// pid: SIGTERM, then SIGKILL after a grace. Children run in their own
// process group, so a Ctrl-C in the terminal reaches the CLI alone and the
// CLI stops each node once (a second signal would make a node give up its
// graceful stop).
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { NodeEntry } from './node-entry.js';

export interface NodeSpawn {
  readonly id: number;
  /** The node's flags (after the entry). */
  readonly args: readonly string[];
  /** Extra environment (the cluster secret travels here, so it does not show in `ps`). */
  readonly env: Readonly<Record<string, string>>;
}

export type LineSink = (nodeId: number, stream: 'stdout' | 'stderr', line: string) => void;

export interface RunningNode {
  readonly id: number;
  readonly child: ChildProcess;
  readonly pid: number;
  /** Resolves with the exit code (or the signal's name) when the process ends. */
  readonly exited: Promise<number | string>;
  /** Resolves when the node printed its ready line; rejects if it exits first. */
  readonly ready: Promise<void>;
  /** Resolves once the process ended and its output was read to the end (every line went to the sink). */
  readonly drained: Promise<void>;
}

/** Longest a node may take to stop after SIGTERM before it is killed. */
export const stopGraceMsDefault = 5_000;

export class NodeProcesses {
  private readonly nodes: RunningNode[] = [];

  constructor(
    private readonly entry: NodeEntry,
    private readonly sink: LineSink,
  ) {}

  get running(): readonly RunningNode[] {
    return this.nodes;
  }

  start(spec: NodeSpawn): RunningNode {
    const child = spawn(this.entry.command, [...this.entry.args, ...spec.args], {
      env: { ...process.env, ...spec.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const exited = new Promise<number | string>((resolve) =>
      child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
    );
    // 'close' comes after 'exit' once the child's stdio streams ended.
    const drained = new Promise<void>((resolve) => child.once('close', () => resolve()));
    let markReady: () => void = () => {};
    const ready = new Promise<void>((resolve, reject) => {
      markReady = resolve;
      void exited.then((how) => reject(new Error(`node ${spec.id} exited (${how}) before it was ready`)));
    });
    ready.catch(() => undefined);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.includes('"msg":"ready"')) markReady();
      this.sink(spec.id, 'stdout', line);
    });
    createInterface({ input: child.stderr! }).on('line', (line) => this.sink(spec.id, 'stderr', line));
    const node: RunningNode = { id: spec.id, child, pid: child.pid ?? 0, exited, ready, drained };
    this.nodes.push(node);
    return node;
  }

  /** Stops every node still running: SIGTERM by pid, SIGKILL after `graceMs`; resolves when all exited. */
  async stopAll(graceMs = stopGraceMsDefault): Promise<void> {
    await Promise.all(
      this.nodes.map(async (n) => {
        if (n.child.exitCode !== null || n.child.signalCode !== null) return;
        n.child.kill('SIGTERM');
        const timer = setTimeout(() => n.child.kill('SIGKILL'), graceMs);
        await n.exited;
        clearTimeout(timer);
      }),
    );
  }

  /** SIGKILL of every node still running, by pid, synchronously (for exit paths that cannot wait). */
  killNow(): void {
    for (const n of this.nodes)
      if (n.child.exitCode === null && n.child.signalCode === null) n.child.kill('SIGKILL');
  }
}
