/**
 * Each stage of answering on its own, on the bundled article and on a
 * fixture about something else (a harbour plan): generation finds the
 * sentence that answers among its first candidates, and what a plain search
 * puts first; the features say what a passage covers; the model's parts add
 * up to its score; the decision answers above the threshold and abstains
 * below it, naming what nothing covers; every quote composed is verbatim.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { loadCorpus } from '../../src/corpus/load.js';
import { buildKnowledge, type Knowledge } from '../../src/knowledge/knowledge.js';
import { analyzeQuestion } from '../../src/understand/question.js';
import { retrieve } from '../../src/generate/retrieve.js';
import { propose } from '../../src/generate/propose.js';
import { FEATURE_NAMES, proposalFeatures, questionFeatures } from '../../src/score/features.js';
import { RankingModel } from '../../src/score/model.js';
import { decide } from '../../src/decide/decide.js';
import { createEngine, type Engine, type Explanation } from '../../src/index.js';
import { BUNDLED_CORPUS } from '../helpers/corpus.js';

const HARBOUR = fileURLToPath(new URL('../fixtures/harbour/', import.meta.url));
const explanation = (): Explanation => ({ question: '', type: '', entities: [], terms: [], expandedTerms: [], candidates: [], decision: '' });

let bundled: Knowledge;
let harbour: Knowledge;
let harbourEngine: Engine;

beforeAll(async () => {
  bundled = buildKnowledge(await loadCorpus(BUNDLED_CORPUS));
  harbour = buildKnowledge(await loadCorpus(HARBOUR));
  harbourEngine = await createEngine({ corpusDir: HARBOUR, snapshot: false, onWarning: () => {} });
});
afterAll(() => undefined);

/** The sentence of a knowledge's documents that holds this text. */
const sentenceWith = (k: Knowledge, text: string) => k.passages.find((p) => p.sentence.text.includes(text))!;

describe('generate: candidates from several retrievers', () => {
  it.each([
    ['bundled', 'how much cash does the french package put up', () => bundled, 'around $112 billion'],
    ['bundled', 'whats the point of the gigafactories according to her', () => bundled, 'the next step is to launch AI GigaFactories'],
    ['harbour', 'how much is the town spending on the container terminal', () => harbour, '€40 million on a new container terminal'],
    ['harbour', 'when does the building work begin', () => harbour, 'Construction starts in March 2025'],
  ])('%s: the answering sentence is among the first 20 candidates: %s', (_name, question, k, text) => {
    const candidates = retrieve(analyzeQuestion(question, k()), k());
    const at = candidates.slice(0, 20).findIndex((c) => c.passage === sentenceWith(k(), text));
    expect(at).toBeGreaterThanOrEqual(0);
  });

  it('what a plain search of the words as typed puts first is always a candidate', () => {
    for (const [k, question] of [[bundled, 'stargate four years'], [harbour, 'dredging channel council']] as const) {
      const candidates = retrieve(analyzeQuestion(question, k), k);
      expect(candidates.some((c) => c.ranks.plain === 1)).toBe(true);
    }
  });

  it('the sentence after a good candidate joins as its neighbour ("It will open…" after the name)', () => {
    const candidates = retrieve(analyzeQuestion('will the terminal be open to all shipping lines', harbour), harbour);
    expect(candidates.some((c) => c.ranks.neighbour > 0)).toBe(true);
  });
});

describe('score: features and the model', () => {
  it('coverage features tell a sentence holding the question’s words from one that does not', () => {
    const q = analyzeQuestion('how much did the regional council pledge for dredging', harbour);
    const { candidates, proposals } = propose(q, harbour);
    const xs = proposalFeatures(questionFeatures(q, harbour), harbour, proposals, candidates);
    const cov = FEATURE_NAMES.indexOf('exact_cov');
    const pledge = proposals.findIndex((p) => p.evidence?.passage === sentenceWith(harbour, 'pledged a further €25 million'));
    const other = proposals.findIndex((p) => p.kind === 'sentence' && !/council|dredg|pledge/i.test(p.evidence!.passage!.sentence.text));
    expect(pledge).toBeGreaterThanOrEqual(0);
    expect(other).toBeGreaterThanOrEqual(0);
    expect(xs[pledge]![cov]!).toBeGreaterThan(xs[other]![cov]!);
  });

  it('a proposal’s feature contributions and the rest add up to its score', () => {
    const q = analyzeQuestion('how much will stargate spend', bundled);
    const { candidates, proposals } = propose(q, bundled);
    const model = new RankingModel();
    const x = proposalFeatures(questionFeatures(q, bundled), bundled, proposals, candidates)[0]!;
    const all = model.contributions(x, FEATURE_NAMES.length);
    const shown = all.reduce((n, c) => n + c.contribution, 0);
    // Contributions under 0.005 are left out of the list; the rest of the score is theirs.
    expect(Math.abs(model.score(x) - shown)).toBeLessThan(0.005 * FEATURE_NAMES.length);
  });
});

describe('decide: one threshold, and a refusal that names what is missing', () => {
  it('answers when the best proposal clears the threshold, abstains when it does not', () => {
    const q = analyzeQuestion('how much is the atlantic freight group putting in', harbour);
    expect(decide(q, harbour, explanation(), { threshold: 0 }).answer.answered).toBe(true);
    expect(decide(q, harbour, explanation(), { threshold: 1 }).answer.answered).toBe(false);
  });

  it('a refusal names the telling words the sources never use', () => {
    const q = analyzeQuestion('how many cranes will the terminal have', harbour);
    const { answer } = decide(q, harbour, explanation(), { threshold: 1 });
    expect(answer.answered).toBe(false);
    expect(answer.answer).toMatch(/cranes/);
  });

  it('the explanation lists the proposals weighed, with each one’s probability and reasons', () => {
    const ex = explanation();
    decide(analyzeQuestion('who announced the terminal', harbour), harbour, ex, {}, true);
    expect(ex.candidates.length).toBeGreaterThan(0);
    for (const c of ex.candidates) {
      expect(c.score).toBeGreaterThanOrEqual(0);
      expect(c.score).toBeLessThanOrEqual(1);
    }
    expect(ex.candidates[0]!.reasons.length).toBeGreaterThan(0);
  });
});

describe('compose: every quote verbatim', () => {
  it.each([
    'how much is the terminal',
    'who is calder',
    'will the terminal be open to everyone?',
    'compare the council pledge with the freight group money',
    'tl;dr',
  ])('harbour: %s', (question) => {
    const a = harbourEngine.ask(question);
    for (const q of a.quotes) expect(harbourEngine.documentText(q.source.documentId)!.slice(q.source.start, q.source.end)).toBe(q.text);
  });
});
