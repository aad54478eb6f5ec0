/**
 * Cold start, as a user meets it: the one-shot `ask` command from spawn to
 * exit, and the REPL from spawn to its first answer, each next to
 * `node -e ""` timed in the same loop (the floor for any Node program).
 * Commands are read from package.json's scripts and run as the node command
 * npm would run, without npm's own start-up in the figure.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { median } from './measure.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Longest any one start may take before the run is abandoned. */
const PROCESS_TIMEOUT_MS = 120_000;
export const COLD_QUESTION = 'How much will InvestAI mobilise?';

/** The node arguments an npm script runs: "tsx x.ts" -> [tsx's cli.mjs, x.ts], "node x.js" -> [x.js]. */
export function scriptCommand(name: string): string[] {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  const script = pkg.scripts?.[name];
  if (!script) throw new Error(`package.json has no "${name}" script`);
  const [bin, ...args] = script.trim().split(/\s+/);
  if (bin === 'tsx') return [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), ...args];
  if (bin === 'node') return args;
  throw new Error(`cannot time script "${name}" (${script}): only "tsx ..." and "node ..." are understood`);
}

interface Timed {
  ms: number;
  stdout: string;
  code: number | null;
}

/**
 * Spawns node with `args` and times it until exit, or, with `input`, writes
 * that to stdin and times until the first stdout output, then closes stdin.
 */
export function timeNode(args: string[], input?: string): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let firstOutput: number | undefined;
    let stdout = '';
    let stderr = '';
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    const timer = setTimeout(() => child.kill(), PROCESS_TIMEOUT_MS);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (firstOutput === undefined && input !== undefined) {
        firstOutput = performance.now();
        child.stdin.end(); // the REPL leaves at end of input
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const ended = performance.now();
      clearTimeout(timer);
      if (input !== undefined && firstOutput === undefined) return reject(new Error(`no output before exit (code ${code}): ${stderr.slice(0, 500)}`));
      if (code !== 0) return reject(new Error(`node ${args.join(' ')} exited with ${code}: ${stderr.slice(0, 500)}`));
      resolve({ ms: (firstOutput ?? ended) - started, stdout, code });
    });
    if (input !== undefined) child.stdin.write(input);
    else child.stdin.end();
  });
}

export interface ColdStartResult {
  runs: number;
  nodeMs: number;
  askMs: number;
  askRatio: number;
  replMs: number;
  replRatio: number;
  askCommand: string;
  replCommand: string;
  /** The one-shot command printed a valid Answer that answered the question. */
  askAnswered: boolean;
  /** What the launcher ran: 'compiled dist/' or 'source through tsx'. */
  askPath: string;
  /**
   * Other ways to start the same one-shot command, for comparison: tsx's CLI
   * starts a second node process for its loader, `--import tsx` does not,
   * and compiled JavaScript (when dist/ has it) needs no loader at all.
   */
  alternatives: { label: string; command: string; ms: number; ratio: number }[];
}

/** The entry point a script starts, without extension: "adapters/cli/ask-main". */
function entryOf(args: string[]): string | undefined {
  const launcher = args.findIndex((a) => a.endsWith('launch.mjs'));
  const entry = launcher >= 0 ? args[launcher + 1] : args.find((a) => /\.(?:ts|js)$/.test(a) && !a.includes('node_modules'));
  return entry?.replace(/\.(?:ts|js)$/, '');
}

/**
 * Whether the launcher (adapters/shared/launch.mjs) would run the compiled
 * copy: dist/.build-stamp newer than every .ts in src/ and adapters/. The
 * same test as the launcher's, so the report says which path was timed.
 */
export function compiledIsCurrent(entry: string): boolean {
  const stamp = join(ROOT, 'dist/.build-stamp');
  if (!existsSync(stamp) || !existsSync(join(ROOT, 'dist', `${entry}.js`))) return false;
  let newest = 0;
  for (const dir of ['src', 'adapters']) {
    for (const e of readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })) {
      if (e.isFile() && e.name.endsWith('.ts')) newest = Math.max(newest, statSync(join(e.parentPath, e.name)).mtimeMs);
    }
  }
  return statSync(stamp).mtimeMs >= newest;
}

/** Medians of `runs` interleaved starts of each, after one start of each that is not counted (disk cache, snapshots). */
export async function measureColdStart(runs = 7): Promise<ColdStartResult> {
  const question = ['--json', COLD_QUESTION];
  const ask = [...scriptCommand('ask'), ...question];
  const repl = scriptCommand('start');
  const entry = entryOf(ask);
  const candidates: { label: string; args: string[] }[] = entry
    ? [
        { label: 'one-shot ask, source, node --import tsx (one process)', args: ['--import', 'tsx', `${entry}.ts`, ...question] },
        { label: 'one-shot ask, source, tsx CLI (relaunches node)', args: [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), `${entry}.ts`, ...question] },
        ...(existsSync(join(ROOT, 'dist', `${entry}.js`)) ? [{ label: 'one-shot ask, compiled dist/, direct', args: [`dist/${entry}.js`, ...question] }] : []),
      ]
    : [];
  const alternatives = candidates.filter((c) => c.args.join(' ') !== ask.join(' '));
  const path = entry === undefined ? 'unknown' : ask.some((a) => a.endsWith('launch.mjs')) ? (compiledIsCurrent(entry) ? 'compiled dist/' : 'source through tsx') : 'as written';

  const node: number[] = [];
  const asks: number[] = [];
  const repls: number[] = [];
  const others: number[][] = alternatives.map(() => []);
  let askAnswered = false;
  for (let i = -1; i < runs; i++) {
    const n = await timeNode(['-e', '']);
    const a = await timeNode(ask);
    const r = await timeNode(repl, `${COLD_QUESTION}\n`);
    const o = [];
    for (const alt of alternatives) o.push(await timeNode(alt.args));
    askAnswered = (JSON.parse(a.stdout) as { answered?: boolean }).answered === true;
    if (i < 0) continue;
    node.push(n.ms);
    asks.push(a.ms);
    repls.push(r.ms);
    o.forEach((t, j) => others[j]!.push(t.ms));
  }
  const nodeMs = median(node);
  const short = (args: string[]) => `node ${args.map((a) => (a.startsWith(ROOT) ? a.slice(ROOT.length) : a)).map((a) => (/\s/.test(a) ? JSON.stringify(a) : a)).join(' ')}`;
  return {
    runs,
    nodeMs,
    askMs: median(asks),
    askRatio: median(asks) / nodeMs,
    replMs: median(repls),
    replRatio: median(repls) / nodeMs,
    askCommand: short(ask),
    replCommand: short(repl),
    askAnswered,
    askPath: path,
    alternatives: alternatives.map((alt, j) => ({ label: alt.label, command: short(alt.args), ms: median(others[j]!), ratio: median(others[j]!) / nodeMs })),
  };
}
