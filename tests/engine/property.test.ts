/** For any string: ask() never throws, returns a valid Answer, and every quote is the exact body slice it cites. */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus, type Corpus } from '../../src/corpus/load.js';
import { answerSchemas, createEngine, type Engine } from '../../src/index.js';

const { AnswerSchema } = answerSchemas();
import { BUNDLED_CORPUS } from '../helpers/corpus.js';

let engine: Engine;
let corpus: Corpus;
const internalErrors: unknown[] = [];
beforeAll(async () => {
  corpus = await loadCorpus(BUNDLED_CORPUS);
  // The engine turns an internal failure into a polite Answer; here any such failure fails the test.
  engine = await createEngine({ corpus, onInternalError: (error) => internalErrors.push(error) });
});

// Words of the corpus and of questions, so generated strings often hit real passages.
const vocabulary = ['how', 'much', 'InvestAI', 'stargate', 'when', 'who', 'billion', '€200', '$500bn', 'gigafactories', 'and', 'the', 'US', 'von der Leyen', 'compare', 'total', 'why', '?', 'it', 'Japan'];
const questionish = fc.array(fc.constantFrom(...vocabulary), { maxLength: 8 }).map((w) => w.join(' '));
const anyText = fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 100 }), questionish);

describe('ask() on arbitrary input', () => {
  it('returns a valid Answer whose quotes are exact slices of their documents, and never throws', () => {
    fc.assert(
      fc.property(anyText, fc.option(fc.constantFrom('p1', 'p2'), { nil: undefined }), (question, conversation) => {
        const answer = engine.ask(question, conversation ? { conversation } : {});
        expect(AnswerSchema.safeParse(answer).success).toBe(true);
        for (const q of answer.quotes) {
          const doc = corpus.documents.find((d) => d.id === q.source.documentId)!;
          expect(doc.body.slice(q.source.start, q.source.end)).toBe(q.text);
          expect(doc.paragraphs[q.source.paragraph - 1]!.start).toBeLessThanOrEqual(q.source.start);
        }
        if (answer.answered) expect(answer.quotes.length).toBeGreaterThan(0);
      }),
      { numRuns: 400 },
    );
    expect(internalErrors).toEqual([]);
  });
});
