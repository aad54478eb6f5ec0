/**
 * The REPL as a process on CORPUS_DIR: :reload picks up a document added
 * after start, and a broken document is skipped with a warning while the
 * rest keeps answering.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { waitFor } from '../helpers/wait-for.js';
import { BROKEN_DOC, harbourCorpus, LIGHTHOUSE_DOC, LIGHTHOUSE_QUESTION, LIGHTHOUSE_QUOTE } from './fixtures.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const corpus = harbourCorpus();
afterAll(() => corpus.remove());

describe('REPL :reload', () => {
  it('answers from a document added after start, and keeps answering from the rest when a broken one is added', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'adapters/cli/repl-main.ts'], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1', CORPUS_DIR: corpus.dir, QUESTION_LOG: 'off' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const said = (text: string, from = 0) => waitFor(() => stdout.indexOf(text, from) >= 0 && stdout.length, { what: JSON.stringify(text) });

    child.stdin.write(`${LIGHTHOUSE_QUESTION}\n:sources\n`);
    await said('1 document,');
    expect(stdout).not.toContain(LIGHTHOUSE_QUOTE);

    corpus.write('lighthouse.md', LIGHTHOUSE_DOC);
    let mark = stdout.length;
    child.stdin.write(`:reload\n${LIGHTHOUSE_QUESTION}\n`);
    await said('corpus reloaded: 2 documents in', mark);
    await said(LIGHTHOUSE_QUOTE, mark);

    corpus.write('broken.md', BROKEN_DOC);
    mark = stdout.length;
    child.stdin.write(`:reload\n${LIGHTHOUSE_QUESTION}\n`);
    await said('corpus reloaded: 2 documents in', mark);
    await said(LIGHTHOUSE_QUOTE, mark);
    expect(stderr).toMatch(/corpus warning in .*broken\.md/);

    child.stdin.end(':quit\n');
    expect(await exited).toBe(0);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
