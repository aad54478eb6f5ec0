/**
 * A French word's other English senses as stand-ins the English engine can
 * search: the question analysis knows a word through them and lists them
 * as expansions, through the lexicon's expand(), leaving the corpus's own
 * lexicon as it was. On the bundled article and on the forum fixture.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import { buildKnowledge, type Knowledge } from '../../src/knowledge/knowledge.js';
import { analyzeQuestion } from '../../src/understand/question.js';
import { stemWord } from '../../src/text/analyze.js';
import { frenchStandIns, knowledgeWithStandIns, readFrench } from '../../src/understand/french/index.js';
import { BUNDLED_CORPUS } from '../helpers/corpus.js';
import { FORUM_FIXTURE } from '../helpers/fixtures.js';
import { dictionaryInstalled, withDictionary } from './helpers.js';

let summit: Knowledge;
let forum: Knowledge;
beforeAll(async () => {
  [summit, forum] = await Promise.all([loadCorpus(BUNDLED_CORPUS), loadCorpus(FORUM_FIXTURE)]).then((corpora) => corpora.map((c) => buildKnowledge(c)));
});

describe.skipIf(!dictionaryInstalled)('stand-ins of a French reading', () => {
  it('map the stem of each word read to the stems of its other senses', () => {
    const standIns = frenchStandIns(readFrench('les entreprises privées', withDictionary()));
    expect(standIns.get(stemWord('companies'))).toEqual(expect.arrayContaining([stemWord('enterprises'), stemWord('businesses')]));
  });

  it('make a word the corpus lacks known through a sense it has ("puissance" read as force; the article says "power")', () => {
    const reading = readFrench('Quelle puissance faut-il pour les modèles ?', withDictionary());
    expect(reading.english).toMatch(/\bforce\b/);
    const plain = analyzeQuestion(reading.english, summit);
    const widened = analyzeQuestion(reading.english, knowledgeWithStandIns(summit, frenchStandIns(reading)));
    expect(plain.terms.find((t) => t.word === 'force')?.known).toBe(false);
    expect(widened.terms.find((t) => t.word === 'force')?.known).toBe(true);
    expect(widened.expansions).toContain(stemWord('power'));
  });

  it('work on another corpus: "la séance d’ouverture" read as overture stands in for "opening" (the forum’s word)', () => {
    const reading = readFrench('Qui a parlé à la séance d’ouverture ?', withDictionary());
    expect(reading.english).toMatch(/overture/);
    const widened = analyzeQuestion(reading.english, knowledgeWithStandIns(forum, frenchStandIns(reading)));
    expect(analyzeQuestion(reading.english, forum).terms.find((t) => t.word === 'overture')?.known).toBe(false);
    expect(widened.terms.find((t) => t.word === 'overture')?.known).toBe(true);
    expect(widened.expansions).toContain(stemWord('opening'));
  });

  it('leave the corpus’s own lexicon and knowledge as they were', () => {
    const reading = readFrench('les entreprises privées', withDictionary());
    const widened = knowledgeWithStandIns(summit, frenchStandIns(reading));
    expect(widened.lexicon.expand(stemWord('companies'))).toContain(stemWord('enterprises'));
    expect(summit.lexicon.expand(stemWord('companies'))).not.toContain(stemWord('enterprises'));
    expect(widened.passages).toBe(summit.passages);
    expect(knowledgeWithStandIns(summit, new Map())).toBe(summit);
  });
});
