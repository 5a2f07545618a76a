#!/usr/bin/env node
// The `rheo` executable as npm links it (node_modules/.bin/rheo). It exists
// without a build, so `npm ci && npx rheo` works on a fresh clone:
// - when the build is current (dist/bin.js exists and no package's src/ is
//   newer than its last `tsc -b`), it runs the build;
// - otherwise (or with RHEO_CLI_RUNNER=source) it runs the TypeScript
//   sources through tsx, with the `rheo-source` export condition so every
//   @rheo/* package resolves to its src/ too, as the tests do. Nodes that
//   `rheo dev` starts then run from the sources as well (dev/node-entry.ts).
// So `rheo` never runs code older than the sources; `npm start` builds
// first, and then everything runs from dist (faster to start).
// Plain JavaScript on purpose: it is the one file that must run before tsc.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { register } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = new URL('../dist/bin.js', import.meta.url);
const packagesDir = fileURLToPath(new URL('../../', import.meta.url));

/** True when every package with sources was built after its newest source file changed. */
function buildIsCurrent() {
  if (!existsSync(dist)) return false;
  for (const name of readdirSync(packagesDir)) {
    const src = join(packagesDir, name, 'src');
    if (!existsSync(src)) continue;
    const info = join(packagesDir, name, 'tsconfig.tsbuildinfo');
    if (!existsSync(info)) return false;
    const builtMs = statSync(info).mtimeMs;
    for (const file of readdirSync(src, { recursive: true })) {
      if (statSync(join(src, String(file))).mtimeMs > builtMs) return false;
    }
  }
  return true;
}

if (process.env.RHEO_CLI_RUNNER !== 'source' && buildIsCurrent()) {
  await import(dist.href);
} else {
  // A resolve hook that adds the condition (what `node --conditions=rheo-source` does).
  const addCondition = `export async function resolve(specifier, context, next) {
    const conditions = [...new Set([...(context.conditions ?? []), 'rheo-source'])];
    return next(specifier, { ...context, conditions });
  }`;
  register(`data:text/javascript,${encodeURIComponent(addCondition)}`);
  const { register: registerTsx } = await import('tsx/esm/api');
  registerTsx();
  await import(new URL('../src/bin.ts', import.meta.url).href);
}
