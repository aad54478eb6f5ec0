/**
 * What an answer says once its proposal is chosen, whichever the ranking
 * chooses: a who-question answered from quoted words does not name their
 * speaker as the one asked about; a sum of amounts in two currencies says it
 * cannot be added up. On the harbour fixture and the bundled article.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import { buildKnowledge, type Knowledge } from '../../src/knowledge/knowledge.js';
import { analyzeQuestion } from '../../src/understand/question.js';
import { propose } from '../../src/generate/propose.js';
import { BUNDLED_CORPUS } from '../helpers/corpus.js';
import { HARBOUR_FIXTURE } from '../helpers/fixtures.js';

let summit: Knowledge;
let harbour: Knowledge;

beforeAll(async () => {
  summit = buildKnowledge(await loadCorpus(BUNDLED_CORPUS));
  harbour = buildKnowledge(await loadCorpus(HARBOUR_FIXTURE));
});

const proposalsOf = (k: Knowledge, question: string) => propose(analyzeQuestion(question, k), k).proposals;

describe('composed answers', () => {
  it('who: the quoted words answer, not their speaker', () => {
    const sentence = proposalsOf(harbour, 'Who can use the terminal?').find((p) => p.evidence?.passage?.sentence.text.includes('every shipping line'))!;
    const a = sentence.compose(0.8, []);
    expect(a.answer.startsWith('Ines Calder,')).toBe(false);
    expect([a.answer, a.quotes[0]!.text].join(' ')).toContain('every shipping line');
  });

  it('a sum of euros and dollars is not added up, and says so', () => {
    const sum = proposalsOf(harbour, 'Add up the terminal budget and the Atlantic Freight warehouse').find((p) => p.kind === 'sum')!;
    expect(sum.compose(0.8, []).answer).toMatch(/^These can't be added up directly: .* are in different currencies \(EUR and USD\)/);
    const other = proposalsOf(summit, 'What do InvestAI and Stargate add up to?').find((p) => p.kind === 'sum')!;
    const text = other.compose(0.8, []).answer;
    expect(text).toContain("can't be added up directly");
    expect(text).not.toMatch(/700 billion/);
  });
});
