/**
 * What used to stop an answer outright (a word the corpus never uses, a
 * missing kind of fact, a subject or speaker absent from the sentence) is now
 * a feature the ranking weighs against the proposal. Each case checks that
 * the feature is set on the proposal it concerns and, where the trained model
 * has learned to, that it counts against the answer; whether the question is then refused is the
 * model's decision, measured on question sets rather than fixed here. How a
 * refusal names what is missing is checked on an engine that refuses
 * everything.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import { buildKnowledge, type Knowledge } from '../../src/knowledge/knowledge.js';
import { analyzeQuestion } from '../../src/understand/question.js';
import { propose } from '../../src/generate/propose.js';
import { FEATURE_NAMES, proposalFeatures, questionFeatures } from '../../src/score/features.js';
import { RankingModel } from '../../src/score/model.js';
import { BUNDLED_CORPUS } from '../helpers/corpus.js';
import { HARBOUR_FIXTURE, openRefusing, openWritten } from '../helpers/fixtures.js';
import type { Engine } from '../../src/index.js';

let summit: Knowledge;
let harbour: Knowledge;
let refusingSummit: Engine;
let refusingHarbour: Engine;
const model = new RankingModel();

beforeAll(async () => {
  summit = buildKnowledge(await loadCorpus(BUNDLED_CORPUS));
  harbour = buildKnowledge(await loadCorpus(HARBOUR_FIXTURE));
  [refusingSummit, refusingHarbour] = await Promise.all([openRefusing(BUNDLED_CORPUS), openRefusing(HARBOUR_FIXTURE)]);
});

/** A feature of the sentence proposal holding this text, and the model's weight on the feature. */
function featureOf(k: Knowledge, question: string, sentence: string, feature: string): { value: number; weight: number } {
  const q = analyzeQuestion(question, k);
  const { candidates, proposals } = propose(q, k);
  const xs = proposalFeatures(questionFeatures(q, k), k, proposals, candidates);
  const at = proposals.findIndex((p) => p.kind === 'sentence' && p.evidence?.passage?.sentence.text.includes(sentence));
  expect(at, `no proposal for “${sentence}”`).toBeGreaterThanOrEqual(0);
  const i = FEATURE_NAMES.indexOf(feature);
  const w = model.weights;
  const j = w.features.indexOf(feature);
  return { value: xs[at]![i]!, weight: j < 0 ? 0 : w.weights[j]! };
}

describe('a missing kind of fact', () => {
  it('"which companies…" without a company named in the sentence: fit_required_missing, weighed against', () => {
    const f = featureOf(summit, 'which companies are in the european ai champions initiative?', 'We welcome the European AI Champions initiative', 'fit_required_missing');
    expect(f.value).toBe(1);
    expect(f.weight).toBeLessThan(0);
    const g = featureOf(harbour, 'Which shipping companies will use the terminal?', 'The terminal will open to every shipping line', 'fit_required_missing');
    expect(g.value).toBe(1);
  });
});

describe('telling words nothing in the corpus covers', () => {
  it('a word near a corpus word but another word ("investigation", "lunch") is unknown, and a refusal names it', () => {
    for (const [question, word, stem] of [
      ['How much is the investigation costing?', 'investigation', 'investig'],
      ['Who paid for the lunch at the summit?', 'lunch', 'lunch'],
    ] as const) {
      const q = analyzeQuestion(question, summit);
      expect(q.terms.find((t) => t.stem === stem)?.known).toBe(false);
      expect(refusingSummit.ask(question).answer).toBe(`The sources don't mention ${word}.`);
    }
  });

  it('the warehouse a question asks about is uncovered in the sentence about the terminal', () => {
    const f = featureOf(harbour, 'How much did Northport pledge for the warehouse?', 'Northport will spend €40 million', 'uncovered');
    expect(f.value).toBeGreaterThan(0);
    expect(f.weight).toBeLessThan(0);
  });
});

