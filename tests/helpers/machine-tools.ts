/**
 * Programs some suites need from the machine rather than from npm: Chromium
 * (the HTML report in a real browser), PostgreSQL (the question log on it),
 * redis-server (shared state of replicas and shards) and pdftotext (what a
 * reader of a PDF sees). `.ci/run` installs all of them, so CI runs every
 * suite; on a machine without one, its suites are skipped with one line
 * saying what is missing and the command that installs it, and the rest of
 * `npm test` still runs.
 */
import { accessSync, constants, existsSync, readdirSync } from 'node:fs';
import { delimiter, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface MachineTool {
  /** What a reader calls it. */
  name: string;
  /** Where it is looked for, for the skip line. */
  lookedFor: string;
  /** The Debian command that installs it. */
  install: string;
  /** The program (or, for PostgreSQL, its bin directory), or undefined when it is not installed. */
  find(env?: NodeJS.ProcessEnv): string | undefined;
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first executable `command` in the PATH directories, as the shell would find it. */
export function onPath(command: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const path = join(dir, command);
    if (executable(path)) return path;
  }
  return undefined;
}

export const CHROMIUM: MachineTool = {
  name: 'Chromium',
  lookedFor: 'CHROMIUM_PATH, or chromium on PATH',
  install: 'apt-get install -y chromium',
  find: (env = process.env) => (env.CHROMIUM_PATH ? (executable(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : undefined) : onPath('chromium', env)),
};

export const REDIS_SERVER: MachineTool = {
  name: 'redis-server',
  lookedFor: 'redis-server on PATH',
  install: 'apt-get install -y redis-server',
  find: (env = process.env) => onPath('redis-server', env),
};

export const PDFTOTEXT: MachineTool = {
  name: 'pdftotext',
  lookedFor: 'pdftotext on PATH',
  install: 'apt-get install -y poppler-utils',
  find: (env = process.env) => onPath('pdftotext', env),
};

/** Debian installs PostgreSQL's server programs off PATH, one directory per major version; elsewhere initdb is on PATH. */
export const POSTGRES_ROOT = '/usr/lib/postgresql';

export const POSTGRESQL: MachineTool = {
  name: 'PostgreSQL',
  lookedFor: `initdb and pg_ctl on PATH or in ${POSTGRES_ROOT}/N/bin`,
  install: 'apt-get install -y postgresql',
  find(env = process.env) {
    const initdb = onPath('initdb', env);
    if (initdb && onPath('pg_ctl', env)) return dirname(initdb);
    const versions = existsSync(POSTGRES_ROOT) ? readdirSync(POSTGRES_ROOT).filter((v) => executable(join(POSTGRES_ROOT, v, 'bin', 'initdb'))) : [];
    const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
    return newest === undefined ? undefined : join(POSTGRES_ROOT, newest, 'bin');
  },
};

/** The line a suite (or one test of it, `part`) prints when it is skipped for want of `tool`. */
export function skipLine(tool: MachineTool, suite: string, part?: string): string {
  return `${suite}${part ? ` ("${part}")` : ''} skipped: ${tool.name} is not installed (looked for ${tool.lookedFor}); install it with: ${tool.install}`;
}

/**
 * Whether `tool` is installed; when it is not, prints the suite's one skip
 * line on stderr. Pass the suite's `import.meta.url`, and the test's name
 * when only one test of the suite needs the tool:
 *
 *   describe.skipIf(!installed(CHROMIUM, import.meta.url))('…', () => { … });
 */
export function installed(tool: MachineTool, suiteUrl: string, part?: string, stderr: Pick<NodeJS.WriteStream, 'write'> = process.stderr): boolean {
  if (tool.find() !== undefined) return true;
  stderr.write(`${skipLine(tool, relative(ROOT, fileURLToPath(suiteUrl)), part)}\n`);
  return false;
}

/**
 * Whether the tests run as root; when they do not, prints one line saying
 * that the test `part` of the suite is skipped and why it needs root.
 */
export function runsAsRoot(why: string, suiteUrl: string, part: string, stderr: Pick<NodeJS.WriteStream, 'write'> = process.stderr, uid = process.getuid?.()): boolean {
  if (uid === 0) return true;
  stderr.write(`${relative(ROOT, fileURLToPath(suiteUrl))} ("${part}") skipped: it needs to run as root (${why})\n`);
  return false;
}
