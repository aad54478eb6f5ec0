/**
 * Finding the machine programs some suites need (tests/helpers/machine-tools.ts),
 * on made-up PATH directories, and the one line a suite prints when one is missing.
 */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CHROMIUM, installed, onPath, POSTGRESQL, REDIS_SERVER, runsAsRoot, type MachineTool } from '../helpers/machine-tools.js';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** A folder holding the named programs (mode 0755), or plain files (0644) for names ending in '!'. */
function bin(...names: string[]): string {
  const folder = mkdtempSync(join(tmpdir(), 'qa-bin-'));
  dir = folder;
  for (const name of names) {
    const plain = name.endsWith('!');
    const path = join(folder, plain ? name.slice(0, -1) : name);
    writeFileSync(path, '#!/bin/sh\n');
    chmodSync(path, plain ? 0o644 : 0o755);
  }
  return folder;
}

describe('finding a program', () => {
  it('takes the first executable on PATH and passes over a file that cannot run', () => {
    const folder = bin('redis-server!');
    expect(onPath('redis-server', { PATH: folder })).toBeUndefined();
    chmodSync(join(folder, 'redis-server'), 0o755);
    expect(REDIS_SERVER.find({ PATH: `/nonexistent:${folder}` })).toBe(join(folder, 'redis-server'));
    expect(REDIS_SERVER.find({ PATH: '' })).toBeUndefined();
  });

  it('Chromium: CHROMIUM_PATH when set, else chromium on PATH', () => {
    const folder = bin('chromium', 'my-chrome');
    expect(CHROMIUM.find({ PATH: folder })).toBe(join(folder, 'chromium'));
    expect(CHROMIUM.find({ PATH: folder, CHROMIUM_PATH: join(folder, 'my-chrome') })).toBe(join(folder, 'my-chrome'));
    expect(CHROMIUM.find({ PATH: folder, CHROMIUM_PATH: join(folder, 'missing') })).toBeUndefined();
  });

  it('PostgreSQL: the folder of initdb and pg_ctl when both are on PATH', () => {
    const folder = bin('initdb', 'pg_ctl');
    expect(POSTGRESQL.find({ PATH: folder })).toBe(folder);
  });
});

describe('a suite whose program is missing', () => {
  const absent: MachineTool = { name: 'Chromium', lookedFor: 'chromium on PATH', install: 'apt-get install -y chromium', find: () => undefined };
  const stderr = () => {
    const lines: string[] = [];
    return { lines, write: (s: string) => (lines.push(s), true) };
  };

  it('is told to skip, with one line naming the suite, the program and the command that installs it', () => {
    const err = stderr();
    expect(installed(absent, new URL('../report/html.browser.test.ts', import.meta.url).href, undefined, err)).toBe(false);
    expect(err.lines).toEqual(['tests/report/html.browser.test.ts skipped: Chromium is not installed (looked for chromium on PATH); install it with: apt-get install -y chromium\n']);
  });

  it('names the one test skipped when the rest of the suite runs', () => {
    const err = stderr();
    installed(absent, new URL('../corpus/readers.test.ts', import.meta.url).href, 'matches pdftotext', err);
    expect(err.lines).toEqual(['tests/corpus/readers.test.ts ("matches pdftotext") skipped: Chromium is not installed (looked for chromium on PATH); install it with: apt-get install -y chromium\n']);
  });

  it('runs when its program is installed, and says nothing', () => {
    const err = stderr();
    expect(installed({ ...absent, find: () => '/usr/bin/chromium' }, import.meta.url, undefined, err)).toBe(true);
    expect(err.lines).toEqual([]);
  });
});

describe('a test that needs root', () => {
  it('runs as root and says nothing; otherwise says, in one line, that it is skipped and why', () => {
    const lines: string[] = [];
    const err = { write: (s: string) => (lines.push(s), true) };
    expect(runsAsRoot('only root can chown', import.meta.url, 'a chown test', err, 0)).toBe(true);
    expect(lines).toEqual([]);
    expect(runsAsRoot('only root can chown', import.meta.url, 'a chown test', err, 1000)).toBe(false);
    expect(lines).toEqual(['tests/setup/machine-tools.test.ts ("a chown test") skipped: it needs to run as root (only root can chown)\n']);
  });
});
