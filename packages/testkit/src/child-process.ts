// A child process started by a test: its pid, its output as lines, a way to
// wait for a line that says it is ready, and kill by pid. Every process is
// registered with a ProcessGroup, and the group stops them all. A test
// therefore never leaves a process behind, even when it fails half-way.
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface SpawnOptions {
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** A name for messages and logs ("node-1"). */
  readonly name: string;
  /** Lines of output kept for diagnostics, newest last. */
  readonly keepLinesMax?: number;
  /** Echo the child's output to this process's stderr, prefixed by name (for debugging a test). */
  readonly echo?: boolean;
}

export interface ExitInfo {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

type LineWaiter = { test: (line: string) => boolean; resolve: (line: string) => void };

/** One running child. Create it through ProcessGroup.spawn so that it is always stopped. */
export class TestProcess {
  readonly name: string;
  readonly pid: number;
  readonly exited: Promise<ExitInfo>;
  private readonly child: ChildProcess;
  private readonly lines: string[] = [];
  private readonly keepLinesMax: number;
  private waiters: LineWaiter[] = [];
  private exitInfo: ExitInfo | undefined;

  constructor(opts: SpawnOptions) {
    this.name = opts.name;
    this.keepLinesMax = opts.keepLinesMax ?? 2_000;
    this.child = spawn(opts.command, [...opts.args], {
      cwd: opts.cwd,
      env: { ...process.env, ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    if (this.child.pid === undefined) throw new Error(`could not start ${opts.name}: ${opts.command}`);
    this.pid = this.child.pid;
    for (const stream of [this.child.stdout, this.child.stderr]) {
      if (!stream) continue;
      createInterface({ input: stream }).on('line', (line) => this.onLine(line, opts.echo === true));
    }
    this.exited = new Promise((resolve) => {
      this.child.once('exit', (code, signal) => {
        this.exitInfo = { code, signal };
        resolve(this.exitInfo);
      });
    });
  }

  get running(): boolean {
    return this.exitInfo === undefined;
  }

  /** Output seen so far (stdout and stderr interleaved as they arrived). */
  output(): readonly string[] {
    return this.lines;
  }

  /**
   * Resolves with the first line (already seen or still to come) that
   * matches; rejects when the process exits first or after `timeoutMs`.
   */
  waitForLine(match: RegExp | ((line: string) => boolean), timeoutMs: number): Promise<string> {
    const test = typeof match === 'function' ? match : (l: string) => match.test(l);
    const seen = this.lines.find(test);
    if (seen !== undefined) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const waiter: LineWaiter = { test, resolve: (l) => finish(() => resolve(l)) };
      const timer = setTimeout(
        () =>
          finish(() =>
            reject(new Error(`${this.name}: no matching line within ${timeoutMs} ms${this.tail()}`)),
          ),
        timeoutMs,
      );
      const finish = (then: () => void) => {
        clearTimeout(timer);
        this.waiters = this.waiters.filter((w) => w !== waiter);
        then();
      };
      this.waiters.push(waiter);
      void this.exited.then((info) =>
        finish(() =>
          reject(
            new Error(`${this.name} exited (${describeExit(info)}) before a matching line${this.tail()}`),
          ),
        ),
      );
    });
  }

  /** Sends a signal by pid. SIGKILL is the kill -9 of the crash tests. */
  kill(signal: NodeJS.Signals = 'SIGKILL'): void {
    if (!this.running) return;
    try {
      process.kill(this.pid, signal);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ESRCH') throw err;
    }
  }

  /** Stops the process: `signal` first, SIGKILL after `graceMs`, and waits for it to exit. */
  async stop(signal: NodeJS.Signals = 'SIGTERM', graceMs = 5_000): Promise<ExitInfo> {
    if (!this.running) return this.exitInfo!;
    this.kill(signal);
    const timer = setTimeout(() => this.kill('SIGKILL'), graceMs);
    try {
      return await this.exited;
    } finally {
      clearTimeout(timer);
    }
  }

  private onLine(line: string, echo: boolean): void {
    this.lines.push(line);
    if (this.lines.length > this.keepLinesMax) this.lines.splice(0, this.lines.length - this.keepLinesMax);
    if (echo) process.stderr.write(`[${this.name}] ${line}\n`);
    for (const w of [...this.waiters]) if (w.test(line)) w.resolve(line);
  }

  private tail(): string {
    const last = this.lines.slice(-20);
    return last.length === 0 ? ' (no output)' : `; last output:\n  ${last.join('\n  ')}`;
  }
}

export function describeExit(info: ExitInfo): string {
  return info.signal !== null ? `signal ${info.signal}` : `code ${info.code}`;
}
