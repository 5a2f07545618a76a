import { defineConfig } from 'vitest/config';

// Tests import sibling packages through the `rheo-source` export condition, so
// they run against the TypeScript sources without a build step in between.
export default defineConfig({
  resolve: { conditions: ['rheo-source', 'node', 'import', 'default'] },
  ssr: { resolve: { conditions: ['rheo-source', 'node', 'import', 'default'] } },
  test: {
    include: ['packages/*/test/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ['default'],
  },
});
