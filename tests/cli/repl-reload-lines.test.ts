/**
 * Reloads in the REPL, run in-process through `npm start`'s function: one
 * line for one `:reload`, and an automatic reload (a file changed in the
 * corpus) prints its line and draws the prompt again, with what the user had
 * typed so far.
 */
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { runRepl } from '../../adapters/cli/repl-run.js';
import { waitFor } from '../helpers/wait-for.js';
import { harbourCorpus, LIGHTHOUSE_DOC } from '../live-corpus/fixtures.js';
import type { TempCorpus } from '../helpers/corpus.js';
import { tempDir } from '../question-log/fixtures.js';

let corpus: TempCorpus | undefined;
afterEach(() => corpus?.remove());

/** Streams that say they are a terminal, or not, with everything written kept. */
function streams(tty: boolean) {
  const stdin = Object.assign(new PassThrough(), { isTTY: tty });
  const stdout = Object.assign(new PassThrough(), { isTTY: tty });
  const stderr = new PassThrough();
  const seen = { stdout: '', stderr: '' };
  stdout.on('data', (d: Buffer) => (seen.stdout += d.toString()));
  stderr.on('data', (d: Buffer) => (seen.stderr += d.toString()));
  return { stdin, stdout, stderr, seen };
}

describe('REPL reload lines', () => {
  it(':reload prints one line for one reload (stdout and stderr together)', async () => {
    corpus = harbourCorpus();
    const io = streams(false);
    const done = runRepl([], { ...io, env: { CORPUS_DIR: corpus.dir, QUESTION_LOG: 'off', NO_COLOR: '1' } });
    io.stdin.end(':reload\n');
    expect(await done).toBe(0);
    const lines = `${io.seen.stdout}\n${io.seen.stderr}`.split('\n').filter((l) => /reload/i.test(l));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^corpus reloaded: 1 document in \d+ ms$/);
  });

  it('an automatic reload prints its line, then the prompt and the words being typed again', async () => {
    corpus = harbourCorpus();
    const history = tempDir('qa-repl-history-');
    const io = streams(true);
    const done = runRepl([], { ...io, env: { CORPUS_DIR: corpus.dir, QUESTION_LOG: 'off', NO_COLOR: '1', SUMMIT_QA_HISTORY: join(history.dir, 'history') } });
    try {
      await waitFor(() => io.seen.stdout.includes('> '), { what: 'the first prompt' });
      io.stdin.write('How much');
      await waitFor(() => io.seen.stdout.endsWith('How much'), { what: 'the typed words echoed' });
      const mark = io.seen.stdout.length;
      corpus.write('lighthouse.md', LIGHTHOUSE_DOC);
      // What the terminal shows, without the cursor movements readline writes.
      const shown = () => stripVTControlCharacters(io.seen.stdout.slice(mark));
      const after = await waitFor(
        () => {
          const at = shown().indexOf('corpus reloaded: 2 documents in');
          return at >= 0 && /\n> How much$/.test(shown()) && shown().slice(at);
        },
        { what: 'the reload line and the prompt drawn again' },
      );
      expect(after).toMatch(/^corpus reloaded: 2 documents in \d+ ms\n> How much$/);
      // The line being typed was wiped before the notice was written over it.
      expect(io.seen.stdout.slice(mark)).toMatch(/\x1b\[2K\x1b\[1Gcorpus reloaded/);
      expect(io.seen.stderr).not.toMatch(/reload/i);
    } finally {
      io.stdin.end('\n:quit\n');
      expect(await done).toBe(0);
      history.remove();
    }
  });
});
