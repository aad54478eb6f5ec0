/**
 * Runs an adapter entry point as its own process, as `npm run discord` would,
 * with exactly the environment given (nothing inherited but PATH).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface Running {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the exit code; kills the process if it outlives `timeoutMs`. */
  exited: (timeoutMs?: number) => Promise<number | null>;
}

/** Runs `script` (with `args`); .mjs files run as they are, TypeScript through tsx. */
export function run(script: string, env: Record<string, string>, args: string[] = []): Running {
  const child = spawn(process.execPath, [...(script.endsWith('.mjs') ? [] : ['--import', 'tsx']), script, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', QUESTION_LOG: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  const done = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    async exited(timeoutMs = 120_000) {
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      try {
        return await done;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
