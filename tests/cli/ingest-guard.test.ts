/**
 * `npm run ingest`: each source is ingested inside its own guard. A page
 * nested 10,000 levels deep reads (its nesting flattened before Readability
 * walks it), and a reader that throws, hangs or takes too much memory skips
 * only its own source with one line naming it and the reason; the sources
 * after it are still written, and the exit code is 1.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempCorpus, type TempCorpus } from '../helpers/corpus.js';
import { ingest } from './ingest-run.js';

const ARTICLE = `<article><h1>Tram line opens</h1><p>${'The harbour tram line opened on Monday with twelve new stops along the quay. '.repeat(4)}</p></article>`;
const deepPage = (depth: number) =>
  `<!doctype html><html><head><title>Deep page</title></head><body>${'<div>'.repeat(depth)}<p>${'The words at the bottom of a very deep page. '.repeat(6)}</p>${'</div>'.repeat(depth)}</body></html>`;

let corpus: TempCorpus | undefined;
let out: TempCorpus | undefined;
afterEach(() => {
  corpus?.remove();
  out?.remove();
});

describe('npm run ingest: one guard per source', () => {
  it('a page of 10,000 nested <div>s is read (no stack overflow), and the page after it is written too', async () => {
    corpus = tempCorpus();
    out = tempCorpus();
    const deep = corpus.write('deep.html', deepPage(10_000));
    const good = corpus.write('good.html', `<!doctype html><html><head><title>Tram</title></head><body>${ARTICLE}</body></html>`);
    const r = await ingest([deep, good, '--out', out.dir]);
    expect(r.stdout).toMatch(/^wrote .*deep\.md from .*deep\.html \("Deep page"/m);
    expect(r.stdout).toMatch(/^wrote .*good\.md from .*good\.html/m);
    expect(r.code).toBe(0);
    expect(readFileSync(join(out.dir, 'deep.md'), 'utf8')).toContain('The words at the bottom of a very deep page.');
    expect(readFileSync(join(out.dir, 'good.md'), 'utf8')).toContain('twelve new stops');
  });

  const misbehaving = { read: { workerUrl: new URL('./fixtures/ingest-misbehaving-reader.mjs', import.meta.url) } };

  it('a reader that throws or never returns skips only its source, named with the reason; the others are written and the exit code is 1', async () => {
    corpus = tempCorpus();
    out = tempCorpus();
    const paths = ['a-first.txt', 'b-throw.txt', 'c-hang.txt', 'd-last.txt'].map((name) => corpus!.write(name, `${name} heading\n\nSome words of ${name}.\n`));
    const r = await ingest([...paths, '--out', out.dir, '--read-timeout', '3000'], misbehaving);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(/^wrote .*a-first\.md from .*a-first\.txt/);
    expect(lines[1]).toMatch(/^skipped .*b-throw\.txt: the reader failed \(Maximum call stack size exceeded\)$/);
    expect(lines[2]).toMatch(/^skipped .*c-hang\.txt: reading it took longer than 3,000 ms \(--read-timeout\)$/);
    expect(lines[3]).toMatch(/^wrote .*d-last\.md from .*d-last\.txt/);
    expect(lines[4]).toMatch(/^2 written, 2 skipped, into /);
    expect(r.code).toBe(1);
    expect(readdirSync(out.dir).sort()).toEqual(['a-first.md', 'd-last.md']);
  });

  it('a reader past the memory limit skips only its source, and the next source is read by a fresh thread', async () => {
    corpus = tempCorpus();
    out = tempCorpus();
    const paths = ['a-hog.txt', 'b-after.txt'].map((name) => corpus!.write(name, `${name} heading\n\nSome words of ${name}.\n`));
    const r = await ingest([...paths, '--out', out.dir, '--max-memory', '64'], misbehaving);
    expect(r.stdout).toMatch(/^skipped .*a-hog\.txt: reading it needed more than 64 MB of memory \(--max-memory\)$/m);
    expect(r.stdout).toMatch(/^wrote .*b-after\.md from .*b-after\.txt/m);
    expect(r.code).toBe(1);
  });

  it('a file larger than --max-bytes is skipped unread, with the limit named', async () => {
    corpus = tempCorpus();
    out = tempCorpus();
    const big = corpus.write('big.txt', `${'The harbour report runs long. '.repeat(200)}\n`);
    const small = corpus.write('small.txt', 'The harbour opens at dawn.\n');
    const r = await ingest([big, small, '--out', out.dir, '--max-bytes', '2000']);
    expect(r.stdout).toMatch(/^skipped .*big\.txt: larger than the 2,000-byte limit \(6,001 bytes; --max-bytes\)$/m);
    expect(r.stdout).toMatch(/^wrote .*small\.md/m);
    expect(r.code).toBe(1);
  });

  it('a file name with a newline or an escape sequence cannot forge or restyle a line', async () => {
    corpus = tempCorpus();
    out = tempCorpus();
    const odd = corpus.write('odd\nwrote fake.md\u001b[2J.txt', 'The harbour opens at dawn.\n');
    const r = await ingest([odd, '--out', out.dir]);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(2);
    expect(r.stdout).toContain('odd\\nwrote fake.md\\u001b[2J.txt');
    expect(r.stdout).not.toContain('\u001b');
  });
});
