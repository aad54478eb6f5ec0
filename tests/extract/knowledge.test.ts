import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { EntitySchema, FigureRecordSchema } from '../../src/corpus/schemas.js';
import type { LoadedEntity, LoadedFigure } from '../../src/corpus/types.js';
import type { CorpusDocument } from '../../src/corpus/document.js';
import { extractKnowledge, type ExtractedKnowledge } from '../../src/extract/index.js';
import { documentFrom, fileDocument, forumDocuments } from './documents.js';
import { adjectiveNamesPlace } from '../../src/text/demonym.js';

let docs: CorpusDocument[];
let k: ExtractedKnowledge;
const entity = (name: string): LoadedEntity => {
  const e = k.entities.find((x) => x.name === name || x.aliases.includes(name));
  if (!e) throw new Error(`no entity named ${name}`);
  return e;
};
const figuresIn = (docId: string, display: string): LoadedFigure[] => k.figures.filter((f) => f.document === docId && f.display === display);

beforeAll(() => {
  docs = forumDocuments();
  k = extractKnowledge(docs);
});

describe('records in the shapes of figures.yaml and entities.yaml', () => {
  it('every figure validates, quotes its whole sentence verbatim at its offsets, within 300 characters', () => {
    const body = new Map(docs.map((d) => [d.id, d.body]));
    expect(k.figures.length).toBeGreaterThan(50);
    for (const f of k.figures) {
      const { at, alsoAt, ...record } = f;
      expect(() => FigureRecordSchema.parse(record), f.id).not.toThrow();
      expect(alsoAt).toEqual([]);
      expect(body.get(at.documentId)!.slice(at.start, at.end)).toBe(f.quote);
      expect(f.quote.length).toBeLessThanOrEqual(300);
      expect(f.quote).toContain(f.display);
    }
    expect(new Set(k.figures.map((f) => f.id)).size).toBe(k.figures.length);
  });

  it('every entity validates and every reference points at one', () => {
    const ids = new Set(k.entities.map((e) => e.id));
    expect(ids.size).toBe(k.entities.length);
    const body = new Map(docs.map((d) => [d.id, d.body]));
    for (const e of k.entities) {
      const { definitionAt, ...record } = e;
      expect(() => z.array(EntitySchema).parse([record]), e.id).not.toThrow();
      definitionAt.forEach((at, i) => expect(body.get(at.documentId)!.slice(at.start, at.end)).toBe(e.definition[i]));
    }
    for (const f of k.figures) for (const ref of [f.who, ...f.subjects]) if (ref) expect(ids.has(ref), `${f.id} -> ${ref}`).toBe(true);
  });

  it('re-joins a sentence cut after an abbreviation so the quote is the whole sentence', () => {
    const [f] = figuresIn('quillon-press-release', 'approx. $3.5 billion');
    expect(f!.quote).toBe('The agreement is valued at approx. $3.5 billion.');
    expect(f!.what).toBe('the value of the agreement');
    expect(f!.approximate).toBe(true);
  });
});

