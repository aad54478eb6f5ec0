/**
 * End to end on the forum practice documents as published (nine files in six
 * formats, no curation; the project's copy in tests/fixtures/forum): every
 * quote of every answer is an exact slice of the text the bot stores for its
 * document, and quotes from the PDF cite their page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus, type LoadedCorpus } from '../../src/corpus/load.js';
import { createEngine, type Engine } from '../../src/index.js';
import type { TempCorpus } from '../helpers/corpus.js';
import { forumAsPublished } from '../helpers/fixtures.js';

/** Questions in words of this test's own, reaching into every document and format. */
const QUESTIONS = [
  'How many countries sent delegations to Lisbon?',
  'How big is the Atlantic Compute Fund?',
  'How much did the twenty key investors put into the fund?',
  'Who chairs the forum?',
  'Where will the first hub be built?',
  'When should the first hub start running?',
  'How many chips is Quillon supplying, and what is the deal worth?',
  'Where is Quillon based?',
  'When will the chips be delivered?',
  'What is the Harbour programme?',
  'How much money does Harbour have?',
  'When can researchers apply to Harbour?',
  'What share of Harbour hours goes to startups?',
  'What renewable electricity target did the signatories set?',
  'Which countries attended without signing?',
  'Why did the United States stay out?',
  'Who is the executive director of the alliance?',
  'How many staff will the secretariat have?',
  'How many GPU-hours can one project get?',
  'Where will the next forum be held?',
  'What did the correction change?',
  'How much is Portugal putting into Sines?',
  'How many delegates registered?',
  'What is the annual budget of the alliance secretariat?',
];

let corpus: TempCorpus;
let loaded: LoadedCorpus;
let engine: Engine;
beforeAll(async () => {
  corpus = forumAsPublished();
  loaded = await loadCorpus(corpus.dir, { strict: true });
  engine = await createEngine({ corpus: loaded, snapshot: false });
});
afterAll(() => corpus.remove());

describe('the forum practice documents as published', () => {
  it('load as nine documents without a warning, and every quote is a slice of its stored body', () => {
    expect(loaded.documents).toHaveLength(9);
    const byId = new Map(loaded.documents.map((d) => [d.id, d]));
    const quoted = new Set<string>();
    for (const q of QUESTIONS) {
      for (const quote of engine.ask(q).quotes) {
        const doc = byId.get(quote.source.documentId)!;
        expect(doc.body.slice(quote.source.start, quote.source.end)).toBe(quote.text);
        expect(quote.source.page === undefined).toBe(doc.pages === undefined);
        if (doc.pages) expect(quote.source.page).toBe(1);
        quoted.add(doc.id);
      }
    }
    // Quotes come from most of the documents, so the check above covered most formats.
    expect(quoted.size).toBeGreaterThanOrEqual(6);
  });

  it('quotes the PDF with its page', () => {
    const budget = engine.ask('What is the annual operating budget of the LCA secretariat?').quotes[0];
    expect(budget).toMatchObject({ text: 'Its secretariat, based in Lisbon, has an annual operating budget of €42 million.', source: { documentId: 'fact-sheet', page: 1 } });
  });
});
