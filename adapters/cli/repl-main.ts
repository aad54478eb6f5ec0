import { runRepl } from './repl-run.js';

process.exitCode = await runRepl(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  onSignal(handler) {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, handler);
  },
});
