// How to start a node process: the entry beside @rheo/server's package
// entry. When this CLI runs from its build, @rheo/server resolves to
// dist/index.js and the node is `node dist/main.js`; when it runs from the
// sources (the `rheo-source` condition, through tsx), the node runs from
// src/main.ts through tsx too, so a node never runs older code than the CLI.
// Either way node gets the server's runtime flags (V8 heap sizing, see
// @rheo/server's runtime-flags.ts) before the entry.
import { fileURLToPath } from 'node:url';
import { nodeRuntimeFlags } from '@rheo/server';

export interface NodeEntry {
  readonly command: string;
  /** Arguments before the node's own flags. */
  readonly args: readonly string[];
  readonly runner: 'dist' | 'source';
}

/** `extraFlags` go to node after the runtime flags, before the entry (`--trace-gc` for `rheo bench --node-flags`). */
export function nodeEntry(extraFlags: readonly string[] = []): NodeEntry {
  const entry = fileURLToPath(import.meta.resolve('@rheo/server'));
  if (entry.endsWith('.ts')) {
    return {
      command: process.execPath,
      args: [
        ...nodeRuntimeFlags,
        ...extraFlags,
        '--conditions=rheo-source',
        '--import',
        'tsx',
        entry.replace(/index\.ts$/, 'main.ts'),
      ],
      runner: 'source',
    };
  }
  return {
    command: process.execPath,
    args: [...nodeRuntimeFlags, ...extraFlags, entry.replace(/index\.js$/, 'main.js')],
    runner: 'dist',
  };
}
