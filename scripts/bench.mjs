#!/usr/bin/env node
// Runs every package's micro-benchmarks (packages/*/bench/*.bench.ts) one after
// another, each in its own process, against the TypeScript sources.
// `npm run bench -- wire` runs only the files whose path contains "wire".
//
// The cluster benchmark is `rheo bench` (packages/cli, docs/bench.md); this
// script forwards to it when the first argument names it:
//   npm run bench -- produce --local 3 --json   ->  rheo bench produce --local 3 --json
//   npm run bench -- consume --endpoint h:7400  ->  rheo bench consume --endpoint h:7400
//   npm run bench -- rheo --local 3             ->  rheo bench --local 3 (produce and consume)
//   npm run bench -- --local 3 --rate 2000      ->  rheo bench --local 3 --rate 2000 (an option first: both)
// It builds first (`tsc -b`) and runs the compiled CLI, whose `--local` nodes
// then run compiled too: the code that `npm start` and the container image run,
// never older than the sources. Through tsx, the client and nodes held about a
// third more memory, the loader's; latency did not tell the two apart in
// alternated runs (docs/bench.md, "fifth: the bench runs the build").
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = new URL('..', import.meta.url).pathname;
const [first, ...rest] = process.argv.slice(2);
// Micro-benchmarks take only name filters, so a first argument that is an option means `rheo bench`.
const forward = first === 'produce' || first === 'consume' || first === 'rheo' || first?.startsWith('-');
if (forward) {
  const args = first === 'rheo' ? ['bench', ...rest] : ['bench', first, ...rest];
  const build = spawnSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-b'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) {
    console.error('bench: the build (tsc -b) failed; not running a stale build');
    process.exit(build.status ?? 1);
  }
  // The bench client gets the nodes' V8 flags, read from their one definition: it
  // moves records at the nodes' rate, and without the heap flag ran a full
  // mark-compact about every 300 ms (pauses up to ~30 ms) that it then counted as latency.
  const { nodeRuntimeFlags } = await import(
    pathToFileURL(join(root, 'packages', 'server', 'dist', 'node', 'runtime-flags.js')).href
  );
  const r = spawnSync(
    process.execPath,
    [...nodeRuntimeFlags, join(root, 'packages', 'cli', 'dist', 'bin.js'), ...args],
    { cwd: root, stdio: 'inherit' },
  );
  process.exit(r.status ?? 1);
}

const filter = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const files = [];
for (const pkg of readdirSync(join(root, 'packages')).sort()) {
  const dir = join(root, 'packages', pkg, 'bench');
  if (!existsSync(dir)) continue;
  for (const f of readdirSync(dir).sort()) {
    if (f.endsWith('.bench.ts')) files.push(join('packages', pkg, 'bench', f));
  }
}
const chosen = files.filter((f) => filter.length === 0 || filter.some((w) => f.includes(w)));
if (chosen.length === 0) {
  console.error(`no benchmark matches ${filter.join(' ')}; have: ${files.join(', ')}`);
  process.exit(1);
}
let failed = 0;
for (const f of chosen) {
  console.log(`\n== ${f}`);
  const r = spawnSync(process.execPath, ['--conditions=rheo-source', '--import', 'tsx', f], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
