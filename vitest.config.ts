import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    setupFiles: ['test/support/fast-check-seed.ts'],
    // PGlite instances are ~40 MB of WASM memory each; two workers match the two cores here.
    maxWorkers: 2,
    // End-to-end tests start the real CLI a dozen times (1-3 s each on a loaded 2-core machine).
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
