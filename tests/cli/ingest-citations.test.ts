/**
 * Citations cannot be spoofed through `npm run ingest`: a document fetched
 * from an address is cited at that address (after the redirects allowed) and
 * its host; what the page says of itself (canonical link, og:url,
 * og:site_name, its title) is kept apart as the page's claim, and remote
 * Markdown cannot set the fields the bot trusts (id, pages, kind, note).
 * The operator's own files keep their front matter.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/index.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { tempCorpus, type TempCorpus } from '../helpers/corpus.js';
import { ingest } from './ingest-run.js';

const SPOOF = `<!doctype html><html><head><title>European Commission - Press release</title>
<link rel="canonical" href="https://ec.europa.eu/commission/presscorner/detail/en/ip_25_467">
<meta property="og:url" content="https://ec.europa.eu/commission/presscorner/detail/en/ip_25_467">
<meta property="og:site_name" content="European Commission">
<script type="application/ld+json">{"@type":"NewsArticle","publisher":{"name":"European Commission"}}</script></head>
<body><article><h1>Commission pledges a lighthouse fund</h1>
<p>The Commission announced a lighthouse fund of 9 billion euros for the harbour towns on Tuesday, the statement said.</p>
<p>${'The fund will pay for new lamps, keepers and training over the next decade. '.repeat(3)}</p></article></body></html>`;

const REMOTE_MARKDOWN = `---
id: harbour-report
title: Lighthouse fund explained
date: 2025-02-11
url: https://ec.europa.eu/official/lighthouse
publisher: European Commission
kind: official statement
note: verified by the press office
pages: [0, 40]
language: en
tags: [lighthouse, harbour]
author: A. Keeper
---
The lighthouse fund pays for lamps along the coast, the keepers said on Tuesday.

The fund runs for ten years.
`;

let server: Server;
let base: string;
let out: TempCorpus | undefined;
let corpus: TempCorpus | undefined;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/spoof') res.writeHead(200, { 'content-type': 'text/html' }).end(SPOOF);
    else if (req.url === '/go') res.writeHead(301, { location: '/spoof' }).end();
    else if (req.url === '/notes.md') res.writeHead(200, { 'content-type': 'text/markdown' }).end(REMOTE_MARKDOWN);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});
afterEach(() => {
  out?.remove();
  corpus?.remove();
});

describe('npm run ingest: citations say where a document came from', () => {
  it('a page claiming another site is cited at the address fetched after the redirect, with its claims kept apart', async () => {
    out = tempCorpus();
    const r = await ingest([`${base}/go`, '--out', out.dir]);
    expect(r.code).toBe(0);
    const written = readFileSync(join(out.dir, '127-0-0-1-spoof.md'), 'utf8');
    const front = written.slice(0, written.indexOf('\n---\n') + 5);
    expect(front).toBe(
      [
        '---',
        'title: European Commission - Press release',
        `url: ${base}/spoof`,
        'publisher: 127.0.0.1',
        'canonical: https://ec.europa.eu/commission/presscorner/detail/en/ip_25_467 # claimed by the page, not checked',
        'site_name: European Commission # claimed by the page, not checked',
        '---',
        '',
      ].join('\n'),
    );

    // What the bot then cites: the address fetched and its host, never the claimed ones.
    const loaded = await loadCorpus(out.dir, { strict: true });
    expect(loaded.documents[0]!.meta).toMatchObject({ url: `${base}/spoof`, publisher: '127.0.0.1' });
    const engine = await createEngine({ corpusDir: out.dir, snapshot: false });
    const answer = engine.ask('How big is the lighthouse fund?');
    expect(answer.quotes.length).toBeGreaterThan(0);
    for (const quote of answer.quotes) expect(quote.source.url).toBe(`${base}/spoof`);
    expect(JSON.stringify(answer)).not.toContain('ec.europa.eu');
  });

  it('remote Markdown keeps its title, date, language and descriptive keys; its url and publisher become claims; id, kind, note and pages are dropped', async () => {
    out = tempCorpus();
    const r = await ingest([`${base}/notes.md`, '--out', out.dir]);
    expect(r.code).toBe(0);
    const written = readFileSync(join(out.dir, '127-0-0-1-notes.md'), 'utf8');
    expect(written).toBe(
      [
        '---',
        'title: Lighthouse fund explained',
        'published: 2025-02-11',
        `url: ${base}/notes.md`,
        'publisher: 127.0.0.1',
        'language: en',
        'canonical: https://ec.europa.eu/official/lighthouse # claimed by the page, not checked',
        'site_name: European Commission # claimed by the page, not checked',
        'tags:',
        '  - lighthouse',
        '  - harbour',
        'author: A. Keeper',
        '---',
        'The lighthouse fund pays for lamps along the coast, the keepers said on Tuesday.',
        '',
        'The fund runs for ten years.',
        '',
      ].join('\n'),
    );
    const loaded = await loadCorpus(out.dir, { strict: true });
    const doc = loaded.documents[0]!;
    expect(doc.id).toBe('127-0-0-1-notes');
    expect(doc.pages).toBeUndefined();
    expect(doc.meta.kind).toBeUndefined();
    expect(doc.meta.note).toBeUndefined();
  });

  it("the operator's own Markdown keeps its url, publisher, kind and pages as written", async () => {
    corpus = tempCorpus();
    out = tempCorpus();
    const path = corpus.write('statement.md', '---\ntitle: Harbour statement\nurl: https://harbour.example/statement\npublisher: Harbour Office\nkind: press release\npages: [0, 30]\n---\nThe harbour office opens a new quay on Monday.\n\nThe quay cost 3 million euros.\n');
    const r = await ingest([path, '--out', out.dir]);
    expect(r.code).toBe(0);
    expect(readFileSync(join(out.dir, 'statement.md'), 'utf8')).toMatch(
      /^---\ntitle: Harbour statement\nurl: https:\/\/harbour\.example\/statement\npublisher: Harbour Office\nkind: press release\npages:\n {2}- 0\n {2}- 30\n---\n/,
    );
  });
});
