/**
 * Runs a chat surface's service (shared/service.ts) in-process, as its
 * main.ts would, with the environment given, stderr captured, exit recorded
 * and signals sent by the test.
 */
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

export function runInProcess<C>(spec: ServiceSpec<C>, env: Record<string, string>): InProcess {
  let text = '';
  let handler: ((signal: string) => void) | undefined;
  let exit!: (code: number) => void;
  const exited = new Promise<number>((resolve) => (exit = resolve));
  const stderr = new Writable({
    write(chunk, _enc, done) {
      text += String(chunk);
      done();
    },
  });
  void runService(spec, { env: { LOG_LEVEL: 'info', ...env }, stderr, exit, onSignal: (h) => (handler = h) });
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
