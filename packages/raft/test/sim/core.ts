// The core under test, behind the CoreAdapter seam so that the harness can
// also drive a deliberately broken or alternative core.

import { decodeConfChange, RawNode } from '../../src/index.js';
import type { CoreAdapter } from './context.js';

export const coreAdapter: CoreAdapter = {
  createNode: (config) => new RawNode(config),
  decodeConfChange: (data) => {
    const cc = decodeConfChange(data);
    if (cc === null) throw new Error('a committed conf-change entry does not decode');
    return cc;
  },
};
