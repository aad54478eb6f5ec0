import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/bench/**', 'node_modules/**'],
    // Safety nets against a hang, not measures of speed: a test or hook that starts real
    // services (Redis, PostgreSQL, bot processes, worker pools) may take many times longer on
    // a busy machine (another test run beside this one) than on an idle one. Suites set no
    // shorter timeout of their own.
    testTimeout: 300_000,
    hookTimeout: 300_000,
    // Two cores on CI machines: keep suites that open sockets from starving each other.
    maxWorkers: 2,
    // Suites share each worker's module cache: discord.js, Bolt and the engine load once per
    // worker rather than once per file. Suites keep no module state that leaks into another
    // (fake timers are restored, fakes and stores are per suite).
    isolate: false,
    // Modules shared that way must load in the order the bots load them (see the file).
    setupFiles: ['tests/setup/discord-first.ts'],
    // Bots spawned by tests must not write the developer's data/ question log; tests that need a log open their own.
    env: { QUESTION_LOG: 'off' },
    // Fails the run when a test changed data/, the bundled corpus or the top of the project.
    globalSetup: ['tests/setup/user-files.ts'],
  },
});
