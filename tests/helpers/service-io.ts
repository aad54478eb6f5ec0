/**
 * Runs a chat surface's service (shared/service.ts) in-process, as its
 * main.ts would, with the environment given, stderr captured, exit recorded
 * and signals sent by the test. Unless the environment given chooses a
 * question log, the service logs into a temporary directory, removed when it
 * exits: never into the developer's data/.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { runService, type ServiceSpec } from '../../adapters/shared/service.js';

export interface InProcess {
  stderr(): string;
  /** Parsed JSON log lines. */
  logs(): Record<string, any>[];
  /** Resolves with the exit code the service asked for. */
  exited: Promise<number>;
  signal(name: 'SIGINT' | 'SIGTERM'): void;
}

/** The variables that choose where the question log goes. */
const LOG_CHOICES = ['QUESTION_LOG', 'SUMMIT_QA_DB', 'DATABASE_URL'];

export function runInProcess<C>(spec: ServiceSpec<C>, env: Record<string, string>): InProcess {
  let text = '';
  let handler: ((signal: string) => void) | undefined;
  let exit!: (code: number) => void;
  const logDir = LOG_CHOICES.some((name) => name in env) ? undefined : mkdtempSync(join(tmpdir(), 'summit-qa-service-log-'));
  const exited = new Promise<number>((resolve) => (exit = resolve)).then((code) => {
    if (logDir) rmSync(logDir, { recursive: true, force: true });
    return code;
  });
  const stderr = new Writable({
    write(chunk, _enc, done) {
      text += String(chunk);
      done();
    },
  });
  const log = logDir ? { SUMMIT_QA_DB: join(logDir, 'questions.sqlite') } : {};
  void runService(spec, { env: { LOG_LEVEL: 'info', ...log, ...env }, stderr, exit, onSignal: (h) => (handler = h) });
  return {
    stderr: () => text,
    logs: () =>
      text
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as Record<string, any>),
    exited,
    signal(name) {
      if (!handler) throw new Error('the service has not registered its signal handler yet');
      handler(name);
    },
  };
}
