import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/bench/**', 'node_modules/**'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Two cores on CI machines: keep suites that open sockets from starving each other.
    maxWorkers: 2,
    // Bots spawned by tests must not write the developer's data/ question log; tests that need a log open their own.
    env: { QUESTION_LOG: 'off' },
  },
});
