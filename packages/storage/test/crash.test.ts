// Proves that nothing acknowledged is lost when the process dies mid-write:
// a child process (fixtures/crash-writer.ts) writes to several groups with
// suffix overwrites and prints each acknowledgement; it is killed with
// SIGKILL (by pid) in the middle of writing, twice over on the same
// directory. After each kill the store is reopened and, per group, the log
// on disk must be exactly the log replayed from the acknowledgements, or that
// log with the one write still in flight applied (a write is atomic: all of
// it or none), with every entry's bytes intact.

import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { NodeStore } from '../src/index.js';
import { payload, tempDir } from './helpers.js';

const FIXTURE = fileURLToPath(new URL('./fixtures/crash-writer.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const GROUPS = 4;
const ACKS_BEFORE_KILL = 150;
// Each round starts a child through tsx (a couple of seconds on a loaded machine): two rounds prove restart-after-recovery too.
const ROUNDS = 2;

const children = new Set<ChildProcess>();
afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.pid !== undefined) process.kill(c.pid, 'SIGKILL');
});

/** Model of each group's acknowledged log: terms by index (1-based). */
type Model = Map<string, number[]>;
/** Per group, the write submitted and not yet acknowledged when the process died. */
type InFlight = Map<string, string>;

function applyWrite(log: readonly number[], line: string): number[] {
  const [, , from, to, term] = line.split(' ');
  const out = log.slice(0, Number(from) - 1); // a suffix overwrite drops what followed
  for (let i = Number(from); i <= Number(to); i++) out[i - 1] = Number(term);
  return out;
}

function onLine(model: Model, inFlight: InFlight, line: string): void {
  const group = line.split(' ')[1]!;
  if (line.startsWith('write ')) inFlight.set(group, line);
  else {
    model.set(group, applyWrite(model.get(group) ?? [], line));
    inFlight.delete(group);
  }
}

async function runAndKill(dir: string, model: Model, inFlight: InFlight): Promise<number> {
  const child = spawn(
    process.execPath,
    ['--conditions=rheo-source', '--import', 'tsx', FIXTURE, dir, String(GROUPS)],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  children.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let acks = 0;
  try {
    for await (const line of createInterface({ input: child.stdout! })) {
      if (!line.startsWith('ack ') && !line.startsWith('write ')) continue;
      onLine(model, inFlight, line);
      if (line.startsWith('ack ') && ++acks === ACKS_BEFORE_KILL) process.kill(child.pid!, 'SIGKILL');
    }
  } finally {
    if (child.exitCode === null && child.signalCode === null) process.kill(child.pid!, 'SIGKILL');
    await exited;
    children.delete(child);
  }
  expect(child.signalCode).toBe('SIGKILL');
  return acks;
}

describe('crash safety', () => {
  it('keeps every acknowledged write across SIGKILL mid-write', async () => {
    const t = tempDir('crash');
    const model: Model = new Map();
    try {
      for (let round = 0; round < ROUNDS; round++) {
        const inFlight: InFlight = new Map();
        expect(await runAndKill(t.dir, model, inFlight)).toBeGreaterThanOrEqual(ACKS_BEFORE_KILL);
        const store = await NodeStore.open(t.dir);
        try {
          for (const [name, terms] of model) {
            const g = store.group(name);
            expect(g.initialState().needsRepair).toBe(false);
            const got = await g.readRange(1, 1e6, 1e12);
            expect(got.map((e) => e.index)).toEqual(Array.from({ length: g.lastIndex() }, (_, i) => i + 1));
            const pending = inFlight.get(name);
            const allowed = [terms, ...(pending ? [applyWrite(terms, pending)] : [])].map((l) => l.join(','));
            expect(allowed).toContain(got.map((e) => e.term).join(','));
            for (const e of got) expect(Buffer.compare(e.data, payload(e.index, e.term, 200))).toBe(0);
            // The next writer continues from what is on disk: so does the model.
            model.set(
              name,
              got.map((e) => e.term),
            );
          }
        } finally {
          await store.close();
        }
      }
    } finally {
      t.remove();
    }
  });
});
