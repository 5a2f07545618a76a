// The node's runtime flags: what counts as given, and that every launcher
// outside TypeScript (the container image) carries the same list.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { missingRuntimeFlags, nodeRuntimeFlags } from '../src/index.js';

const dockerfile = readFileSync(
  fileURLToPath(new URL('../../../deploy/Dockerfile', import.meta.url)),
  'utf8',
);

describe('node runtime flags', () => {
  it('finds a flag given with or without its value, and reports the ones missing', () => {
    expect(nodeRuntimeFlags.length).toBeGreaterThan(0);
    expect(missingRuntimeFlags([...nodeRuntimeFlags])).toEqual([]);
    expect(missingRuntimeFlags(['--initial-old-space-size=512'])).toEqual([]);
    expect(missingRuntimeFlags(['--initial_old_space_size'])).toEqual([]);
    expect(missingRuntimeFlags([])).toEqual([...nodeRuntimeFlags]);
    expect(missingRuntimeFlags(['--max-semi-space-size=32', '--enable-source-maps'])).toEqual([
      ...nodeRuntimeFlags,
    ]);
  });

  it('are in the image: its ENTRYPOINT and its rheo wrapper start node with them', () => {
    const entrypoint: string[] = JSON.parse(dockerfile.match(/^ENTRYPOINT (\[.*\])$/m)![1]!);
    expect(entrypoint[0]).toBe('node');
    expect(
      missingRuntimeFlags(entrypoint.slice(1, entrypoint.indexOf('/app/packages/cli/dist/bin.js'))),
    ).toEqual([]);
    const wrapper = dockerfile.match(/printf '([^']*)' > \/usr\/local\/bin\/rheo/)![1]!;
    const words = wrapper.split(/\s+/);
    expect(
      missingRuntimeFlags(
        words.slice(words.indexOf('node') + 1, words.indexOf('/app/packages/cli/dist/bin.js')),
      ),
    ).toEqual([]);
  });
});
