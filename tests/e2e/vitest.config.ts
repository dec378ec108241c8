import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    testTimeout: 180_000,
    hookTimeout: 240_000,
    fileParallelism: false,
    // a browser under load can take seconds to draw: expect.poll waits up to 10 s unless a test says otherwise
    expect: { poll: { timeout: 10_000 } },
    maxWorkers: 1,
  },
});
