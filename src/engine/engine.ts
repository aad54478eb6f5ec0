/**
 * The answering engine: question in, Answer out. Loads and indexes a corpus
 * once; each question is analysed, resolved against its conversation, matched
 * against figures and passages, and answered only from what the sources say.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Answer } from '../answer.js';
import type { Corpus, LoadProgress } from '../corpus/load.js';
import { readCorpus } from '../corpus/read.js';
import { documentLimits, type DocumentLimits } from '../corpus/limits.js';
import { sanitizeQuestion, wordCharShare } from '../text/normalize.js';
import { normalizeCasual } from '../text/casual.js';
import { loadEnglishWords } from '../text/english.js';
import { loadWordNet } from '../text/wordnet.js';
import { readMessage, type MessagePart } from '../text/message.js';
import { figureOf } from '../compose/compose.js';
import { ConversationStore, type ConversationState, type ConversationStoreOptions } from '../understand/conversation.js';
import { decide, type DecideOptions } from '../decide/decide.js';
import { applyFollowUp, contextState } from '../understand/followup.js';
import { answerAboutLast } from '../decide/about-last.js';
import { buildKnowledge, type Knowledge } from '../knowledge/knowledge.js';
import { loadSnapshot, saveSnapshot, snapshotKey, type SnapshotOptions } from '../knowledge/snapshot.js';
import { analyzeQuestion } from '../understand/question.js';
import { moneyFiguresOf } from '../generate/parts.js';
import { prepareFigureTables } from '../compose/sources.js';
import { introduction, smallTalkKind } from '../understand/smalltalk.js';
import * as compose from '../compose/compose.js';
import type { AskOptions, DocumentSummary, Engine, Explanation } from '../engine-api.js';
import type { EntityRecord } from '../corpus/schemas.js';
import type { EntityMention } from '../knowledge/entities.js';
import { describedSubject } from '../generate/description.js';
import { loadWordVectors } from '../text/word-vectors.js';
import { similarCoverage } from '../score/similar.js';
import { similarWordsFinder } from '../generate/similar-words.js';
import { detectLanguage, type Language } from '../understand/language.js';
import { loadFrenchLexicon, readFrench, type FrenchLexicon } from '../understand/french/index.js';
import { frenchStandIns, knowledgeWithStandIns } from '../understand/french/stand-ins.js';
import { inFrench } from '../compose/french.js';
import { withoutDirectionControls } from '../text/direction.js';
import { stemWord } from '../text/analyze.js';
import { AnswerCache } from './answer-cache.js';

export interface EngineOptions {
  /** Corpus directory. Default: the corpus/ bundled with the project. */
  corpusDir?: string;
  /** An already loaded corpus; takes precedence over corpusDir. */
  corpus?: Corpus;
  /** Longest question accepted, in characters. Default 1,000. */
  maxQuestionLength?: number;
  /** Conversation memory limits (ttlMs default 30 min, maxConversations default 10,000). */
  conversations?: ConversationStoreOptions;
  /**
   * Answers kept for questions asked with nothing before them in their
   * conversation, by exact text (see answer-cache.ts); 0 keeps none. Never
   * used while decisions are observed (decide.observe). Default 1,000.
   */
  answerCache?: number;
  /** Answer selection thresholds; see decide.ts for the defaults. */
  decide?: DecideOptions;
  /**
   * Called when answering a question fails unexpectedly (the user then gets a
   * polite "something went wrong" Answer). Default: one line on stderr.
   */
  onInternalError?: (error: unknown, question: string) => void;
  /**
   * Save the built index and load it on the next start when the corpus (and
   * the engine) are unchanged; false to always rebuild. Default: on, in
   * node_modules/.cache/summit-qa.
   */
  snapshot?: false | SnapshotOptions;
  /** Most sentences mined for figures and names at index time (documents in order). Default 10,000. */
  extractBudget?: number;
  /** Progress while loading and indexing, for a start-up indicator. */
  onProgress?: (event: { phase: 'load' | 'index'; done: number; total: number }) => void;
  /**
   * Load the English word lists (frequency list, WordNet) at start, so no
   * question pays for reading them (about 0.1 s, once). Default false: a
   * one-shot question often needs none of them; long-running surfaces turn it on.
   */
  preloadWordLists?: boolean;
  /** Any corpus problem (a bad document, a bad curation record) stops the start with a CorpusError. Default false: skipped with a warning. */
  strict?: boolean;
  /** Called once per corpus warning line at start-up. Default: the line on stderr. */
  onWarning?: (line: string) => void;
  /** What one document may cost to read (size, text length, HTML elements, PDF pages, streams and time); see src/corpus/limits.ts for each default. */
  documentLimits?: Partial<DocumentLimits>;
  /**
   * Weigh words of similar meaning (word vectors, about 10 MB, read at start).
   * Default true; without them the ranking misses one of its features.
   */
  wordVectors?: boolean;
}

