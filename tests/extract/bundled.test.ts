import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import { extractKnowledge } from '../../src/extract/index.js';
import { BUNDLED_CORPUS } from '../helpers/corpus.js';
import { curatedRecall } from './curated-recall.js';

describe('the bundled article without its yaml', () => {
  it('recovers every curated figure and most curated entities from the text alone', async () => {
    const recall = await curatedRecall(BUNDLED_CORPUS);
    expect(recall.figures.missed).toEqual([]);
    expect(recall.entities.recovered / recall.entities.curated).toBeGreaterThanOrEqual(0.7);
  });

  it('clusters the spellings of one name, misspelt ones included, under the full name', async () => {
    const { documents } = await loadCorpus(BUNDLED_CORPUS);
    const k = extractKnowledge(documents);
    const vdl = k.entities.find((e) => e.aliases.includes('von der Reyen') || e.aliases.includes('Reyen'));
    expect(vdl?.name).toBe('Ursula von der Leyen');
    expect(vdl?.kind).toBe('person');
    expect(vdl?.aliases).toEqual(expect.arrayContaining(['Von Der Leyen', '@vonderleyen']));
    const stargate = k.figures.find((f) => f.display === 'up to $500 billion')!;
    expect(stargate).toMatchObject({ amount: 500e9, currency: 'USD', when: '2025-01' });
    expect(stargate.what).toMatch(/Stargate project promised/);
    const eu = k.entities.find((e) => e.aliases.includes('EU'));
    expect(eu?.name).toBe('European Union');
  });

  it('attributes figures to "she told ..." in the same quoted paragraph and to the signature under an embedded post', async () => {
    const { documents } = await loadCorpus(BUNDLED_CORPUS);
    const k = extractKnowledge(documents);
    const vdl = k.entities.find((e) => e.name === 'Ursula von der Leyen')!;
    expect(k.figures.find((f) => f.display === '150 billion euros')?.who).toBe(vdl.id);
    expect(k.figures.find((f) => f.display === '€200 billion')?.who).toBe(vdl.id);
    expect(k.figures.find((f) => f.display === 'up to $500 billion')?.who).toBe(k.entities.find((e) => e.name === 'Stargate')!.id);
    const president = k.entities.find((e) => e.id === 'french-president')!;
    expect(president.kind).toBe('person');
    expect(k.figures.find((f) => f.display === 'around $112 billion')?.who).toBe(president.id);
  });
});

describe('the harbour fixture without its yaml', () => {
  it('recovers every curated figure', async () => {
    const recall = await curatedRecall('tests/fixtures/harbour');
    expect(recall.figures.missed).toEqual([]);
  });
});
