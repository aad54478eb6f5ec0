/**
 * `npm run report` with wrong input: an impossible --since date is a usage
 * error naming the value (exit 2), and a SUMMIT_QA_DB path with no log
 * behind it is said as such (exit 1) rather than created as an empty log.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseSince } from '../../adapters/shared/report/period.js';
import { reportEnv } from '../feedback/loop.js';
import { tempDir } from '../question-log/fixtures.js';

const tmp = tempDir('qa-report-cli-');
afterAll(() => tmp.remove());

/** Runs `npm run --silent report -- ARGS` and returns its exit code and output. */
function report(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('npm', ['run', '--silent', 'report', '--', ...args], { env, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('report: wrong input', () => {
  it('refuses a date that is not on the calendar, naming it, instead of rolling it over', () => {
    const now = Date.parse('2026-03-10T12:00:00Z');
    expect(() => parseSince('2026-02-30', now)).toThrowError('--since 2026-02-30: there is no such day (February 2026 has 28 days)');
    expect(() => parseSince('2024-02-30', now)).toThrowError('(February 2024 has 29 days)');
    expect(() => parseSince('2026-13-01', now)).toThrowError('--since 2026-13-01: there is no month 13');
    expect(() => parseSince('2026-04-31', now)).toThrowError('--since 2026-04-31: there is no such day (April 2026 has 30 days)');
    expect(parseSince('2024-02-29', now)).toBe(Date.parse('2024-02-29'));
  });

  it('npm run report -- --since 2026-02-30 is a usage error (exit 2) naming the value', async () => {
    const r = await report(['--since', '2026-02-30'], reportEnv({ kind: 'sqlite', file: join(tmp.dir, 'unused.sqlite') }));
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('--since 2026-02-30: there is no such day (February 2026 has 28 days)');
    expect(r.stdout).toBe('');
  });

  it('a SUMMIT_QA_DB path with no log behind it: says so, exits 1, and creates nothing', async () => {
    const missing = join(tmp.dir, 'nowhere', 'log.sqlite');
    const r = await report(['--json'], reportEnv({ kind: 'sqlite', file: missing }));
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(`report: there is no question log at ${missing} (SUMMIT_QA_DB): nothing has been logged there yet, or the path is wrong`);
    expect(r.stdout).toBe('');
    expect(existsSync(join(tmp.dir, 'nowhere'))).toBe(false);
  });
});
