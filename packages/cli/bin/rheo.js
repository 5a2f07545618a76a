#!/usr/bin/env node
// The `rheo` executable as npm links it (node_modules/.bin/rheo). It exists
// without a build, so `npm ci && npx rheo` works on a fresh clone:
// - when the build is there (dist/bin.js; `npm run build`, or `npm start`,
//   which builds first), it runs the build;
// - otherwise (or with RHEO_CLI_RUNNER=source) it runs the TypeScript
//   sources through tsx, with the `rheo-source` export condition so every
//   @rheo/* package resolves to its src/ too, as the tests do. Nodes that
//   `rheo dev` starts then run from the sources as well (dev/node-entry.ts).
// Plain JavaScript on purpose: it is the one file that must run before tsc.
import { existsSync } from 'node:fs';
import { register } from 'node:module';

const dist = new URL('../dist/bin.js', import.meta.url);
if (existsSync(dist) && process.env.RHEO_CLI_RUNNER !== 'source') {
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
