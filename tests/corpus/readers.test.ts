/**
 * Readers of real document formats: Markdown with any front matter, plain
 * text, saved HTML pages and PDFs. The stored body is what quotes are sliced
 * from, so it is checked against the text a reader of the file sees (the
 * page with its tags dropped, pdftotext's output) up to whitespace.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../src/corpus/document.js';
import { readFrontMatter } from '../../src/corpus/readers/front-matter.js';
import { htmlFromText } from '../../src/corpus/readers/html.js';
import { readMarkdown } from '../../src/corpus/readers/markdown.js';
import { readPdf } from '../../src/corpus/readers/pdf.js';
import { readPlainText } from '../../src/corpus/readers/plain-text.js';
import { FORUM_FIXTURE } from '../helpers/fixtures.js';
import { installed, PDFTOTEXT } from '../helpers/machine-tools.js';
import { makePdf } from '../helpers/pdf.js';

/** A file of the forum practice documents (the project's copy, tests/fixtures/forum). */
const forum = (name: string) => readFileSync(join(FORUM_FIXTURE, name));
const squash = (s: string) => s.normalize('NFKC').replace(/\s+/g, ' ').trim();
const text = (s: string) => Buffer.from(s);

describe('front matter', () => {
  it('Hugo keys: a datetime date becomes published as written, the other keys are kept', () => {
    const r = readFrontMatter('a.md', '---\ntitle: "T"\ndate: 2026-03-03T07:00:00-05:00\ndraft: false\ntags: ["a", "b"]\nauthor: "Comms"\ndescription: "D"\n---\nBody.\n');
    expect(r.problems).toEqual([]);
    expect(r.meta).toEqual({ title: 'T', published: '2026-03-03', extra: { date: '2026-03-03T07:00:00-05:00', draft: false, tags: ['a', 'b'], author: 'Comms', description: 'D' } });
  });

  it('Jekyll keys: a date with a time and zone, layout, categories, permalink, comments', () => {
    const r = readMarkdown('b.md', forum('lisbon-by-the-numbers.md'));
    expect(r.meta.published).toBe('2026-03-05');
    expect(r.meta.extra).toMatchObject({ layout: 'post', categories: ['analysis', 'compute-policy'], permalink: '/2026/03/05/lisbon-by-the-numbers/', comments: true });
    expect(r.body.startsWith('\nTwo days, 58 signatures')).toBe(true);
  });

  it('MultiMarkdown metadata lines with no --- are metadata, not text', () => {
    const r = readMarkdown('i.md', forum('interview-noor-castellan.md'));
    expect(r.meta).toMatchObject({ title: '"Small and boring on purpose": Noor Castellan on the Lisbon Compute Alliance', published: '2026-03-06', extra: { show: 'The Compute Brief, episode 112' } });
    expect(r.body).not.toContain('Recorded:');
    expect(r.body).toContain('This transcript has been edit');
  });

  it('Hugo TOML (+++) and JSON front matter', () => {
    const text = '+++\ntitle = "Ferry fares"\ndate = 2026-04-01T09:00:00+02:00\ndraft = false\ntags = ["ferry", "port"]\nweight = 3\n[params]\nhidden = true\n+++\nBody.\n';
    const toml = readFrontMatter('t.md', text);
    expect(toml.meta).toEqual({ title: 'Ferry fares', published: '2026-04-01', extra: { date: '2026-04-01T09:00:00+02:00', draft: false, tags: ['ferry', 'port'], weight: 3 } });
    expect(toml.problems).toEqual([]);
    expect(text.slice(toml.bodyStart)).toBe('Body.\n');
    const json = readFrontMatter('j.md', '{\n  "title": "Tram line",\n  "date": "2026-05-02"\n}\nBody.\n');
    expect(json.meta).toEqual({ title: 'Tram line', published: '2026-05-02', extra: { date: '2026-05-02' } });
    expect(() => readFrontMatter('b.md', '+++\ntitle: nope\n+++\nBody.')).toThrow('corpus error in b.md, line 2: invalid TOML front matter: expected key = value');
  });

  it('a body that merely starts with "Note:" is not metadata', () => {
    const r = readFrontMatter('n.md', 'Note: the figures below are provisional.\nSecond line.\n');
    expect(r).toEqual({ meta: {}, bodyStart: 0, problems: [] });
  });

  it('a known key with a bad value is reported and ignored; the document still reads', () => {
    const r = readFrontMatter('a.md', '---\ntitle: T\npublished: 2025-02-30\nurl: not a url\n---\nBody.');
    expect(r.meta).toEqual({ title: 'T' });
    expect(r.problems.map((p) => p.message)).toEqual([
      'corpus error in a.md, line 3, field "published": must be a real date written YYYY-MM-DD',
      'corpus error in a.md, line 4, field "url": must be an http(s) address',
    ]);
  });

  it('a written date ("March 6, 2026", "6 March 2026") is a date', () => {
    expect(readFrontMatter('a.md', 'Title: T\nDate: March 6, 2026\n\nBody.').meta.published).toBe('2026-03-06');
    expect(readFrontMatter('a.md', '---\ndate: 6 March 2026\n---\nBody.').meta.published).toBe('2026-03-06');
  });

  it('a YAML alias bomb is refused with a CorpusError, not expanded', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`)].join('\n');
    expect(() => readFrontMatter('bomb.md', `---\n${bomb}\n---\nBody.`)).toThrow(/corpus error in bomb\.md, line 2: invalid YAML: .*alias/i);
  });
});

describe('.txt', () => {
  it('a headline first line becomes the title; the body keeps it', () => {
    const r = readPlainText('w.txt', forum('cps-wire-2026-03-03.txt'));
    expect(r.title).toBe('Fifty-eight countries to back Lisbon compute pact as investors pledge billions');
    expect(r.body).toBe(forum('cps-wire-2026-03-03.txt').toString('utf8'));
  });

  it('a first line that is a sentence is not a title', () => {
    expect(readPlainText('n.txt', text('The summit opened in Paris.\n\nMore text.')).title).toBeUndefined();
    expect(readPlainText('n.txt', text('One paragraph only, no headline')).title).toBeUndefined();
  });
});

describe('.html', () => {
  const page = forum('daybreak-europe-lisbon-forum-closes.html').toString('utf8');
  const r = htmlFromText('d.html', page);

  it('keeps the article body and drops navigation, cookie banner, JSON-LD, newsletter promo and related links', () => {
    expect(r.body).toContain('It sits at the landing point of several subsea internet cables and next to a large solar park.');
    for (const chrome of ['214 partners', '€9.99 a month', 'NewsArticle', 'Get the Tech Brief', 'rival summit', 'All rights reserved', 'paywall']) expect(r.body).not.toContain(chrome);
  });

  it('one paragraph per block, blank-line separated, whitespace as in the page text', () => {
    const paragraphs = r.body.trim().split('\n\n');
    expect(paragraphs).toContain('Not everyone signed. Canada, Singapore and the United States attended but stayed out of the declaration, in part over a clause requiring data that the hubs process for public bodies to stay within signatory countries.');
    // The page with its tags dropped (what a reader of the file sees) holds every paragraph, up to whitespace.
    const dropped = squash(page.replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]+>/g, ''));
    for (const p of paragraphs) expect(dropped).toContain(squash(p));
  });

  it('title, date and address from the page head', () => {
    expect(r.meta).toMatchObject({ published: '2026-03-04', url: 'https://daybreak-europe.example/tech/2026/03/04/lisbon-forum-closes' });
    expect(r.title).toMatch(/^Lisbon forum closes with 58-nation compute pact/);
  });

  it('a short page without an article is read without its chrome', () => {
    const short = htmlFromText('s.html', '<html><body><nav>Home | About</nav><p>The bridge will cost &euro;12 million.</p><footer>© Someone</footer></body></html>');
    expect(short.body.trim()).toBe('The bridge will cost €12 million.');
  });

  it('a page with no text is not a document', () => {
    expect(() => htmlFromText('e.html', '<html><body><script>x()</script></body></html>')).toThrow('corpus error in e.html: the page has no readable text');
  });
});

describe('.pdf', () => {
  it('the forum fact sheet: its title, text per page, one paragraph per bullet', async () => {
    const r = await readPdf('f.pdf', forum('fact-sheet.pdf'));
    expect(r.title).toBe('Lisbon Compute Forum 2026: Fact Sheet');
    expect(r.pages).toEqual([{ number: 1, start: 0, end: r.body.trimEnd().length }]);
    expect(r.body).toContain('\n\n• The Lisbon Compute Alliance (LCA) was established. Its secretariat, based in Lisbon, has an annual operating budget of €42 million.\n\n');
  });

  // What a reader of the file sees, by another program: skipped with one line where pdftotext is missing (.ci/run installs it).
  const MATCHES_PDFTOTEXT = 'the forum fact sheet matches pdftotext up to whitespace';
  it.skipIf(!installed(PDFTOTEXT, import.meta.url, MATCHES_PDFTOTEXT))(MATCHES_PDFTOTEXT, async () => {
    const r = await readPdf('f.pdf', forum('fact-sheet.pdf'));
    const pdftotext = spawnSync(PDFTOTEXT.find()!, ['-enc', 'UTF-8', join(FORUM_FIXTURE, 'fact-sheet.pdf'), '-'], { encoding: 'utf8' });
    expect(pdftotext.status).toBe(0);
    for (const p of r.body.trim().split('\n\n')) expect(squash(pdftotext.stdout)).toContain(squash(p));
  });

  it('pages of a generated PDF: paragraphs from line gaps, bullets apart, page spans in the body', async () => {
    const pdf = makePdf([['Harbour Fund Report', null, 'The fund opened in May with 40 members. It', 'grew quickly in the summer.', null, '- First item', '- Second item'], ['The budget is 12 million euros.']]);
    const r = await readPdf('h.pdf', pdf);
    expect(r.body).toBe('Harbour Fund Report\n\nThe fund opened in May with 40 members. It grew quickly in the summer.\n\n- First item\n\n- Second item\n\nThe budget is 12 million euros.\n');
    const doc = buildDocument('h.pdf', r);
    expect(doc.pages!.map((p) => r.body.slice(p.start, p.end))).toEqual([r.body.slice(0, r.body.indexOf('\n\nThe budget')), 'The budget is 12 million euros.']);
  });

  it('bad PDFs are CorpusErrors naming the file', async () => {
    await expect(readPdf('x.pdf', text('hello'))).rejects.toThrow('corpus error in x.pdf: not a PDF file (no %PDF- header)');
    await expect(readPdf('y.pdf', text('%PDF-1.4\ngarbage'))).rejects.toThrow(/^corpus error in y\.pdf: not a readable PDF/);
    await expect(readPdf('z.pdf', makePdf([[null]]))).rejects.toThrow('corpus error in z.pdf: the PDF has no text to read (scanned pages need OCR first)');
  });
});