function reportInternalError(error: unknown, question: string): void {
  process.stderr.write(`internal error while answering ${JSON.stringify(question)}: ${(error as Error)?.stack ?? String(error)}\n`);
}

function extractionOptions(options: EngineOptions) {
  return {
    onWarning: options.onWarning ?? ((line: string) => process.stderr.write(`${line}\n`)),
    ...(options.extractBudget !== undefined ? { extractBudget: options.extractBudget } : {}),
    onExtractLimit: (skipped: number, budget: number) =>
      (options.onWarning ?? ((line: string) => process.stderr.write(`${line}\n`)))(`corpus note: figures and names are extracted from the first ${budget.toLocaleString('en')} sentences; ${skipped.toLocaleString('en')} later documents are searched but not mined (raise extractBudget to include them)`),
  };
}

/** The corpus/ directory shipped with the project (from src/engine, or from its compiled copy in dist/src/engine). */
export function defaultCorpusDir(): string {
  const fromSource = fileURLToPath(new URL('../../corpus/', import.meta.url));
  return existsSync(fromSource) ? fromSource : fileURLToPath(new URL('../../../corpus/', import.meta.url));
}

export async function createEngine(options: EngineOptions = {}): Promise<Engine> {
  const knowledge = await knowledgeFor(options);
  // Tables over all figures, made once here rather than by the first question that needs them.
  prepareFigureTables(knowledge);
  moneyFiguresOf(knowledge);
  const vectors = options.wordVectors === false ? undefined : loadWordVectors();
  const decideOptions = vectors
    ? { similar: similarCoverage(vectors), ...options.decide, retrieve: { similarWords: similarWordsFinder(vectors), ...options.decide?.retrieve } }
    : options.decide;
  const engine = new AnsweringEngine(knowledge, { ...options, decide: decideOptions });
  if (options.preloadWordLists) preloadWordLists();
  return engine;
}

/**
 * Loads the English word lists that questions with words the corpus lacks are
 * weighed with, and the French dictionaries French questions are read through
 * (about 200 ms, which would otherwise fall on the first French message).
 */
export function preloadWordLists(): void {
  loadEnglishWords();
  loadWordNet();
  // One reading warms the French path too (its code is compiled on first use: tens of milliseconds).
  readFrench('combien pour le projet annoncé ?', loadFrenchLexicon());
}

/** Knowledge from the given corpus, a matching snapshot, or a fresh build (then saved as a snapshot). */
async function knowledgeFor(options: EngineOptions): Promise<Knowledge> {
  const onIndex = options.onProgress && ((done: number, total: number) => options.onProgress!({ phase: 'index', done, total }));
  if (options.corpus) return buildKnowledge(options.corpus, { onProgress: onIndex, ...extractionOptions(options) });
  const dir = options.corpusDir ?? defaultCorpusDir();
  const warn = options.onWarning ?? ((line: string) => process.stderr.write(`${line}\n`));
  // A snapshot ignored for failing verification is said where the surface says its other warnings.
  const snapshot = options.snapshot === false ? undefined : { onWarning: warn, ...options.snapshot };
  const limits = documentLimits(options.documentLimits);
  const raw = await readCorpus(dir, { limits });
  const key = snapshot ? snapshotKey(dir, raw, limits as unknown as Record<string, number>) : undefined;
  const stored = key ? loadSnapshot(key, snapshot) : undefined;
  // Strict mode re-parses a corpus that had warnings, so the error is raised.
  if (stored && !(options.strict && stored.corpus.warnings?.length)) {
    stored.corpus.warnings?.forEach((w) => warn(w));
    return stored;
  }
  // Parsing needs the YAML and validation code: loaded only when there is parsing to do.
  const { parseCorpus } = await import('../corpus/load.js');
  const onLoad: LoadProgress | undefined = options.onProgress && ((e) => options.onProgress!({ phase: 'load', done: e.loaded, total: e.total }));
  const corpus = await parseCorpus(raw, { onProgress: onLoad, strict: options.strict, limits });
  corpus.warnings?.forEach((w) => warn(w));
  const knowledge = buildKnowledge(corpus, { onProgress: onIndex, ...extractionOptions(options) });
  if (key) saveSnapshot(key, knowledge, snapshot);
  return knowledge;
}

