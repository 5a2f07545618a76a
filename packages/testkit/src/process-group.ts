// The processes of one test (a cluster, a producer, a bench). `stopAll` is
// what a test's afterEach/afterAll calls: every process the test started is
// stopped by its pid, whatever happened in between.
import { type SpawnOptions, TestProcess } from './child-process.js';

export class ProcessGroup {
  private readonly processes = new Set<TestProcess>();

  spawn(opts: SpawnOptions): TestProcess {
    const p = new TestProcess(opts);
    this.processes.add(p);
    void p.exited.then(() => this.processes.delete(p));
    return p;
  }

  /** Pids of the processes still running. */
  pids(): number[] {
    return [...this.processes].filter((p) => p.running).map((p) => p.pid);
  }

  /** Stops every process still running (SIGTERM, then SIGKILL after graceMs) and waits for all of them. */
  async stopAll(graceMs = 5_000): Promise<void> {
    await Promise.all([...this.processes].map((p) => p.stop('SIGTERM', graceMs)));
    this.processes.clear();
  }

  /** kill -9 of every process still running, and waits for all of them. */
  async killAll(): Promise<void> {
    await Promise.all(
      [...this.processes].map((p) => {
        p.kill('SIGKILL');
        return p.exited;
      }),
    );
    this.processes.clear();
  }
}

/**
 * Runs a TypeScript entry point in a child Node process against the
 * sources (the `rheo-source` export condition through tsx), as the tests
 * run everything else.
 */
export function tsNodeArgs(entry: string, args: readonly string[] = []): { command: string; args: string[] } {
  return {
    command: process.execPath,
    args: ['--conditions=rheo-source', '--import', 'tsx', entry, ...args],
  };
}

/** Whether a process with this pid exists (signal 0 checks without sending anything). */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
