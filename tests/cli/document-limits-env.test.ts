/**
 * The terminal surfaces read the per-document reading limits from the
 * environment (CORPUS_MAX_*): a limit set there takes effect (a long
 * document is cut, with its warning line, at the first load and at every
 * reload), and a bad value stops the start with one message naming the
 * variable and exit 1.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { runAsk } from '../../adapters/cli/ask.js';
import { runEval } from '../../adapters/cli/eval-run.js';
import { runRepl } from '../../adapters/cli/repl-run.js';
import { tempCorpus, type TempCorpus } from '../helpers/corpus.js';
import { CUT_QUESTION, CUT_QUOTE, CUT_WARNING, KEPT_QUESTION, KEPT_QUOTE, LONG_DOC, LONG_DOC_NAME, SMALL_TEXT_LIMIT } from '../helpers/long-document.js';
import { reportEnv } from '../feedback/loop.js';
import { tempDir } from '../question-log/fixtures.js';

/** The one message every terminal surface gives for these two bad values. */
const BAD_ENV = { CORPUS_MAX_TEXT_CHARS: '0', CORPUS_MAX_HTML_ELEMENTS: 'lots' };
const BAD_MESSAGE = [
  'configuration error:',
  '  - CORPUS_MAX_TEXT_CHARS is invalid: must be a whole number of characters from 1 up, digits only (default 2000000)',
  '  - CORPUS_MAX_HTML_ELEMENTS is invalid: must be a whole number of elements from 1 up, digits only (default 100000)',
].join('\n');

let corpus: TempCorpus | undefined;
afterEach(() => corpus?.remove());

function longCorpus(): TempCorpus {
  corpus = tempCorpus();
  corpus.write(LONG_DOC_NAME, LONG_DOC);
  return corpus;
}

function captured() {
  const [stdout, stderr] = [new PassThrough(), new PassThrough()];
  const seen = { stdout: '', stderr: '' };
  stdout.on('data', (d: Buffer) => (seen.stdout += d.toString()));
  stderr.on('data', (d: Buffer) => (seen.stderr += d.toString()));
  return { stdout, stderr, seen };
}

async function ask(argv: string[], env: NodeJS.ProcessEnv) {
  const io = captured();
  const code = await runAsk(argv, { stdin: Readable.from(['']), stdout: io.stdout, stderr: io.stderr, env });
  return { code, ...io.seen };
}

describe('ask', () => {
  it('CORPUS_MAX_TEXT_CHARS cuts a long document, with its warning line: the start of it answers, the part cut does not', async () => {
    const { dir } = longCorpus();
    const limited = { CORPUS_DIR: dir, CORPUS_MAX_TEXT_CHARS: String(SMALL_TEXT_LIMIT) };
    const cut = await ask(['--json', CUT_QUESTION], limited);
    expect(cut.code).toBe(0);
    expect(cut.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(CUT_WARNING)]);
    expect(JSON.parse(cut.stdout)).toMatchObject({ answered: false });
    const kept = await ask(['--json', KEPT_QUESTION], limited);
    expect(JSON.parse(kept.stdout).quotes.map((q: { text: string }) => q.text)).toContain(KEPT_QUOTE);

    // Without the variable the whole document is kept, and the same question is answered from its end.
    const whole = await ask(['--json', CUT_QUESTION], { CORPUS_DIR: dir });
    expect(whole.stderr).toBe('');
    expect(JSON.parse(whole.stdout).quotes.map((q: { text: string }) => q.text)).toContain(CUT_QUOTE);
  });

  it('a bad value: one message naming each variable, exit 1, nothing on stdout', async () => {
    const r = await ask(['a question'], { ...BAD_ENV, CORPUS_DIR: longCorpus().dir });
    expect(r).toEqual({ code: 1, stdout: '', stderr: `${BAD_MESSAGE}\n` });
  });
});

describe('eval', () => {
  it('a bad value: one message naming each variable, exit 1', async () => {
    const io = captured();
    const code = await runEval([join(import.meta.dirname, '../../docs/examples/questions.json')], { stdout: io.stdout, stderr: io.stderr, env: BAD_ENV });
    expect({ code, ...io.seen }).toEqual({ code: 1, stdout: '', stderr: `${BAD_MESSAGE}\n` });
  });
});

describe('REPL', () => {
  function repl(env: NodeJS.ProcessEnv, input: string) {
    const io = captured();
    const stdin = Readable.from([input]);
    return runRepl([], { stdin, stdout: io.stdout, stderr: io.stderr, env: { QUESTION_LOG: 'off', NO_COLOR: '1', ...env } }).then((code) => ({ code, ...io.seen }));
  }

  it('CORPUS_MAX_TEXT_CHARS holds at the start and after :reload', async () => {
    const { dir } = longCorpus();
    const r = await repl({ CORPUS_DIR: dir, CORPUS_MAX_TEXT_CHARS: String(SMALL_TEXT_LIMIT) }, `${CUT_QUESTION}\n:reload\n${CUT_QUESTION}\n${KEPT_QUESTION}\n`);
    expect(r.code).toBe(0);
    // Once for the first load, once for the reload, which built the same way.
    expect(r.stderr.split('\n').filter((l) => CUT_WARNING.test(l))).toHaveLength(2);
    expect(r.stdout).toMatch(/corpus reloaded: 1 document in \d+ ms/);
    expect(r.stdout).not.toContain(CUT_QUOTE);
    expect(r.stdout).toContain(KEPT_QUOTE);
  });

  it('a bad value: one message naming each variable, exit 1', async () => {
    const r = await repl({ ...BAD_ENV, CORPUS_DIR: longCorpus().dir }, '');
    expect(r).toEqual({ code: 1, stdout: '', stderr: `${BAD_MESSAGE}\n` });
  });
});

describe('npm run report', () => {
  it('a bad value: one message naming each variable, exit 1, before the question log is opened', async () => {
    const tmp = tempDir('qa-report-limits-');
    try {
      const env = { ...reportEnv({ kind: 'sqlite', file: join(tmp.dir, 'missing.sqlite') }), ...BAD_ENV };
      const r = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
        execFile('npm', ['run', '--silent', 'report', '--', '--json'], { env, timeout: 60_000 }, (error, stdout, stderr) =>
          resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
        ),
      );
      expect(r).toEqual({ code: 1, stdout: '', stderr: `report: ${BAD_MESSAGE}\n` });
    } finally {
      tmp.remove();
    }
  });
});
