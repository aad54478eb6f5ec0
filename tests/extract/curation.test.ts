import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import { extractKnowledge, mergeWithCurated } from '../../src/extract/index.js';
import { BUNDLED_CORPUS } from '../helpers/corpus.js';

describe('curated yaml on top of extracted knowledge', () => {
  it('keeps curated records, absorbs extracted duplicates, keeps ids unique and references whole', async () => {
    const corpus = await loadCorpus(BUNDLED_CORPUS);
    const auto = extractKnowledge(corpus.documents);
    const merged = mergeWithCurated(corpus, auto);

    const entityIds = merged.entities.map((e) => e.id);
    expect(new Set(entityIds).size).toBe(entityIds.length);
    const figureIds = merged.figures.map((f) => f.id);
    expect(new Set(figureIds).size).toBe(figureIds.length);
    const known = new Set(entityIds);
    for (const f of merged.figures) for (const ref of [f.who, ...f.subjects]) if (ref) expect(known.has(ref), `${f.id} -> ${ref}`).toBe(true);

    // Every curated figure is there as written, and the extracted copy of it is gone.
    for (const c of corpus.figures) expect(merged.figures.find((f) => f.id === c.id)).toBe(c);
    expect(merged.figures.filter((f) => f.at.documentId === 'eu-courts-private-sector-for-ai-gigafactories' && f.amount === 112e9)).toHaveLength(1);

    // The curated person keeps its description and gains the spellings found in the text.
    const vdl = merged.entities.find((e) => e.id === 'ursula-von-der-leyen')!;
    expect(vdl.description).toBe('President of the European Commission');
    expect(vdl.aliases).toEqual(expect.arrayContaining(['von der Reyen', 'Reyen']));
    expect(merged.entities.filter((e) => e.name === 'Ursula von der Leyen')).toHaveLength(1);
  });
});
