/**
 * End to end on the forum practice corpus (nine files in six formats, no
 * curation): every quote of every answer is an exact slice of the text the
 * bot stores for its document, and quotes from the PDF cite their page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import { createEngine } from '../../src/index.js';
import { FORUM_CORPUS } from '../helpers/corpus.js';

describe.skipIf(!FORUM_CORPUS)('the forum practice corpus', () => {
  it('loads all nine documents without a warning, and every quote is a slice of its stored body', async () => {
    const corpus = await loadCorpus(FORUM_CORPUS!, { strict: true });
    expect(corpus.documents).toHaveLength(9);
    const engine = await createEngine({ corpus });
    const questions = (JSON.parse(readFileSync(join(FORUM_CORPUS!, '../questions.json'), 'utf8')) as { cases: { q: string }[] }).cases.map((c) => c.q);
    const byId = new Map(corpus.documents.map((d) => [d.id, d]));
    let quotes = 0;
    for (const q of [...questions, 'What is the annual budget of the LCA secretariat?', 'How many delegates registered?']) {
      for (const quote of engine.ask(q).quotes) {
        const doc = byId.get(quote.source.documentId)!;
        expect(doc.body.slice(quote.source.start, quote.source.end)).toBe(quote.text);
        expect(quote.source.page === undefined).toBe(doc.pages === undefined);
        if (doc.pages) expect(quote.source.page).toBe(1);
        quotes++;
      }
    }
    expect(quotes).toBeGreaterThan(40);
    const budget = engine.ask('What is the annual operating budget of the LCA secretariat?').quotes[0];
    expect(budget).toMatchObject({ text: 'Its secretariat, based in Lisbon, has an annual operating budget of €42 million.', source: { documentId: 'fact-sheet', page: 1 } });
  });
});