/** An entity the conversation refers to without the question naming it. */
function mentionOf(entity: EntityRecord): EntityMention {
  return { entity, start: 0, end: 0, adjective: false, fuzzy: false };
}

/** The conversation a question asked outside any is answered in, for the answer cache to keep what it leaves a follow-up (callers' ids never begin with a NUL). */
const ANONYMOUS_CONVERSATION = '\u0000anonymous';

/** Example questions offered in help texts and refusals: help shows four, refusals three. */
const MAX_EXAMPLES = 6;

class AnsweringEngine implements Engine {
  readonly documents: readonly DocumentSummary[];
  readonly figures;
  /** Example questions the corpus's entities suggest, before they are checked. */
  private readonly exampleCandidates: readonly string[];
  private answerableExamples?: string[];
  private checkingExamples = false;
  private readonly conversations: ConversationStore;
  private readonly maxLength: number;
  private readonly cache: AnswerCache;

  constructor(
    private readonly k: Knowledge,
    private readonly options: EngineOptions,
  ) {
    this.conversations = new ConversationStore(options.conversations);
    this.maxLength = options.maxQuestionLength ?? 1000;
    // Whoever observes decisions is told of every question asked: no answer may come from the cache.
    this.cache = new AnswerCache(options.decide?.observe ? 0 : (options.answerCache ?? 1000));
    this.documents = k.corpus.documents.map((d) => ({
      id: d.id,
      title: d.title,
      ...(d.meta.published ? { published: String(d.meta.published instanceof Date ? d.meta.published.toISOString().slice(0, 10) : d.meta.published) } : {}),
      ...(d.meta.url ? { url: d.meta.url } : {}),
      ...(d.meta.publisher ? { publisher: d.meta.publisher } : {}),
      ...(d.meta.kind ? { kind: d.meta.kind } : {}),
      paragraphs: d.paragraphs.length,
      sentences: d.sentences.length,
    }));
    this.figures = k.figures.map(figureOf);
    this.exampleCandidates = [...new Set(k.corpus.entities.flatMap((e) => e.questions.slice(0, 1)))];
  }

  /**
   * Example questions the engine itself answers, at most MAX_EXAMPLES, worked
   * out on first need: a suggestion the bot then refuses would mislead. (While
   * they are worked out, the refusals of the questions tried suggest none.)
   */
  get examples(): readonly string[] {
    if (this.answerableExamples) return this.answerableExamples;
    this.answerableExamples = [];
    const found: string[] = [];
    this.checkingExamples = true;
    try {
      for (const q of this.exampleCandidates) {
        if (found.length >= MAX_EXAMPLES) break;
        if (this.run(q, {}, false).answer.answered) found.push(q);
      }
    } finally {
      this.checkingExamples = false;
    }
    return (this.answerableExamples = found);
  }

  ask(question: string, options: AskOptions = {}): Answer {
    const { conversation } = options;
    // A question with nothing before it is answered from its text alone: the same text, the same answer.
    const fresh = typeof question === 'string' && (conversation === undefined || this.conversations.get(conversation) === undefined);
    if (!fresh) return this.run(question, options, false).answer;
    const hit = this.cache.get(question);
    if (hit) {
      if (conversation !== undefined && hit.state) this.conversations.set(conversation, hit.state);
      return hit.answer;
    }
    // Asked within a conversation of its own, so what it leaves a follow-up is kept with it, whoever asks it next.
    const within = conversation ?? ANONYMOUS_CONVERSATION;
    const { answer, failed } = this.run(question, { ...options, conversation: within }, false);
    const state = this.conversations.get(within);
    if (conversation === undefined) this.conversations.delete(within);
    if (!failed) this.cache.set(question, { answer, ...(state ? { state } : {}) });
    return answer;
  }

