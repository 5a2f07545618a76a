// The container image starts node with the server's runtime flags: its
// ENTRYPOINT, and the `rheo` wrapper the chart's start script runs.
import { missingRuntimeFlags } from '@rheo/server';
import { describe, expect, it } from 'vitest';
import { imageEntrypoint, imageRheoWrapper } from './helpers/deploy-image.js';

const cli = '/app/packages/cli/dist/bin.js';

describe('the image', () => {
  it('starts node with the runtime flags: its ENTRYPOINT and its rheo wrapper', () => {
    const entrypoint = imageEntrypoint();
    expect(entrypoint[0]).toBe('node');
    expect(missingRuntimeFlags(entrypoint.slice(1, entrypoint.indexOf(cli)))).toEqual([]);
    const words = imageRheoWrapper().split(/\s+/);
    expect(missingRuntimeFlags(words.slice(words.indexOf('node') + 1, words.indexOf(cli)))).toEqual([]);
  });
});
