/**
 * Decides what to answer: every proposal (generate/) is scored by the
 * learned ranking (score/); the best one answers when its probability reaches
 * the model's threshold, with the next best sentences as further quotes.
 * Otherwise the answer says the sources don't answer, naming the telling
 * words of the question that nothing found covers.
 */
import type { Answer } from '../answer.js';
import * as compose from '../compose/compose.js';
import type { Knowledge } from '../knowledge/knowledge.js';
import type { AnalyzedQuestion } from '../understand/question.js';
import { propose, type ProposeOptions } from '../generate/propose.js';
import type { Proposal } from '../generate/proposal.js';
import type { Candidate } from '../generate/measure.js';
import { asksConversion, proposalFeatures, questionFeatures, type QuestionFeatures } from '../score/features.js';
import { RankingModel } from '../score/model.js';
import type { Explanation } from '../engine-api.js';
import { joinOr, missingMessage, round, suggestionsFor } from './abstain.js';

export interface DecideOptions extends ProposeOptions {
  /** The ranking model. Default: the trained weights (src/score/weights.ts). */
  model?: RankingModel;
  /** Least probability of the best proposal to answer; default the model's own threshold. */
  threshold?: number;
  /** Further sentences quoted need at least this share of the best one's probability. Default 0.25. */
  companionShare?: number;
  /** Similar-meaning coverage of a passage (word vectors), when loaded. */
  similar?: QuestionFeatures['similar'];
  /** Told of every decision's proposals and their features (for training and analysis). Default: nobody. */
  observe?: (seen: Observed) => void;
}

/** What one decision weighed: the question, its proposals and their features. */
export interface Observed {
  q: AnalyzedQuestion;
  /** The retrieved candidates, in the order the hand-weighted measures put them. */
  candidates: readonly Candidate[];
  proposals: readonly Proposal[];
  features: readonly Float64Array[];
}

const DEFAULT_MODEL = new RankingModel();

/** Proposals shown in an explanation. */
const EXPLAINED = 8;

export interface Decision {
  answer: Answer;
  /** The proposal answered with, if any. */
  chosen?: Proposal;
}

export function decide(q: AnalyzedQuestion, k: Knowledge, ex: Explanation, options: DecideOptions = {}, detail = false): Decision {
  const model = options.model ?? DEFAULT_MODEL;
  const { candidates, proposals } = propose(q, k, options);
  const qf = questionFeatures(q, k, options.similar);
  const xs = proposalFeatures(qf, k, proposals, candidates);
  options.observe?.({ q, candidates, proposals, features: xs });
  const ranked = model.rank(xs);
  const order = proposals.map((_, i) => i).sort((a, b) => ranked.scores[b]! - ranked.scores[a]! || a - b);
  if (detail) {
    ex.candidates = order.slice(0, EXPLAINED).map((i) => ({
      kind: proposals[i]!.kind,
      ref: proposals[i]!.ref,
      text: proposals[i]!.text,
      searchScore: round(proposals[i]!.evidence?.searchScore ?? 0),
      score: round(ranked.probabilities[i]!),
      reasons: model.contributions(xs[i]!).map((c) => `${c.feature} ${round(c.value)}: ${c.contribution >= 0 ? '+' : ''}${c.contribution.toFixed(2)}`),
    }));
  }
  const threshold = options.threshold ?? model.threshold;
  const best = order[0];
  // The chance that some proposal answers decides; the best one answers.
  const answerable = 1 - ranked.none;
  if (best === undefined || answerable < threshold) {
    ex.decision = `abstain: the sources answer at ${round(answerable)} < ${threshold}${best === undefined ? '' : ` (best ${proposals[best]!.ref})`}`;
    return { answer: abstain(q, k) };
  }
  const chosen = proposals[best]!;
  const p = ranked.probabilities[best]!;
  const share = options.companionShare ?? 0.25;
  // Further quotes: other sentences the model rates close to the best.
  const companions: Candidate[] = order
    .slice(1)
    .filter((i) => proposals[i]!.kind === 'sentence' && ranked.probabilities[i]! >= share * p)
    .map((i) => proposals[i]!.evidence!)
    .filter((c) => c.passage !== chosen.evidence?.passage);
  ex.decision = `${chosen.kind} ${chosen.ref} at ${round(p)} (answerable at ${round(answerable)})`;
  const answer = chosen.compose(confidenceOf(answerable), companions);
  if (!answer.answered) return { answer: { ...answer, suggestions: answer.suggestions?.length ? answer.suggestions : suggestionsFor(q, k) } };
  return { answer, chosen };
}

/** The confidence shown with an answer: the model's probability, within 0.05..0.99. */
function confidenceOf(p: number): number {
  return Math.max(0.05, Math.min(0.99, round(p)));
}

/** "The sources don't mention X": the telling words of the question nothing in the sources covers (names and nouns the corpus never uses). */
function abstain(q: AnalyzedQuestion, k: Knowledge): Answer {
  const conversion = asksConversion(q, k);
  if (conversion) return compose.notFound(`The sources give no exchange rate, so they can't say what that is in ${conversion}.`, suggestionsFor(q, k));
  const missing = q.missing;
  if (missing.length) return compose.notFound(`The sources don't mention ${joinOr(missing)}.`, suggestionsFor(q, k));
  const nothing = !q.terms.some((t) => t.known && !k.lexicon.isFrame(t.stem)) && q.entities.length === 0 && q.amounts.length === 0;
  if (nothing) return compose.notFound("I couldn't find anything in that question to look up in the sources.", suggestionsFor(q, k));
  return compose.notFound(missingMessage(q, k), suggestionsFor(q, k));
}
