/**
 * Tolerant loading: a bad document or curation record is skipped with one
 * warning line naming the file and the reason, every problem is listed at
 * once, and the rest of the corpus serves. Strict mode makes them the error.
 */
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import { CorpusError } from '../../src/errors.js';
import { tempCorpus, type TempCorpus } from '../helpers/corpus.js';
import { makePdf } from '../helpers/pdf.js';

let corpus: TempCorpus | undefined;
let outside: string | undefined;
afterEach(() => {
  corpus?.remove();
  if (outside) rmSync(outside, { recursive: true, force: true });
});

const GOOD = 'Alpha pledged €5 billion on Monday.';
const FIGURE = (id: string, quote: string) => `- id: ${id}\n  kind: money\n  what: the pledge\n  display: €5 billion\n  amount: 5000000000\n  currency: EUR\n  document: good\n  quote: ${quote}\n`;
const BOMB = `---\na: &a ["x","x","x","x","x","x","x","x","x"]\n${Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`).join('\n')}\n---\nBody.`;

function badCorpus(): TempCorpus {
  const c = tempCorpus();
  c.write('good.md', GOOD);
  c.write('a-empty.md', '');
  c.write('b-binary.md', Buffer.from([0x41, 0, 0x42]));
  c.write('c-latin1.txt', Buffer.from([0x41, 0x0a, 0xff, 0xfe, 0x42]));
  c.write('d-broken.md', '---\ntitle: [oops\n---\nBody.');
  c.write('e-bomb.md', BOMB);
  c.write('f-baddate.md', '---\ntitle: Dated\npublished: 2025-02-30\n---\nBeta opened on Tuesday.');
  c.write('g-not.pdf', 'this is no PDF');
  c.write('figures.yaml', FIGURE('f1', 'Alpha pledged €5 billion') + FIGURE('f2', 'Alpha pledged €6 billion'));
  return c;
}

describe('tolerant loading', () => {
  it('a corpus with bad files among good ones loads the good ones and lists every problem, one line each', async () => {
    corpus = badCorpus();
    const c = await loadCorpus(corpus.dir);
    expect(c.documents.map((d) => d.id)).toEqual(['f-baddate', 'good']);
    expect(c.documents[0]!.meta.published).toBeUndefined();
    expect(c.figures.map((f) => f.id)).toEqual(['f1']);
    const w = c.warnings.map((line) => line.split(corpus!.dir).join('DIR'));
    expect(w).toEqual([
      'corpus warning in DIR/a-empty.md, field "body": the document has no text (document skipped)',
      'corpus warning in DIR/b-binary.md: not a text file (it contains NUL bytes) (document skipped)',
      'corpus warning in DIR/c-latin1.txt, line 2: not valid UTF-8 text (document skipped)',
      expect.stringMatching(/^corpus warning in DIR\/d-broken\.md, line 2: invalid YAML: .* \(document skipped\)$/),
      expect.stringMatching(/^corpus warning in DIR\/e-bomb\.md, line 2: invalid YAML: .*alias.* \(document skipped\)$/i),
      'corpus warning in DIR/f-baddate.md, line 3, field "published": must be a real date written YYYY-MM-DD (value ignored)',
      'corpus warning in DIR/g-not.pdf: not a PDF file (no %PDF- header) (document skipped)',
      'corpus warning in DIR/figures.yaml, line 16, field "[1].quote": quote is not verbatim in document "good": "Alpha pledged €6 billion" (figure skipped)',
    ]);
    for (const line of w) expect(line).not.toContain('\n');
  });

  it('strict mode: the first problem is the error, with the others counted and named', async () => {
    corpus = badCorpus();
    const error = await loadCorpus(corpus.dir, { strict: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CorpusError);
    const message = (error as Error).message.split(corpus.dir).join('DIR');
    expect(message).toMatch(/^corpus error in DIR\/a-empty\.md, field "body": the document has no text \(and 7 more: DIR\/b-binary\.md: not a text file/);
    expect((error as CorpusError).location).toEqual({ file: `${corpus.dir}/a-empty.md`, field: 'body' });
  });

  it('a corpus whose only documents are bad stops, naming them', async () => {
    corpus = tempCorpus();
    corpus.write('empty.md', '   \n');
    await expect(loadCorpus(corpus.dir)).rejects.toThrow(/^corpus error in .*empty\.md, field "body": the document has no text$/);
  });

  it('HTML and PDF documents are loaded, not skipped', async () => {
    corpus = tempCorpus();
    corpus.write('page.html', '<html><body><article><p>The harbour tram opens in June, the council said on Monday in a long statement to the press about transport.</p><p>It will run every ten minutes between the station and the harbour, with twelve stops along the way and a depot.</p></article></body></html>');
    corpus.write('sheet.pdf', makePdf([['Fact sheet', null, 'The depot employs 45 people.']]));
    const c = await loadCorpus(corpus.dir, { strict: true });
    expect(c.documents.map((d) => [d.id, d.sentences.length > 0, d.pages?.length])).toEqual([
      ['page', true, undefined],
      ['sheet', true, 1],
    ]);
  });

  it('symbolic links are followed inside the corpus directory, not outside it', async () => {
    corpus = tempCorpus();
    corpus.write('shared/original.md', GOOD);
    symlinkSync(join(corpus.dir, 'shared/original.md'), join(corpus.dir, 'linked.md'));
    outside = mkdtempSync(join(tmpdir(), 'summit-qa-outside-'));
    writeFileSync(join(outside, 'secret.md'), 'Outside text that must not be served.');
    symlinkSync(join(outside, 'secret.md'), join(corpus.dir, 'escape.md'));
    symlinkSync(outside, join(corpus.dir, 'escape-dir'));
    symlinkSync(corpus.dir, join(corpus.dir, 'shared/loop')); // a cycle back to the root is walked once
    symlinkSync(join(corpus.dir, 'gone.md'), join(corpus.dir, 'dangling.md'));
    const c = await loadCorpus(corpus.dir);
    expect(c.documents.map((d) => d.id).sort()).toEqual(['linked', 'original']);
    expect(c.documents.every((d) => !d.body.includes('Outside'))).toBe(true);
    expect(c.warnings.map((l) => l.split(corpus!.dir).join('DIR'))).toEqual([
      'corpus warning in DIR/dangling.md: broken symbolic link (skipped)',
      'corpus warning in DIR/escape-dir: symbolic link to a path outside the corpus directory (skipped)',
      'corpus warning in DIR/escape.md: symbolic link to a path outside the corpus directory (skipped)',
    ]);
  });
});
