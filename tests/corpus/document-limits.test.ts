/**
 * What one document may cost to read (src/corpus/limits.ts). The three
 * documents that once cost minutes and gigabytes to load are made here and
 * each is skipped or cut within its limit, with one warning line, while the
 * document beside it serves. Outcomes are asserted, not times: each limit is
 * one a count reaches, whatever the machine's speed (the PDF time limit is
 * tested with a clock of its own).
 */
import { deflateSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import { createEngine } from '../../src/index.js';
import { DEFAULT_DOCUMENT_LIMITS, documentLimits } from '../../src/corpus/limits.js';
import { cutText } from '../../src/corpus/readers/limit-text.js';
import { htmlFromText } from '../../src/corpus/readers/html.js';
import { readPdf } from '../../src/corpus/readers/pdf.js';
import { oversizedStream } from '../../src/corpus/readers/pdf-streams.js';
import { tempCorpus, type TempCorpus } from '../helpers/corpus.js';
import { makePdf } from '../helpers/pdf.js';
import { deeplyNestedHtml, largeText, sharedStreamPdf } from './hostile-documents.js';

let corpus: TempCorpus | undefined;
afterEach(() => {
  corpus?.remove();
  corpus = undefined;
});

const GOOD = '# Harbour tram\n\nThe harbour tram opens in June, the council said on Monday.\n';

/** A corpus of the good document and `name` holding `content`, loaded; warnings with the directory as DIR. */
async function loadBeside(name: string, content: string | Buffer, limits = {}) {
  corpus = tempCorpus();
  corpus.write('good.md', GOOD);
  corpus.write(name, content);
  const loaded = await loadCorpus(corpus.dir, { limits });
  const dir = corpus.dir;
  return { loaded, warnings: loaded.warnings.map((w) => w.split(dir).join('DIR')), ids: loaded.documents.map((d) => d.id) };
}

describe('HTML', () => {
  it('a 1.3 MB page of 100,000 nested spans is skipped before it is parsed; the page beside it serves', async () => {
    const { ids, warnings } = await loadBeside('deep.html', deeplyNestedHtml(100_000));
    expect(ids).toEqual(['good']);
    expect(warnings).toEqual(['corpus warning in DIR/deep.html: the page has more than the maxHtmlElements limit of 100,000 elements (document skipped)']);
  });

  it('the limit is the reader option: a page within it reads, one past it by one element does not', () => {
    const page = (divs: number) => `<html><body>${'<div>'.repeat(divs)}The bridge will cost twelve million euros.${'</div>'.repeat(divs)}</body></html>`;
    // html and body count too.
    expect(htmlFromText('ok.html', page(8), { maxHtmlElements: 10 }).body).toBe('The bridge will cost twelve million euros.\n');
    expect(() => htmlFromText('wide.html', page(9), { maxHtmlElements: 10 })).toThrow('corpus error in wide.html: the page has more than the maxHtmlElements limit of 10 elements');
  });
});

describe('a start with createEngine', () => {
  it('a corpus holding the nested page starts, warns once, and answers from the document beside it', async () => {
    corpus = tempCorpus();
    corpus.write('good.md', GOOD);
    corpus.write('deep.html', deeplyNestedHtml(100_000));
    const warnings: string[] = [];
    const engine = await createEngine({ corpusDir: corpus.dir, snapshot: false, onWarning: (line) => warnings.push(line) });
    expect(warnings.map((w) => w.split(corpus!.dir).join('DIR'))).toEqual(['corpus warning in DIR/deep.html: the page has more than the maxHtmlElements limit of 100,000 elements (document skipped)']);
    const answer = engine.ask('When does the harbour tram open?');
    expect(answer.answered).toBe(true);
    expect(answer.quotes[0]!.source.documentId).toBe('good');
  });
});

describe('PDF', () => {
  it('80 pages sharing one 100 MB content stream (a 370 KB file) are skipped before pdf.js inflates it; the document beside it serves', async () => {
    for (const text of [true, false]) {
      const { ids, warnings } = await loadBeside('shared.pdf', sharedStreamPdf({ text }));
      expect(ids).toEqual(['good']);
      expect(warnings).toEqual(['corpus warning in DIR/shared.pdf: a stream of the PDF inflates to more than the maxPdfStreamBytes limit of 16 MiB (document skipped)']);
      corpus!.remove();
    }
  });

  it('pages sharing a stream within that limit that draws millions of characters: the text is cut at maxTextChars part way through the first page', async () => {
    // 10 MB of text operators draw 5 million characters on each page; a lower limit than the default keeps the test short.
    const { loaded, warnings, ids } = await loadBeside('shared.pdf', sharedStreamPdf({ streamBytes: 10 * 1024 * 1024 }), { maxTextChars: 200_000 });
    expect(ids).toEqual(['good', 'shared']);
    const shared = loaded.documents.find((d) => d.id === 'shared')!;
    expect(shared.body.length).toBeLessThanOrEqual(200_000);
    expect(shared.body.length).toBeGreaterThan(160_000);
    expect(shared.pages!.map((p) => p.number)).toEqual([1]);
    expect(warnings).toEqual([`corpus warning in DIR/shared.pdf: the text is longer than the maxTextChars limit of 200,000 characters (only the first ${shared.body.length.toLocaleString('en')} characters are kept)`]);
  });

  it('oversizedStream measures streams whose first filter is FlateDecode, images, fonts and attached files aside, and passes over damaged ones', () => {
    const obj = (n: number, dictionary: string, data: Buffer) => Buffer.concat([Buffer.from(`${n} 0 obj\n<< ${dictionary} /Length ${data.length} >>\nstream\n`, 'latin1'), data, Buffer.from('\nendstream\nendobj\n', 'latin1')]);
    const big = deflateSync(Buffer.alloc(5000, 'x'));
    const pdf = (...objects: Buffer[]) => Buffer.concat([Buffer.from('%PDF-1.4\n'), ...objects]);
    expect(oversizedStream(pdf(obj(1, '/Filter /FlateDecode', big)), 4000)).toBeGreaterThan(0);
    expect(oversizedStream(pdf(obj(1, '/Filter [ /FlateDecode ]', big)), 4000)).toBeGreaterThan(0);
    expect(oversizedStream(pdf(obj(1, '/Filter /FlateDecode', big)), 5000)).toBeUndefined();
    expect(oversizedStream(pdf(obj(1, '/Type /XObject /Subtype /Image /Filter /FlateDecode', big)), 4000)).toBeUndefined();
    expect(oversizedStream(pdf(obj(1, '/Type /EmbeddedFile /Filter /FlateDecode', big)), 4000)).toBeUndefined();
    expect(oversizedStream(pdf(obj(1, '/Length1 9000 /Filter /FlateDecode', big)), 4000)).toBeUndefined();
    expect(oversizedStream(pdf(obj(1, '/Subtype /OpenType /Filter /FlateDecode', big)), 4000)).toBeUndefined();
    expect(oversizedStream(pdf(obj(1, '/Filter /FlateDecode', big.subarray(0, 10)), obj(2, '/Filter /FlateDecode', big)), 4000)).toBeGreaterThan(0);
    expect(oversizedStream(pdf(obj(1, '', Buffer.alloc(5000, 'x'))), 4000)).toBeUndefined();
  });

  it('a PDF still reading past maxPdfMs is skipped: checked as text arrives and between pages', async () => {
    // A clock that moves a second each time it is read: the limit is met after a known number of checks, at any speed.
    let clock = 0;
    const now = () => (clock += 1000);
    const pdf = sharedStreamPdf({ pages: 40, streamBytes: 200_000, text: false });
    await expect(readPdf('slow.pdf', pdf, { maxPdfMs: 5000, now })).rejects.toThrow('corpus error in slow.pdf: reading took longer than the maxPdfMs limit of 5,000 ms');
    expect(clock).toBeLessThan(40 * 1000);
  });

  it('pages past maxPdfPages are left out, with a warning that names the limit', async () => {
    const { loaded, warnings } = await loadBeside('three.pdf', makePdf([['Page one of the report.'], ['Page two of the report.'], ['Page three of the report.']]), { maxPdfPages: 2 });
    expect(loaded.documents.find((d) => d.id === 'three')!.body).toBe('Page one of the report.\n\nPage two of the report.\n');
    expect(warnings).toEqual(['corpus warning in DIR/three.pdf: the PDF has 3 pages, more than the maxPdfPages limit of 2 (only the first 2 are read)']);
  });
});

describe('text', () => {
  it('a 50 MB .txt is cut at a paragraph break before maxTextChars; the document beside it serves', async () => {
    const big = largeText(50 * 1024 * 1024);
    const { loaded, warnings, ids } = await loadBeside('large.txt', big);
    expect(ids).toEqual(['good', 'large']);
    const body = loaded.documents.find((d) => d.id === 'large')!.body;
    expect(body.length).toBeLessThanOrEqual(DEFAULT_DOCUMENT_LIMITS.maxTextChars);
    expect(big.startsWith(body)).toBe(true);
    expect(body.endsWith('\n\n')).toBe(true);
    expect(warnings).toEqual([`corpus warning in DIR/large.txt: the text is longer than the maxTextChars limit of 2,000,000 characters (only the first ${body.length.toLocaleString('en')} characters are kept)`]);
  });

  it('a file over maxFileBytes is skipped unread', async () => {
    const { ids, warnings } = await loadBeside('big.md', 'A sentence of the big document.\n'.repeat(100), { maxFileBytes: 1024 });
    expect(ids).toEqual(['good']);
    expect(warnings).toEqual(['corpus warning in DIR/big.md: the file is 3.1 KiB, more than the maxFileBytes limit of 1 KiB (skipped)']);
  });

  it('Markdown pages end where the text is cut', async () => {
    const body = `${'First page sentence.\n\n'.repeat(20)}${'Second page sentence.\n\n'.repeat(20)}`;
    const pagesAt = [0, 440];
    const { loaded } = await loadBeside('paged.md', `---\npages: [${pagesAt.join(', ')}]\n---\n${body}`, { maxTextChars: 500 });
    const doc = loaded.documents.find((d) => d.id === 'paged')!;
    expect(doc.body.length).toBeLessThanOrEqual(500);
    expect(doc.pages).toEqual([
      { number: 1, start: 0, end: 440 },
      { number: 2, start: 440, end: doc.body.length },
    ]);
  });
});

describe('cutText', () => {
  it('cuts at the last paragraph break, else line break, else space, within the final fifth; never inside a surrogate pair', () => {
    expect(cutText('short', 10)).toBeUndefined();
    expect(cutText('aaaaaaaa\n\nbbbbbbbb\n\ncccc', 20)).toBe('aaaaaaaa\n\nbbbbbbbb\n\n');
    expect(cutText('aaaaaaaaaaaaaaaa bbbbbbbbbbbb', 20)).toBe('aaaaaaaaaaaaaaaa ');
    expect(cutText('a'.repeat(9) + '😀' + 'b', 10)).toBe('a'.repeat(9));
  });
});

describe('documentLimits', () => {
  it('has documented defaults and refuses a limit that is not a positive whole number, or not a limit', () => {
    expect(documentLimits()).toEqual({ maxFileBytes: 67_108_864, maxTextChars: 2_000_000, maxHtmlElements: 100_000, maxPdfPages: 2000, maxPdfStreamBytes: 16_777_216, maxPdfMs: 30_000 });
    expect(documentLimits({ maxTextChars: 10 }).maxTextChars).toBe(10);
    expect(() => documentLimits({ maxTextChars: 0 })).toThrow('document limit maxTextChars must be a positive whole number');
    expect(() => documentLimits({ maxPdfMs: 1.5 })).toThrow('document limit maxPdfMs must be a positive whole number');
    expect(() => documentLimits({ maxPages: 3 } as never)).toThrow('unknown document limit "maxPages"');
  });

});
