/**
 * Every answer the English engine gives, worded in French, keeps no English
 * template phrase outside « »: the real engine is asked many English
 * questions (the project's question set about the bundled corpus, and
 * questions about the forum fixture, and those of the training collections
 * in many genres), follow-ups about the previous answer, greetings and
 * unusable questions, and each answer is put through inFrench. Quotes and figures come out unchanged.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer.js';
import { inFrench } from '../../src/compose/french.js';
import { openForum, openSummit, type TestEngine } from '../helpers/fixtures.js';
import { loadCollections } from '../training/collections.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { createEngine } from '../../src/index.js';

/** English wording any template writes; none of it may be left outside « ». */
const ENGLISH_TEMPLATE = /\b(?:the sources?|according to|said|says|don't|doesn't|mention|against|times the|in all|adding|which the|given earlier|differ|Yes|No|what they say|In short|main figures|I answer|You're|Please|couldn't|answer quotes|paragraph|publisher|names no|exchange rate|currencies|signed the post|Signed by|as the source gives|day of publication|worked out|added up|a sum of|not a figure|same size|the first|the second|was an?|earlier figure|came from|tie it to|it was|the|and|of|for|what|when|where|who)\b/;

/** The answer text without what it frames as English or quotes. */
const outsideFrames = (text: string) => text.replace(/«[^»]*»/g, '«»');

let summit: TestEngine;
let forum: TestEngine & { remove(): void };
beforeAll(async () => {
  [summit, forum] = await Promise.all([openSummit(), openForum()]);
});
afterAll(() => forum?.remove());

const summitQuestions = (JSON.parse(readFileSync(new URL('../eval/cases.json', import.meta.url), 'utf8')) as { cases: { q: string }[] }).cases.map((c) => c.q);
const forumQuestions = [
  'How much is Harbour?', 'Who is Noor Castellan?', 'How many countries signed the declaration?', 'When did the forum close?', 'Where is the secretariat?',
  'How much is the Atlantic Compute Fund?', 'Compare Harbour and the Quillon chips', 'What are the main figures?', 'Was the forum in Madrid?', 'Is Harbour 500 million euros?',
  'Who supplies the chips?', 'How long is Harbour?', 'What is the total of Harbour and the Sines hub?', 'Did Quillon announce the Harbour programme?', 'tl;dr',
  'What share of the fund is Harbour?', 'How much is Harbour in dollars?', 'Who posted the thread?', 'What did Noor Castellan say about access?', 'Was the declaration signed on a Tuesday?',
  'Is the Atlantic Compute Fund 12 billion?', 'What is the LCA?', 'How much did the 20 investors pledge?', 'Who won the cup final?', 'What did the mayor of Porto eat for lunch?',
  'Harbour plus the Quillon chips?', 'Add up every amount', 'When was the Lisbon declaration signed, and how many countries signed it?',
];
const documentQuestions = ['Who wrote the article?', 'When was the article published?', 'What is the title of the article?', 'Who published this report?', 'What kind of document is it?', 'Is the article machine translated?', 'What is the link to the article?'];
const conversation = ['How much is InvestAI?', 'source?', 'who said that?', 'and Stargate?', 'when?'];
const odd = ['', '!!!???', 'x'.repeat(20_000), 'hello', 'thanks', 'help'];

/** What is wrong with an answer's French: English left outside « », or quotes or figures changed. */
function problems(engineName: string, question: string, a: Answer): string[] {
  const f = inFrench(a);
  const out: string[] = [];
  if (JSON.stringify(f.quotes) !== JSON.stringify(a.quotes) || JSON.stringify(f.figures) !== JSON.stringify(a.figures)) out.push(`${engineName} ${question}: quotes or figures changed`);
  const left = ENGLISH_TEMPLATE.exec(outsideFrames(f.answer))?.[0];
  if (left) out.push(`${engineName} ${question}\n  EN ${a.answer}\n  FR ${f.answer}\n  left: ${left}`);
  return out;
}

describe('every English answer, worded in French', () => {
  it('the bundled corpus: the project question set, a conversation, greetings and unusable questions', () => {
    const found = [...summitQuestions, ...documentQuestions, ...odd].flatMap((q) => problems('summit', q.slice(0, 80), summit.ask(q)));
    for (const q of conversation) found.push(...problems('summit', q, summit.ask(q, { conversation: 'fr-templates' })));
    expect(found).toEqual([]);
  });

  it('the forum fixture', () => {
    const found = [...forumQuestions, ...documentQuestions, ...odd].flatMap((q) => problems('forum', q.slice(0, 80), forum.ask(q)));
    for (const q of ['How much is Harbour?', 'source?', 'who said that?', 'and the fund?']) found.push(...problems('forum', q, forum.ask(q, { conversation: 'fr-forum' })));
    expect(found).toEqual([]);
  });

  // A safety net against a hang, not a guess at speed: some 34 corpora are indexed here.
  it('the training collections, in many genres', { timeout: 300_000 }, async () => {
    const found: string[] = [];
    for (const c of loadCollections()) {
      const engine = await createEngine({ corpus: await loadCorpus(c.corpusDir), snapshot: false });
      for (const k of c.cases.slice(0, QUESTIONS_PER_COLLECTION)) found.push(...problems(c.name, k.q.slice(0, 80), engine.ask(k.q)));
    }
    expect(found).toEqual([]);
  });
});

/** Questions asked of each training collection. */
const QUESTIONS_PER_COLLECTION = 20;