describe('a name the corpus never uses, however it is typed', () => {
  it('a lower-case name no dictionary knows is an unknown name, not a rare word a letter away ("nvidia" is no "invidia"), and a refusal names it', () => {
    for (const [k, refusing, question, word] of [
      [summit, refusingSummit, 'what chips are they gonna use, nvidia or what?', 'nvidia'],
      [harbour, refusingHarbour, 'will the terminal be run by nvidia?', 'nvidia'],
    ] as const) {
      const q = analyzeQuestion(question, k);
      expect(q.terms.find((t) => t.word.toLowerCase() === word)).toMatchObject({ known: false, named: true });
      // A question-level feature: it weighs on every proposal, and on whether any answers.
      expect(questionFeatures(q, k).base.get(FEATURE_NAMES.indexOf('q_unknown_name'))).toBeGreaterThan(0);
      expect(refusing.ask(question).answer).toBe(`The sources don't mention ${word}.`);
    }
    expect(model.weights.weights[model.weights.features.indexOf('q_unknown_name')]).toBeLessThan(0);
  });

  it('a word English knows only as a name is one however typed ("germany", "uk"); of two alternatives, the one the sources lack is an option, not a missing name', () => {
    for (const [k, question, word] of [
      [summit, 'how much did germany put in?', 'germany'],
      [summit, 'did the us and uk sign the declaration?', 'uk'],
      [harbour, 'is the terminal going to ship to brazil?', 'brazil'],
    ] as const) {
      const q = analyzeQuestion(question, k);
      expect(q.terms.find((t) => t.word.toLowerCase() === word), question).toMatchObject({ known: false, named: true });
      expect(questionFeatures(q, k).base.get(FEATURE_NAMES.indexOf('q_unknown_name')), question).toBeGreaterThan(0);
    }
    // Everyday words stay words, a weekday's short form is no name ("mon" is not the Mon people).
    for (const word of ['gist', 'capital', 'mon']) expect(analyzeQuestion(`what about the ${word}?`, summit).terms.find((t) => t.word === word)?.named, word).toBeFalsy();
    expect(analyzeQuestion('paris or london?', summit).terms.find((t) => t.word === 'london')?.named).toBeFalsy();
    expect(analyzeQuestion('what about london?', summit).terms.find((t) => t.word === 'london')?.named).toBe(true);
  });

  it('an adjective of a people the documents never write names their place ("Portuguese": Portugal), a subject not a missing name', async () => {
    const written = await openWritten({ 'hubs.md': '---\ntitle: Hubs\n---\nThe first hub will be built in Portugal, at Sines. The minister of Portugal, Ana Quintela, said the hub would open in 2028.\n' });
    try {
      const q = analyzeQuestion('what did the portuguese minister say about the hub?', buildKnowledge(await loadCorpus(written.dir)));
      expect(q.entities.map((e) => [e.entity.name, e.adjective])).toEqual([['Portugal', true]]);
      expect(q.terms.find((t) => t.word === 'portuguese')?.named).toBeFalsy();
    } finally {
      written.remove();
    }
  });

  it('a misspelt everyday word is still read as the word meant, a weekday put forward is no name', () => {
    const q = analyzeQuestion('how much is the goverment putting in on thursday?', harbour);
    expect(q.terms.find((t) => t.word === 'goverment')?.named).toBeFalsy();
    const thursday = q.terms.find((t) => t.word === 'thursday');
    expect(thursday?.known).toBe(false);
    expect(thursday?.named).toBeFalsy();
  });
});

describe('a subject or speaker absent', () => {
  it('what Macron said about gigafactories: a sentence where he does not speak misses a subject (every_subject 0)', () => {
    const f = featureOf(summit, 'what did macron say about gigafactories', 'AI GigaFactories is “open for the best talent.”', 'every_subject');
    expect(f.value).toBe(0);
  });

  it('what Atlantic Freight said about the dredging: the dredging sentence is not theirs', () => {
    const f = featureOf(harbour, 'What did Atlantic Freight say about the dredging?', 'dredging the channel', 'every_subject');
    expect(f.value).toBe(0);
    expect(refusingHarbour.ask('What did Atlantic Freight say about the dredging?').answered).toBe(false);
  });
});
