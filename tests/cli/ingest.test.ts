/**
 * `npm run ingest`: files of every format, folders and addresses served on
 * 127.0.0.1 become corpus documents the bot answers from; bad sources are
 * skipped with the reason, and the run says what it wrote.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/index.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { tempCorpus, type TempCorpus } from '../helpers/corpus.js';
import { makePdf } from '../helpers/pdf.js';
import type { FetchOptions } from '../../adapters/cli/ingest-fetch.js';
import { ingest as run } from './ingest-run.js';

const PAGE = `<!doctype html><html><head><title>Bridge opens | Harbour Gazette</title>
<meta property="og:site_name" content="Harbour Gazette"><meta property="article:published_time" content="2026-05-02T10:00:00Z">
<link rel="canonical" href="https://gazette.example/bridge"></head><body>
<nav><a href="/">Home</a> <a href="/subscribe">Subscribe for €5 a month</a></nav>
<div class="cookie-banner">We use cookies to track you across 300 partner sites.</div>
<article><h1>The Lumen bridge opens</h1>
<p>The Lumen bridge opened on Saturday after three years of work, the city said in a statement.</p>
<p>The bridge cost €12 million, paid by the regional council and the port authority. It carries trams and bicycles.</p>
<p>Engineers expect about 40,000 crossings a day once the tram line to the harbour opens in the autumn.</p>
</article><footer>Related: Council approves new ferry fares</footer></body></html>`;
const PDF = makePdf([['Harbour Annual Report', null, 'The port handled 4 million tonnes of cargo in 2025.'], ['The ferry service carried 900,000 passengers last year.']]);

let server: Server;
let base: string;
let corpus: TempCorpus | undefined;
let out: TempCorpus | undefined;
const pending = new Set<import('node:http').ServerResponse>();

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/bridge') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
    else if (req.url === '/report.pdf') res.writeHead(200, { 'content-type': 'application/pdf' }).end(PDF);
    else if (req.url === '/moved') res.writeHead(302, { location: '/bridge' }).end();
    else if (req.url === '/huge') {
      res.writeHead(200, { 'content-type': 'text/plain' }); // no Content-Length: the cap is checked while reading
      res.end(`${'The harbour is large. '.repeat(200)}\n`);
    } else if (req.url === '/silent') pending.add(res); // never answers: the timeout must end the wait
    else res.writeHead(404).end('not here');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const res of pending) res.destroy();
  await new Promise((resolve) => server.close(resolve));
});
afterEach(() => {
  corpus?.remove();
  out?.remove();
});

const ingest = (argv: string[], fetch: FetchOptions = { timeoutMs: 1500 }) => run(argv, { fetch });

describe('npm run ingest', () => {
  it('files of every format and a folder become documents with front matter; bad files are skipped with the reason', async () => {
    corpus = tempCorpus();
    out = tempCorpus();
    corpus.write('release.md', '---\ntitle: Ferry fares fall\ndate: 2026-04-01T09:00:00+02:00\ntags: [ferry]\nauthor: Port office\n---\nFerry fares fall by 10% from June, the port office said.\n');
    corpus.write('wire.txt', 'Council backs tram line\n\nThe council backed the harbour tram line by 31 votes to 4 on Tuesday.\n');
    corpus.write('page.html', PAGE);
    corpus.write('report.pdf', PDF);
    corpus.write('empty.md', '');
    corpus.write('binary.txt', Buffer.from([0x41, 0, 0x42]));
    corpus.write('broken.md', '---\ntitle: [oops\n---\nBody.');
    corpus.write('photo.jpg', 'not text');
    corpus.write('README.md', '# About this folder');
    const r = await ingest([corpus.dir, '--out', out.dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^wrote .*release\.md from .*release\.md \("Ferry fares fall"/m);
    expect(r.stdout).toMatch(/^wrote .*report\.md from .*report\.pdf \("Harbour Annual Report", [\d,]+ characters, 2 pages\)/m);
    expect(r.stdout).toMatch(/^skipped .*empty\.md: the document has no text$/m);
    expect(r.stdout).toMatch(/^skipped .*binary\.txt: not a text file \(it contains NUL bytes\)$/m);
    expect(r.stdout).toMatch(/^skipped .*broken\.md: invalid YAML: /m);
    expect(r.stdout).toMatch(/^ignored .*photo\.jpg: not a document format the bot reads$/m);
    expect(r.stdout).toMatch(/^4 written, 3 skipped, 1 ignored, into /m);
    expect(readdirSync(out.dir).sort()).toEqual(['page.md', 'release.md', 'report.md', 'wire.md']);
    expect(readFileSync(join(out.dir, 'release.md'), 'utf8')).toBe('---\ntitle: Ferry fares fall\npublished: 2026-04-01\ntags:\n  - ferry\nauthor: Port office\n---\nFerry fares fall by 10% from June, the port office said.\n');
    // A saved page's canonical link and site name are its own claims: kept apart, never the address or publisher cited.
    const page = readFileSync(join(out.dir, 'page.md'), 'utf8');
    expect(page).toMatch(/^---\ntitle: .*\npublished: 2026-05-02\ncanonical: https:\/\/gazette\.example\/bridge # claimed by the page, not checked\nsite_name: Harbour Gazette # claimed by the page, not checked\n/);
    expect(page).not.toMatch(/^(url|publisher):/m);
    expect(page).not.toMatch(/cookies|Subscribe|ferry fares/);

    // The written corpus loads cleanly and answers, quoting exact slices, with the PDF's page.
    const loaded = await loadCorpus(out.dir, { strict: true });
    expect(loaded.documents.find((d) => d.id === 'wire')!.title).toBe('Council backs tram line');
    const engine = await createEngine({ corpusDir: out.dir, snapshot: false });
    const ferry = engine.ask('How many passengers did the ferry service carry?');
    expect(ferry.quotes[0]).toMatchObject({ text: 'The ferry service carried 900,000 passengers last year.', source: { documentId: 'report', page: 2 } });
    const bridge = engine.ask('How much did the Lumen bridge cost?');
    expect(bridge.quotes[0]!.text).toContain('€12 million');
    for (const answer of [ferry, bridge]) {
      for (const q of answer.quotes) {
        const doc = loaded.documents.find((d) => d.id === q.source.documentId)!;
        expect(doc.body.slice(q.source.start, q.source.end)).toBe(q.text);
      }
    }
  });

  it('addresses on 127.0.0.1: a page (after a redirect) and a PDF; a 404, an oversized body and a silent server are skipped', async () => {
    out = tempCorpus();
    const r = await ingest([`${base}/moved`, `${base}/report.pdf`, `${base}/missing`, `${base}/huge`, `${base}/silent`, 'ftp://127.0.0.1/x', '--out', out.dir], { timeoutMs: 1500, maxBytes: 2000 });
    expect(r.stdout).toMatch(/^wrote .*127-0-0-1-bridge\.md from http:\/\/127\.0\.0\.1:\d+\/moved/m);
    expect(r.stdout).toMatch(/^wrote .*127-0-0-1-report\.md from .*report\.pdf \("Harbour Annual Report", [\d,]+ characters, 2 pages\)/m);
    expect(r.stdout).toMatch(/^skipped .*\/missing: the server answered 404 Not Found$/m);
    expect(r.stdout).toMatch(/^skipped .*\/huge: larger than the 2,000-byte limit$/m);
    expect(r.stdout).toMatch(/^skipped .*\/silent: no answer within 1500 ms$/m);
    expect(r.stdout).toMatch(/^skipped ftp:\/\/127\.0\.0\.1\/x: only http and https addresses are fetched \(got ftp:\)$/m);
    expect(r.code).toBe(1);
    const report = readFileSync(join(out.dir, '127-0-0-1-report.md'), 'utf8');
    expect(report).toMatch(new RegExp(`^---\\ntitle: Harbour Annual Report\\nurl: ${base}/report.pdf\\npublisher: 127.0.0.1\\npages:\\n  - 0\\n  - \\d+\\n---\\n`));
    // The page is cited at the address fetched after the redirect, its canonical link kept apart.
    const page = readFileSync(join(out.dir, '127-0-0-1-bridge.md'), 'utf8');
    expect(page).toContain(`\nurl: ${base}/bridge\npublisher: 127.0.0.1\ncanonical: https://gazette.example/bridge # claimed by the page, not checked\nsite_name: Harbour Gazette # claimed by the page, not checked\n`);
  });

  it('does not replace a document that is already there unless told to', async () => {
    corpus = tempCorpus();
    out = tempCorpus();
    corpus.write('note.txt', 'The harbour opens at dawn.\n');
    expect((await ingest([join(corpus.dir, 'note.txt'), '--out', out.dir])).code).toBe(0);
    expect((await ingest([join(corpus.dir, 'note.txt'), '--out', out.dir])).stdout).toMatch(/^unchanged .*note\.md$/m);
    corpus.write('note.txt', 'The harbour opens at noon.\n');
    const again = await ingest([join(corpus.dir, 'note.txt'), '--out', out.dir]);
    expect(again.stdout).toMatch(/^skipped .*note\.txt: .*note\.md already exists \(--force replaces it\)$/m);
    expect(again.code).toBe(1);
    expect((await ingest([join(corpus.dir, 'note.txt'), '--out', out.dir, '--force'])).code).toBe(0);
    expect(readFileSync(join(out.dir, 'note.md'), 'utf8')).toContain('opens at noon');
  });

  it('usage problems exit 2 with the usage', async () => {
    expect((await ingest([])).code).toBe(2);
    const r = await ingest(['x', '--timeout', 'soon']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^--timeout wants a positive whole number\nusage: npm run ingest/);
  });
});

const LEDE = 'The harbour council approved the new ferry terminal on Thursday by 24 votes to 7, after two years of debate.';
const BODY = 'Construction starts in the spring and should take eighteen months, the council said, with the old terminal kept open until then.';
const PROMO_PAGE = `<!doctype html><html><head><title>Terminal approved</title></head><body>
<div class="subscriber-content"><article><h1>Ferry terminal approved</h1>
<p>${LEDE}</p>
<div><h3>Sign up for our daily newsletter!</h3><p>The best harbour stories in your inbox every morning.</p>
<form action="/join"><input type="email" name="address" placeholder="Your address"><button>Join</button></form></div>
<p>${BODY}</p>
<div class="c-inline-promo js-newsletter-box"><p>Get the Weekly Tide Table every Friday.</p><a href="/tide-table">Count me in</a></div>
<section aria-label="Subscription offer"><p>Read without limits from 1 euro a week.</p></section>
<p>The terminal will have room for four ferries at once and a covered waiting hall for 300 passengers.</p>
</article></div></body></html>`;

describe('npm run ingest: what the bot should not quote, and what a site\'s front matter says', () => {
  it('newsletter, sign-up and subscription boxes are removed, by the form that asks for an email address and by their class, id or label, whatever their wording', async () => {
    corpus = tempCorpus();
    out = tempCorpus();
    const r = await ingest([corpus.write('terminal.html', PROMO_PAGE), '--out', out.dir]);
    expect(r.code).toBe(0);
    const written = readFileSync(join(out.dir, 'terminal.md'), 'utf8');
    const body = written.slice(written.indexOf('\n---\n') + 5);
    expect(body).toBe(`${LEDE}\n\n${BODY}\n\nThe terminal will have room for four ferries at once and a covered waiting hall for 300 passengers.\n`);
  });

  it("Hugo's tags and categories (YAML or TOML front matter) are kept in the front matter written", async () => {
    corpus = tempCorpus();
    out = tempCorpus();
    const yaml = corpus.write('yaml-post.md', '---\ntitle: Quay reopens\ndate: 2026-03-02\ntags: [quay, harbour]\ncategories:\n  - news\ndraft: false\nparams:\n  layout: wide\n---\nThe quay reopens on Monday.\n');
    const toml = corpus.write('toml-post.md', '+++\ntitle = "Ferry fares"\ntags = ["ferry", "fares"]\ncategories = ["news", "transport"]\n+++\nFerry fares fall in June.\n');
    const r = await ingest([yaml, toml, '--out', out.dir]);
    expect(r.code).toBe(0);
    expect(readFileSync(join(out.dir, 'yaml-post.md'), 'utf8')).toBe('---\ntitle: Quay reopens\npublished: 2026-03-02\ntags:\n  - quay\n  - harbour\ncategories:\n  - news\ndraft: false\n---\nThe quay reopens on Monday.\n');
    expect(readFileSync(join(out.dir, 'toml-post.md'), 'utf8')).toBe('---\ntitle: Ferry fares\ntags:\n  - ferry\n  - fares\ncategories:\n  - news\n  - transport\n---\nFerry fares fall in June.\n');
    const loaded = await loadCorpus(out.dir, { strict: true });
    expect(loaded.documents.find((d) => d.id === 'toml-post')!.meta.extra).toEqual({ tags: ['ferry', 'fares'], categories: ['news', 'transport'] });
  });
});
