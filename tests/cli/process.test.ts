/**
 * The terminal surfaces the way a user starts them: start-up faults stop with
 * one clear line and exit code 1 (never a stack trace), run in-process
 * through the entry points' functions; and one real process, the REPL, which
 * a signal ends cleanly with exit code 0.
 */
import { spawn } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { runAsk } from '../../adapters/cli/ask.js';
import { runRepl } from '../../adapters/cli/repl-run.js';
import { tempCorpus, type TempCorpus } from '../helpers/corpus.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a terminal entry point through tsx; resolves when it exits (bounded by the test timeout). */
function run(entry: string, args: string[], options: { input?: string; keepOpen?: boolean; onStdout?: (text: string, child: ReturnType<typeof spawn>) => void } = {}): Promise<Exit> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      options.onStdout?.(stdout, child);
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
    if (options.input !== undefined) {
      if (options.keepOpen) child.stdin.write(options.input);
      else child.stdin.end(options.input);
    }
  });
}

/** An entry point's function, started with --strict, with captured streams and empty input. */
async function runInProcess(entry: 'ask' | 'repl', corpusDir: string): Promise<Exit> {
  const [stdin, stdout, stderr] = [new PassThrough(), new PassThrough(), new PassThrough()];
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  stdin.end('');
  const io = { stdin, stdout, stderr, env: { NO_COLOR: '1', QUESTION_LOG: 'off' } };
  const code = entry === 'ask' ? await runAsk(['--strict', '--corpus', corpusDir, 'a question'], io) : await runRepl(['--strict', '--corpus', corpusDir], io);
  return { code, stdout: out, stderr: err };
}

let corpus: TempCorpus | undefined;
afterEach(() => corpus?.remove());

const DOC = 'Alpha pledged €5 billion on Monday.';
const FIGURE = '- id: f1\n  kind: money\n  what: the pledge\n  display: €5 billion\n  amount: 5000000000\n  currency: EUR\n  document: a\n  quote: Alpha pledged €5 billion\n';

describe.each([
  ['a figure quote that is not in its document', { 'a.md': DOC, 'figures.yaml': FIGURE.replace('quote: Alpha pledged €5', 'quote: Alpha pledged €6') }, /^corpus error in .*figures\.yaml, line 8, field "\[0\]\.quote": quote is not verbatim in document "a"/],
  ['duplicate figure ids', { 'a.md': DOC, 'figures.yaml': FIGURE + FIGURE }, /^corpus error in .*figures\.yaml, line 9, field "\[1\]\.id": duplicate figure id "f1"/],
  ['an invalid date', { 'a.md': '---\npublished: 2025-13-40\n---\nBody.' }, /^corpus error in .*a\.md, line 2, field "published": must be a real date/],
])('a corpus with %s', (_name, files, message) => {
  it.each(['ask', 'repl'])('%s --strict stops with one clear line and exit code 1', async (entry) => {
    corpus = tempCorpus();
    for (const [name, content] of Object.entries(files)) corpus.write(name, content);
    const r = await runInProcess(entry as 'ask' | 'repl', corpus.dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('a corpus with one bad file among good ones', () => {
  it.each(['adapters/cli/ask-main.ts', 'adapters/cli/repl-main.ts'])('%s starts with one warning line and answers', async (entry) => {
    corpus = tempCorpus();
    corpus.write('bridge.txt', 'The Lumen bridge will cost €12 million.');
    corpus.write('broken.md', '---\ntitle: [oops\n---\nBody.');
    const question = 'How much will the Lumen bridge cost?';
    const r = await run(entry, entry.includes('ask') ? ['--corpus', corpus.dir, question] : ['--corpus', corpus.dir], { input: entry.includes('ask') ? '' : `${question}\n` });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('€12 million');
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^corpus warning in .*broken\.md, line 2: invalid YAML: .*\(document skipped\)$/)]);
  });
});

describe('REPL process', () => {
  it('ends cleanly on SIGTERM after the answer it is giving', async () => {
    const r = await run('adapters/cli/repl-main.ts', [], {
      onStdout: (text, child) => {
        if (text.includes('[1] ')) child.kill('SIGTERM');
      },
      input: 'stargate budget?\n',
      keepOpen: true,
    });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });
});
