import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

const shared = {
  // type-graphql needs decorator metadata, which esbuild does not emit.
  plugins: [swc.vite({ module: { type: 'es6' } })],
  resolve: {
    // graphql ships CJS (main) and ESM (module); Node hands libraries the CJS copy, so tests must
    // use it too or schema objects come from two realms.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
};

export default defineConfig({
  ...shared,
  test: {
    pool: 'forks',
    maxWorkers: 2,
    reporters: process.env.CI
      ? ['default', ['json', { outputFile: '.cache/test-results.json' }]]
      : ['default'],
    projects: [
      {
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], setupFiles: ['reflect-metadata'] },
      },
      {
        test: {
          name: 'integration',
          // The console's browser tests need the same servers, so they share this project's setup.
          include: ['test/integration/**/*.test.ts', 'test/browser/**/*.test.ts'],
          // Starts Postgres, slapd, Samba AD and the Temporal dev server once for the whole run.
          globalSetup: ['test/global-setup.ts'],
          setupFiles: ['reflect-metadata'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
