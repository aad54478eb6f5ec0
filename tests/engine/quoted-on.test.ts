/**
 * Two kinds of evidence a question about a speaker or a deed needs:
 * - a quotation runs on: a speaker's next paragraph may be about what the
 *   paragraph before named ("We will focus on…" after "…the Open Stacks
 *   programme…"), and answers a question naming both;
 * - "Which firm will <verb> X?": when the sources never use the verb, no name
 *   they give is the answer; the bot says what it lacks.
 * On the bundled article and on a library fixture (no curation files).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRefusing, openSummit, openWritten, type TestEngine } from '../helpers/fixtures.js';
import { buildKnowledge } from '../../src/knowledge/knowledge.js';
import { analyzeQuestion } from '../../src/understand/question.js';
import { FEATURE_NAMES, proposalFeatures, questionFeatures } from '../../src/score/features.js';
import { propose } from '../../src/generate/propose.js';
import { RankingModel } from '../../src/score/model.js';

const MODEL = new RankingModel();

const LIBRARY = `---
title: Minister presents library plan
published: 2024-09-06
---
# Minister presents library plan

Rosa Ibarra, the culture minister, spoke in Valdemoro on Friday.

“Today we can announce that the Open Stacks programme will receive €12 million. This aims to bring books to every village,” Ibarra said.

“We will focus on rural branches and mobile reading rooms. It will become the largest reading network in the region,” she added.

The Valdemoro Library Trust will run the mobile reading rooms.
`;

let libraryCorpus: TestEngine & { dir: string; remove(): void };
let summit: TestEngine;
const library = (q: string) => libraryCorpus.ask(q);

beforeAll(async () => {
  [libraryCorpus, summit] = await Promise.all([openWritten({ 'stacks.md': LIBRARY }), openSummit()]);
});
afterAll(() => libraryCorpus?.remove());

describe('a quotation that runs on', () => {
  it('library: the speaker’s next paragraph answers about the programme named before', () => {
    const a = library('what did ibarra say open stacks would focus on?');
    expect(a.answered).toBe(true);
    expect(a.quotes[0]?.text).toContain('We will focus on rural branches');
  });

  it('bundled: what the initiative will concentrate on, in her words', () => {
    const a = summit.verbatim(summit.best('according to von der leyen, what will investai concentrate on?')!);
    expect(a.quotes[0]?.text).toContain('industrial and mission-critical applications');
  });
});

// Whether such a question is refused is the model's to weigh (measured on question sets); here: the
// question is read as asking about a deed the corpus never speaks of, the reading counts against an answer,
// and a refusal names the deed.
describe('who does a deed the sources never speak of', () => {
  /** The deed's verb is unknown, the question is marked as asking of an unseen deed, and the sentence naming its object leaves a telling word uncovered, which the model weighs against. */
  const unseenDeed = (t: TestEngine, question: string, verb: string, sentence: string) => {
    const k = buildKnowledge(t.corpus);
    const q = analyzeQuestion(question, k);
    expect(q.terms.find((w) => w.word === verb)?.known).toBe(false);
    const qf = questionFeatures(q, k);
    expect(qf.base.get(FEATURE_NAMES.indexOf('q_unseen_event'))).toBe(1);
    const { candidates, proposals } = propose(q, k);
    const xs = proposalFeatures(qf, k, proposals, candidates);
    const at = proposals.findIndex((p) => p.kind === 'sentence' && p.evidence?.passage?.sentence.text.includes(sentence));
    expect(at, `no proposal for “${sentence}”`).toBeGreaterThanOrEqual(0);
    expect(xs[at]![FEATURE_NAMES.indexOf('uncovered')]).toBeGreaterThan(0);
    expect(MODEL.weights.weights[MODEL.weights.features.indexOf('uncovered')]).toBeLessThan(0);
  };

  it('library: no name is the painter', async () => {
    unseenDeed(libraryCorpus, 'which company will paint the mobile reading rooms?', 'paint', 'The Valdemoro Library Trust will run');
    const refusing = await openRefusing(libraryCorpus.dir);
    expect(refusing.ask('which company will paint the mobile reading rooms?').answer).toContain('paint');
    const b = library('who will run the mobile reading rooms?');
    expect(b.answered).toBe(true);
    expect(b.quotes[0]?.text).toContain('Valdemoro Library Trust');
  });

  it('bundled: nobody is said to demolish anything', () => {
    unseenDeed(summit, 'which company will demolish the gigafactories?', 'demolish', 'GigaFactories');
  });
});
