// What is proven: the launcher `rheo dev` and `bench --local` share — a
// node is ready when it prints its ready line (not before), its output
// reaches the sink line by line with its id, a node that exits first fails
// `ready` with its exit code, and stopAll stops every node by pid: SIGTERM
// first, SIGKILL once the grace runs out for a node that ignores SIGTERM.
// How: stand-in node processes (`node -e` scripts) with the real launcher.
import { afterEach, describe, expect, it } from 'vitest';
import type { NodeEntry } from '../src/dev/node-entry.js';
import { NodeProcesses } from '../src/dev/node-processes.js';
import { pidAlive } from './pid-alive.js';

const entry = (script: string): NodeEntry => ({
  command: process.execPath,
  args: ['-e', script],
  runner: 'dist',
});
let processes: NodeProcesses | undefined;

afterEach(() => processes?.killNow());

describe('NodeProcesses', () => {
  it('is ready on the ready line, passes lines on, and stops by SIGTERM', async () => {
    const lines: string[] = [];
    processes = new NodeProcesses(
      entry(`
        console.log('{"msg":"starting"}');
        console.error('warming up');
        setTimeout(() => console.log('{"level":30,"node":' + process.argv[1] + ',"msg":"ready"}'), 200);
        process.on('SIGTERM', () => { console.log('{"msg":"stop requested"}'); process.exit(0); });
        setInterval(() => {}, 1000);
      `),
      (id, stream, line) => lines.push(`${id} ${stream} ${line}`),
    );
    const node = processes.start({ id: 7, args: ['7'], env: {} });
    let ready = false;
    void node.ready.then(() => (ready = true));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(ready).toBe(false);
    await node.ready;
    expect(lines).toContain('7 stdout {"msg":"starting"}');
    expect(lines).toContain('7 stderr warming up');
    expect(lines).toContain('7 stdout {"level":30,"node":7,"msg":"ready"}');
    await processes.stopAll(5_000);
    expect(await node.exited).toBe(0);
    expect(lines.at(-1)).toBe('7 stdout {"msg":"stop requested"}');
    expect(pidAlive(node.pid)).toBe(false);
  });

  it('kills a node that ignores SIGTERM once the grace runs out', async () => {
    processes = new NodeProcesses(
      entry(`
        process.on('SIGTERM', () => {});
        console.log('{"msg":"ready"}');
        setInterval(() => {}, 1000);
      `),
      () => {},
    );
    const node = processes.start({ id: 1, args: [], env: {} });
    await node.ready;
    const started = Date.now();
    await processes.stopAll(300);
    expect(await node.exited).toBe('SIGKILL');
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(pidAlive(node.pid)).toBe(false);
  });

  it('fails ready when the node exits first, with its code', async () => {
    processes = new NodeProcesses(entry('process.exit(2)'), () => {});
    const node = processes.start({ id: 3, args: [], env: { RHEO_CLUSTER_SECRET: 'x' } });
    await expect(node.ready).rejects.toThrow(/node 3 exited \(2\) before it was ready/);
  });
});
