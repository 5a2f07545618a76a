// Data-driven interaction tests (testdata/*.txt), as etcd-io/raft's: each
// script drives an in-test network command by command and states the
// cluster's state after each step; the test fails on the first difference,
// naming the script line. RHEO_REWRITE=1 rewrites the expected outputs.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScriptFile } from './helpers/script.js';

const dir = join(import.meta.dirname, 'testdata');

describe('interaction scripts', () => {
  for (const f of readdirSync(dir)
    .filter((x) => x.endsWith('.txt'))
    .sort()) {
    it(f, () => {
      const { cases, actual } = runScriptFile(join(dir, f));
      if (process.env.RHEO_REWRITE === '1') return;
      cases.forEach((c, k) => {
        expect(actual[k], `${f}:${c.line}: ${c.command}`).toBe(c.expected);
      });
    });
  }
});