describe('figures', () => {
  it('prefers the correction notice: the corrected figure is marked and linked to the figure it replaces in the wire story', () => {
    const [fixed] = figuresIn('cps-correction-2026-03-05', '€14 billion');
    expect(fixed!.what).toMatch(/corrected.*Atlantic Compute Fund/);
    expect(fixed!.keywords).toContain('corrected');
    expect(fixed!.subjects[0]).toBe(entity('Atlantic Compute Fund').id);
    const [wire] = figuresIn('cps-wire-2026-03-03', '€12 billion');
    const link = k.corrections.find((c) => c.figure === fixed!.id);
    expect(link?.replaces).toContain(wire!.id);
    // The figure the notice confirms is described by its participle, not taken for a noun.
    expect(figuresIn('cps-correction-2026-03-05', '€8 billion')[0]!.what).toBe('what was pledged by 20 key investors');
  });

  it('reads ranges in words and in a table', () => {
    const [declared] = figuresIn('lisbon-declaration', 'between 30 and 50 billion euros');
    expect(declared).toMatchObject({ kind: 'money', amount: 30e9, currency: 'EUR', when: '2030' });
    expect(declared!.keywords).toContain('range');
    expect(figuresIn('lisbon-by-the-numbers', '€30–50bn')[0]).toMatchObject({ amount: 30e9, what: 'LCA investment target' });
  });

  it('reads percentages with what they are a share of', () => {
    const [share] = figuresIn('lisbon-declaration', 'at least 80%');
    expect(share).toMatchObject({ kind: 'percent', amount: 80, when: '2030' });
    expect(share!.what).toMatch(/^the share of the electricity used by Alliance hubs/);
  });

  it('reads counts in digits, words and list labels', () => {
    expect(figuresIn('cps-wire-2026-03-03', 'Fifty-eight countries')[0]).toMatchObject({ kind: 'count', amount: 58 });
    expect(figuresIn('cps-wire-2026-03-03', '20 key investors')[0]).toMatchObject({ kind: 'count', amount: 20, what: 'the number of key investors' });
    expect(figuresIn('fact-sheet', '1,214')[0]).toMatchObject({ kind: 'count', amount: 1214, what: 'the number of registered delegates' });
  });

  it('resolves relative dates against the document date, and a pronoun subject against the sentence before', () => {
    expect(figuresIn('cps-wire-2026-03-03', '€8 billion')[0]).toMatchObject({ when: '2026-03-03' });
    expect(figuresIn('lisbon-by-the-numbers', 'Wednesday')[0]).toMatchObject({ kind: 'date', when: '2026-03-04' });
    expect(figuresIn('thread-ritaabreutech', '4/3/2026')[0]).toMatchObject({ when: '2026-03-04' });
    const [opens] = figuresIn('lisbon-declaration', 'September 2026');
    expect(opens).toMatchObject({ when: '2026-09', what: 'when the Harbour programme will open to applications' });
    expect(opens!.subjects[0]).toBe(entity('Harbour').id);
  });

  it('describes money from its sentence and names who said it', () => {
    expect(figuresIn('lisbon-declaration', '900 million euros')[0]!.what).toBe('the budget of the Harbour programme');
    expect(figuresIn('cps-wire-2026-03-03', 'half a billion euros')[0]!.what).toBe('what Portugal will put into the site');
    const [chips] = figuresIn('cps-wire-2026-03-03', '58 countries');
    expect(chips!.who).toBe(entity('Marta Quintela').id);
    const gpu = figuresIn('interview-noor-castellan', 'up to 250,000 GPU-hours')[0]!;
    expect(gpu.who).toBe(entity('Noor Castellan').id);
  });

  it('skips questions: a question asserts no figure, the statement before it does', () => {
    expect(k.figures.filter((f) => f.quote === 'RK: Last question. What would failure look like in three years?' || f.quote.startsWith('What would failure'))).toEqual([]);
    const asked = figuresIn('thread-ritaabreutech', '61 countries')[0]!;
    expect(asked.quote).toMatch(/does the declaration get signed today\?/);
    expect(k.figures.some((f) => f.quote === asked.quote && f.display === 'today')).toBe(false);
  });
});

describe('entities', () => {
  it('takes acronyms defined in the text as aliases, with a description from the apposition', () => {
    const lca = entity('Lisbon Compute Alliance');
    expect(lca.aliases).toContain('LCA');
    expect(lca.kind).toBe('organisation');
    expect(lca.description).toMatch(/^an intergovernmental partnership/);
    expect(lca.definition[0]).toContain('Lisbon Compute Alliance (LCA)');
    expect(lca.questions[0]).toBe('What is the Lisbon Compute Alliance?');
    expect(entity('ACF').name).toBe('Atlantic Compute Fund');
  });

  it('knows people by title, surname and the initials the text uses, not by a state abbreviation', () => {
    const nc = entity('Noor Castellan');
    expect(nc.kind).toBe('person');
    expect(nc.aliases).toEqual(expect.arrayContaining(['Castellan', 'NC']));
    expect(nc.aliases).not.toContain('N.C.');
    expect(nc.description).toBe('Executive Director of the LCA');
    expect(entity('Marta Quintela').description).toBe("Portugal's minister for digital infrastructure");
  });

  it('clusters a misspelt surname under the spelling the correction gives', () => {
    const ceo = entity('Achterburg');
    expect(ceo.name).toBe('Desmond Achterberg');
    expect(ceo.aliases).toEqual(expect.arrayContaining(['Achterberg', 'Desmond Achterburg']));
    expect(ceo.description).toBe('Chief Executive Officer of Quillon');
  });

  it('links @handles written beside a name or holding it', () => {
    expect(entity('@RitaAbreuTech').name).toBe('Rita Abreu');
    expect(entity('@MartaQuintelaPT').name).toBe('Marta Quintela');
    expect(entity('@QuillonSemi').name).toBe('Quillon Semiconductors');
  });

  it('tells places from organisations and cities from countries where the text gives a sign', () => {
    expect(entity('Lisbon')).toMatchObject({ kind: 'place', place: 'city' });
    expect(entity('Sines')).toMatchObject({ kind: 'place', place: 'city', description: 'a port town south of Lisbon' });
    expect(entity('Ghana')).toMatchObject({ kind: 'place', place: 'country' });
    expect(entity('Harbour')).toMatchObject({ kind: 'programme' });
    expect(entity('Harbour').aliases).toContain('Harbour programme');
  });
});