  explain(question: string, options: AskOptions = {}): { answer: Answer; explanation: Explanation } {
    return this.run(question, options, true);
  }

  private run(question: string, options: AskOptions, detail: boolean): { answer: Answer; explanation: Explanation; failed?: true } {
    const explanation: Explanation = { question: String(question), type: 'none', entities: [], terms: [], expandedTerms: [], candidates: [], decision: '' };
    let answer: Answer;
    let failed: true | undefined;
    try {
      answer = this.answer(typeof question === 'string' ? question : String(question), options, explanation, detail);
    } catch (error) {
      // Never let one odd question take a surface down; the failure is reported, not hidden.
      explanation.decision = `internal error: ${(error as Error).message}`;
      (this.options.onInternalError ?? reportInternalError)(error, String(question).slice(0, 200));
      answer = compose.invalid('Something went wrong while answering that question. Please try rephrasing it.', this.examples.slice(0, 3));
      failed = true;
    }
    // A description cut out of a document can carry a direction override the cut left open (quotes stay verbatim).
    const sentence = withoutDirectionControls(answer.answer);
    if (sentence !== answer.answer) answer = { ...answer, answer: sentence };
    return { answer, explanation, ...(failed ? { failed } : {}) };
  }

  private answer(raw: string, options: AskOptions, ex: Explanation, detail: boolean): Answer {
    const examples = this.examples.slice(0, 3);
    const tooLong = (length: number) => {
      ex.decision = 'too long';
      return compose.invalid(`That question is too long (${length.toLocaleString('en')} characters). Please ask in under ${this.maxLength.toLocaleString('en')} characters.`, examples);
    };
    // A huge input is refused before it is cleaned, so cleaning never costs more than a question.
    if (raw.length > this.maxLength * 4) return tooLong(raw.length);
    const text = sanitizeQuestion(raw);
    if (!text) {
      ex.decision = 'empty';
      return compose.invalid('Please type a question about the sources.', examples);
    }
    if (text.length > this.maxLength) return tooLong(text.length);
    if (!/\p{L}/u.test(text) || wordCharShare(text) < 0.5) {
      ex.decision = 'not readable';
      return compose.invalid("That doesn't look like a question I can read. Please ask in words.", examples);
    }
    const stored = options.conversation !== undefined ? this.conversations.get(options.conversation) : undefined;
    // A message in French is read into English, answered as any other, and the answer worded in French (quotes stay as written).
    const language = detectLanguage(text, stored?.language ?? 'en');
    if (language === 'fr') {
      const lexicon = this.frenchLexicon();
      const reading = readFrench(text, lexicon, { prefer: (word) => this.k.vocabulary.has(word) || this.k.vocabulary.has(stemWord(word)) });
      ex.translated = reading.english;
      // The other English senses of the French words are searched as stand-ins, for this question only.
      const k = knowledgeWithStandIns(this.k, frenchStandIns(reading));
      return inFrench(this.answerReadable(reading.english, options, ex, detail, 'fr', k), { words: reading.words, lexicon });
    }
    return this.answerReadable(text, options, ex, detail, 'en', this.k);
  }

  /** The French lexicon (FreeDict where installed, else cognates), read at the first French question. */
  private frenchLexicon(): FrenchLexicon {
    return (this.french ??= loadFrenchLexicon());
  }

  private french?: FrenchLexicon;

