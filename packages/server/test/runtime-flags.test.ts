// The node's runtime flags: what counts as given. That the container image
// carries them is checked beside the chart (testkit's deploy-image.test.ts).
import { describe, expect, it } from 'vitest';
import { missingRuntimeFlags, nodeRuntimeFlags } from '../src/index.js';

describe('node runtime flags', () => {
  it('finds a flag given with or without its value, and reports the ones missing', () => {
    expect(nodeRuntimeFlags.length).toBeGreaterThan(0);
    expect(missingRuntimeFlags([...nodeRuntimeFlags])).toEqual([]);
    expect(missingRuntimeFlags(['--initial-old-space-size=512', '--max-semi-space-size=4'])).toEqual([]);
    expect(missingRuntimeFlags(['--initial_old_space_size', '--max_semi_space_size'])).toEqual([]);
    expect(missingRuntimeFlags(['--initial-old-space-size=512'])).toEqual(['--max-semi-space-size=2']);
    expect(missingRuntimeFlags([])).toEqual([...nodeRuntimeFlags]);
    expect(missingRuntimeFlags(['--stack-size=2000', '--enable-source-maps'])).toEqual([...nodeRuntimeFlags]);
  });
});