describe('a document about something else', () => {
  it('extracts the harbour plan figures with who announced them and when', () => {
    const doc = fileDocument('tests/fixtures/harbour/harbour-plan.md');
    const kh = extractKnowledge([{ ...doc, meta: { published: '2024-05-14' } }]);
    const by = (display: string) => kh.figures.find((f) => f.display === display)!;
    const calder = kh.entities.find((e) => e.name === 'Ines Calder')!;
    expect(calder.kind).toBe('person');
    expect(by('€40 million')).toMatchObject({ what: 'what Northport will spend on a new container terminal', who: calder.id, when: '2024-05-14', currency: 'EUR', amount: 4e7 });
    expect(by('$30 million')).toMatchObject({ currency: 'USD', amount: 3e7 });
    expect(by('five years')).toMatchObject({ kind: 'duration', amount: 5 });
    expect(by('March 2025')).toMatchObject({ kind: 'date', when: '2025-03' });
    expect(kh.entities.find((e) => e.name === 'Atlantic Freight Group')?.kind).toBe('organisation');
    // A body named in lower case by its role, doing something: an entity, and who pledged.
    const council = kh.entities.find((e) => e.name === 'regional council')!;
    expect(council.kind).toBe('organisation');
    expect(by('€25 million')).toMatchObject({ who: council.id, what: 'what the regional council pledged for dredging the channel' });
    expect(council.questions).toContain('How much did the regional council pledge for dredging the channel?');
  });
});

describe('text shapes', () => {
  it('rejoins a bold run-in heading with the text it heads, and labels the figure with both', () => {
    const [f] = figuresIn('lisbon-by-the-numbers', '900 million euros');
    expect(f!.quote).toBe('The access programme: 900 million euros over five years for researchers, universities and startups.');
    expect(f!.what).toMatch(/access programme/);
    expect(f!.subjects[0]).toBe(entity('Harbour').id);
  });

  it('reads one figure per table row, labelled by the row', () => {
    const [row] = figuresIn('lisbon-by-the-numbers', '€9.4bn');
    expect(row!.quote).toBe('| Pledges from 20 key investors | €9.4bn | not stated | Firm |');
    expect(row!.what).toBe('Pledges from 20 key investors');
  });

  it('links a nationality adjective to its country', () => {
    expect(entity('Canada')).toMatchObject({ kind: 'place', place: 'country', adjectives: ['Canadian'] });
    expect(entity('Portugal')).toMatchObject({ kind: 'place', place: 'country' });
  });

  it('an adjective of a people names its place by a long shared start, the rule a question is read by too', () => {
    for (const [adjective, place] of [['Portuguese', 'Portugal'], ['Canadian', 'Canada'], ['Peruvian', 'Peru'], ['Romani', 'Romania'], ['Chinese', 'China']]) expect(adjectiveNamesPlace(adjective!, place!), adjective).toBe(true);
    // Irregular adjectives are not caught; a name is no adjective of itself; names of several words have none.
    for (const [adjective, place] of [['Spanish', 'Spain'], ['French', 'France'], ['Portugal', 'Portugal'], ['Porter', 'Portugal'], ['Newish', 'New York']]) expect(adjectiveNamesPlace(adjective!, place!), adjective).toBe(false);
  });

  it('reads an adjective that is a prefix of its place name ("Romani", "Romania") without failing', () => {
    const doc = documentFrom('history.md', '---\ntitle: A history\n---\nRomania is a country in Europe. The Romani merchants of Romania traded with Bulgaria. Romani traders came to Romania in 1400.\n');
    const found = extractKnowledge([doc]);
    expect(found.entities.some((e) => e.name === 'Romania')).toBe(true);
  });
});
