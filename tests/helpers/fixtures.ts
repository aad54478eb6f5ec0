/**
 * Engines over the test corpora, with the bodies of their documents, so a
 * test can check that every quote is an exact slice of what it cites:
 * the bundled corpus, the curated harbour fixture, the harbour document
 * alone (no yaml: what the bot extracts by itself) and the forum texts.
 */
import { cpSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import { createEngine, type Answer, type Engine, type EngineOptions } from '../../src/index.js';
import { BUNDLED_CORPUS, tempCorpus, type TempCorpus } from './corpus.js';
import { buildKnowledge, type Knowledge } from '../../src/knowledge/knowledge.js';
import { analyzeQuestion } from '../../src/understand/question.js';
import { readMessage } from '../../src/text/message.js';
import { propose, sentenceProposal } from '../../src/generate/propose.js';
import { measurePassage } from '../../src/generate/retrieve.js';
import { claimOf } from '../../src/generate/verify.js';
import type { Proposal, ProposalKind } from '../../src/generate/proposal.js';
import { proposalFeatures, questionFeatures } from '../../src/score/features.js';
import { RankingModel } from '../../src/score/model.js';
import { similarCoverage } from '../../src/score/similar.js';
import { loadWordVectors } from '../../src/text/word-vectors.js';

const MODEL = new RankingModel();

/** The question as the engine reads it: a tagged statement ("…, right?") is a claim to check. */
function read(question: string, k: Knowledge) {
  const part = readMessage(question).questions[0];
  return analyzeQuestion(part?.text ?? question, k, { claim: part?.claim });
}

/** A sentence the search did not bring, proposed as the engine proposes any sentence. */
function sentenceProposalFor(q: ReturnType<typeof analyzeQuestion>, k: Knowledge, passage: Knowledge['passages'][number]) {
  return sentenceProposal(q, k, measurePassage(q, k, passage), q.type === 'yes_no' ? claimOf(q, k) : undefined, {});
}

export const HARBOUR_FIXTURE = fileURLToPath(new URL('../fixtures/harbour/', import.meta.url));
export const FORUM_FIXTURE = fileURLToPath(new URL('../fixtures/forum/', import.meta.url));

export interface TestEngine {
  engine: Engine;
  /** The corpus as loaded, for another engine over the same documents. */
  corpus: Awaited<ReturnType<typeof loadCorpus>>;
  ask: Engine['ask'];
  /**
   * The answer the best proposal of one kind composes ('digest', 'claim',
   * 'comparison'…), ranked by the trained model among those of that kind:
   * what that way of answering says, whether or not the model would choose it
   * over the others. Undefined when the question makes no proposal of the kind.
   */
  answerAs(question: string, kind: ProposalKind): Answer | undefined;
  /**
   * The answer the model's best-ranked proposal composes, whatever the answer
   * threshold: what the ranking chooses and how it is worded. Whether the
   * engine then answers or abstains is the calibrated threshold's call,
   * measured on question sets (npm run eval, npm run train) rather than here.
   */
  best(question: string): Answer | undefined;
  /** The answer composed from the sentence holding `text`, as the engine composes it when it chooses that sentence. */
  answerFrom(question: string, text: string): Answer | undefined;
  /** Fails the test unless every quote of the answer is body.slice(start, end) of its document. */
  verbatim(a: Answer): Answer;
}

async function open(dir: string, engineOf: (corpus: Awaited<ReturnType<typeof loadCorpus>>) => Promise<Engine>): Promise<TestEngine> {
  const corpus = await loadCorpus(dir);
  const engine = await engineOf(corpus);
  const bodies = new Map(corpus.documents.map((d) => [d.id, d.body]));
  let knowledge: Knowledge | undefined;
  // The word vectors' measures, as the engine weighs them.
  const vectors = loadWordVectors();
  const similar = vectors ? similarCoverage(vectors) : undefined;
  /** The best-ranked proposal among those `admit` lets in, composed as the engine composes it. */
  const bestOf = (question: string, admit: (p: Proposal) => boolean): Answer | undefined => {
    const k = (knowledge ??= buildKnowledge(corpus));
    const q = read(question, k);
    const { candidates, proposals } = propose(q, k);
    const xs = proposalFeatures(questionFeatures(q, k, similar), k, proposals, candidates);
    const { scores, probabilities } = MODEL.rank(xs);
    let best = -1;
    proposals.forEach((p, i) => {
      if (admit(p) && (best < 0 || scores[i]! > scores[best]!)) best = i;
    });
    return best < 0 ? undefined : proposals[best]!.compose(probabilities[best]!, []);
  };
  return {
    engine,
    corpus,
    ask: (q, options) => engine.ask(q, options),
    answerAs(question, kind) {
      return bestOf(question, (p) => p.kind === kind);
    },
    best(question) {
      return bestOf(question, () => true);
    },
    answerFrom(question, text) {
      const k = (knowledge ??= buildKnowledge(corpus));
      const passage = k.passages.find((p) => p.sentence.text.includes(text));
      if (!passage) return undefined;
      const q = read(question, k);
      const found = propose(q, k).proposals.find((p) => p.kind === 'sentence' && p.evidence?.passage === passage);
      return (found ?? sentenceProposalFor(q, k, passage)).compose(0.8, []);
    },
    verbatim(a) {
      for (const quote of a.quotes) expect(bodies.get(quote.source.documentId)?.slice(quote.source.start, quote.source.end)).toBe(quote.text);
      return a;
    },
  };
}

/**
 * An engine over a corpus that abstains on every question (its threshold
 * above any probability): what its refusals say is how the engine words
 * what it could not find, whatever the model would decide.
 */
export async function openRefusing(dir: string = BUNDLED_CORPUS): Promise<Engine> {
  return createEngine({ corpusDir: dir, snapshot: false, onWarning: () => {}, decide: { threshold: 1.01 } });
}

/** The bundled corpus. */
export const openSummit = () => open(BUNDLED_CORPUS, () => createEngine());
/** The harbour fixture with its entities, figures and lexicon. */
export const openHarbour = () => open(HARBOUR_FIXTURE, (corpus) => createEngine({ corpus }));

/** A corpus directory holding copies of some fixture files only; remove() it after. */
function copyOf(from: string, keep: (name: string) => boolean): TempCorpus {
  const temp = tempCorpus();
  for (const name of readdirSync(from)) if (keep(name)) cpSync(join(from, name), join(temp.dir, name));
  return temp;
}

/** The harbour press release alone, without its yaml: nothing curated. */
export async function openBareHarbour(): Promise<TestEngine & { remove(): void }> {
  const temp = copyOf(HARBOUR_FIXTURE, (name) => name.endsWith('.md'));
  return { ...(await open(temp.dir, (corpus) => createEngine({ corpus }))), remove: () => temp.remove() };
}

/** The forum texts (several uncurated documents that disagree and correct each other), the fact sheet as its Markdown source. */
export async function openForum(): Promise<TestEngine & { remove(): void }> {
  const temp = copyOf(FORUM_FIXTURE, (name) => name !== 'README.md' && !name.endsWith('.pdf'));
  return { ...(await open(temp.dir, (corpus) => createEngine({ corpus }))), remove: () => temp.remove() };
}

/** The nine forum documents as published, in their six formats (the fact sheet as its PDF); remove() it after. */
export function forumAsPublished(): TempCorpus {
  return copyOf(FORUM_FIXTURE, (name) => name !== 'README.md' && name !== 'fact-sheet.md');
}

/** A corpus of documents written by the test (file name -> text), uncurated; remove() it after. */
export async function openWritten(files: Record<string, string>, options: Omit<EngineOptions, 'corpus'> = {}): Promise<TestEngine & { dir: string; remove(): void }> {
  const temp = tempCorpus();
  for (const [name, text] of Object.entries(files)) temp.write(name, text);
  return { ...(await open(temp.dir, (corpus) => createEngine({ ...options, corpus, snapshot: false }))), dir: temp.dir, remove: () => temp.remove() };
}

/** Answer text and every quote, lower-cased: "does the answer say X". */
export const said = (a: Answer) => [a.answer, ...a.quotes.map((q) => q.text)].join('\n').toLowerCase();
/** Answer text and first quote, lower-cased: "does the answer lead with X". */
export const lead = (a: Answer) => [a.answer, a.quotes[0]?.text ?? ''].join('\n').toLowerCase();