  /** A readable English message: small talk, a question about the last answer, or questions to answer. */
  private answerReadable(text: string, options: AskOptions, ex: Explanation, detail: boolean, language: Language, k: Knowledge): Answer {
    const examples = this.examples.slice(0, 3);
    const casual = normalizeCasual(text);
    const talk = smallTalkKind(casual) ?? smallTalkKind(text);
    if (talk) {
      ex.decision = `small talk: ${talk}`;
      const message = talk === 'thanks' ? "You're welcome. Ask me anything else about the sources." : introduction(this.documents.map((d) => d.title));
      return compose.help(message, this.examples.slice(0, 4));
    }
    const conversation = options.conversation;
    const stored = conversation !== undefined ? this.conversations.get(conversation) : undefined;
    // "source?", "who said that?": about the previous answer itself, not the sources.
    const aboutLast = stored?.answer ? answerAboutLast(casual, stored, k) : undefined;
    if (aboutLast) {
      ex.decision = `about the previous answer: ${aboutLast.kind}`;
      return aboutLast.answer;
    }
    const message = readMessage(casual);
    if (message.questions.length === 0) {
      ex.decision = 'empty';
      return compose.invalid('Please type a question about the sources.', examples);
    }
    // Sentences around the question are what "it" may refer to, when the conversation has nothing earlier.
    let previous: Omit<ConversationState, 'at'> | undefined = stored ?? contextState(message.context, k);
    const answers: Answer[] = [];
    for (const [i, part] of message.questions.entries()) {
      const { answer, state } = this.answerPart(part, previous, ex, detail, i > 0, k);
      answers.push(answer);
      if (state) previous = state;
    }
    const answer = answers.length === 1 ? answers[0]! : compose.combine(answers);
    if (conversation !== undefined && answer.kind !== 'invalid' && previous && previous !== stored) {
      this.conversations.set(conversation, { ...previous, answer, language });
    }
    return answer;
  }

  /** One question of a message, with what came before it (the conversation, or the message's earlier part). */
  private answerPart(part: MessagePart, previous: Omit<ConversationState, 'at'> | undefined, ex: Explanation, detail: boolean, sameMessage: boolean, k: Knowledge): { answer: Answer; state?: Omit<ConversationState, 'at'> } {
    // An aside naming things the sources never mention ("…, is it OpenAI?") makes the question one they can't answer.
    const asideNames = part.aside ? analyzeQuestion(part.aside, k).terms.filter((t) => t.named).map((t) => t.word) : [];
    if (asideNames.length) {
      ex.decision = `abstain: the aside names ${asideNames.join(', ')}`;
      return { answer: compose.notFound(`The sources don't mention ${asideNames.join(' or ')}.`, this.examples.slice(0, 3)) };
    }
    // "The firm building the warehouse, how much did it promise?": the description says what "it" is.
    const described = describedSubject(part.text, k);
    let q = analyzeQuestion(described?.question ?? part.text, k, { claim: part.claim });
    const before = described ? { type: 'what' as const, ...this.aboutEntity(described.entity), question: described.description } : previous;
    const followUp = applyFollowUp(q, before, { isFrame: (stem) => k.lexicon.isFrame(stem), sameMessage: sameMessage || described !== undefined });
    if (followUp) {
      q = followUp.question;
      ex.resolvedQuestion = followUp.resolved;
    }
    ex.type = q.type;
    ex.entities = q.entities.map((e) => `${e.entity.id}${e.fuzzy ? ' (by spelling)' : ''}`);
    ex.terms = q.terms.map((t) => `${t.stem}${t.known ? '' : ` (unknown, weight ${t.informative.toFixed(2)})`}`);
    ex.expandedTerms = q.expansions;

    let decideOptions = detail ? { ...this.options.decide, retrieve: { ...this.options.decide?.retrieve, reasons: true } } : this.options.decide;
    // The engine's own check of its examples is no question anybody asked: whoever observes decisions is not told of it.
    if (this.checkingExamples && decideOptions?.observe) decideOptions = { ...decideOptions, observe: undefined };
    delete ex.named;
    const { answer, chosen } = decide(q, k, ex, decideOptions, detail);
    if (chosen?.named) ex.named = chosen.named;
    if (answer.kind === 'invalid') return { answer };
    // "What's it called, and how much did it pledge?": after a name answer, "it" is what was named.
    const named = ex.named !== undefined ? this.k.matcher.get(ex.named) : undefined;
    const subject = named ? this.aboutEntity(named) : { entities: q.entities, terms: q.terms };
    return { answer, state: { type: q.type, ...subject, question: ex.resolvedQuestion ?? part.text, answer } };
  }

  /** A subject the conversation refers to without naming it: the entity, and the words of its name as a question would have them. */
  private aboutEntity(entity: EntityRecord): Pick<ConversationState, 'entities' | 'terms'> {
    return { entities: [mentionOf(entity)], terms: analyzeQuestion(entity.name, this.k).terms.filter((t) => t.inEntity) };
  }

  forget(conversation: string): void {
    this.conversations.delete(conversation);
  }

  conversationCount(): number {
    return this.conversations.size;
  }

  documentText(id: string): string | undefined {
    return this.k.corpus.documents.find((d) => d.id === id)?.body;
  }
}
