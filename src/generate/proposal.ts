/**
 * A proposal: one possible answer to a question, with the evidence it rests
 * on and the signals only its kind has. Every way of answering (a sentence,
 * a figure, a definition, a checked claim, a comparison, a sum, a digest…)
 * proposes on the same footing; the learned ranking (score/) weighs them all
 * and the decision (decide/) takes the best or abstains.
 */
import type { Answer } from '../answer.js';
import type { FigureEntry, Passage } from '../knowledge/knowledge.js';
import type { Candidate } from './measure.js';

export const PROPOSAL_KINDS = [
  'sentence',
  'definition',
  'claim',
  'comparison',
  'sum',
  'grand_total',
  'digest',
  'share',
  'breakdown',
  'name',
  'role',
  'handle',
  'document',
] as const;

export type ProposalKind = (typeof PROPOSAL_KINDS)[number];

/** Signals a proposal of one kind carries (features that are 0 for other kinds). */
export const PROPOSAL_SIGNALS = [
  /**
   * The question has the shape this kind of answer is for (a yes/no for a
   * checked claim, "compare" for a comparison, "what is X" and nothing else
   * for a definition, "tl;dr" for a digest…): one signal all special kinds
   * share, so what is learned of one holds for the others.
   */
  'shape',
  /** A claim: the evidence states the asked value ("Yes…"), contradicts it ("No…"), or says nothing of it. */
  'claim_yes',
  'claim_no',
  'claim_unsaid',
  /** A claim checked against the subject's figure (an amount, a currency, who gave it). */
  'claim_figure',
  /** A claim settled by which of two alternatives the evidence states. */
  'claim_alternative',
  /** A definition from curated or extracted data (a description, defining sentences). */
  'defined',
  /** Nothing but the entity is asked about ("what is X?", "who is Y?"). */
  'only_entity',
  /** A name question's entity: share of the description it matches. */
  'described',
  /** Figures a comparison, sum or total brings together. */
  'parts',
  /** The parts share a currency (so they can be compared or added). */
  'same_currency',
  /** A digest with figures. */
  'digest_figures',
  /** A role question names a person whose description places them at the head of the body asked about. */
  'role_found',
  /** A handle the documents give for the one asked about. */
  'handle_given',
  /** Share of the document details asked for that the document has (title, date, author…). */
  'document_details',
] as const;

export type ProposalSignal = (typeof PROPOSAL_SIGNALS)[number];

export interface Proposal {
  kind: ProposalKind;
  /** The measured candidate its evidence is (a sentence or a figure), when it has one. */
  evidence?: Candidate;
  /** Further passages or figures it rests on. */
  passages?: Passage[];
  figures?: FigureEntry[];
  signals: Partial<Record<ProposalSignal, number>>;
  /** The answer, built when this proposal is chosen (confidence from the model; companions: further quotes). */
  compose(confidence: number, companions: readonly Candidate[]): Answer;
  /** The entity a name answer gives: what "it" in a next question refers to. */
  named?: string;
  /** A short reference and text for explanations. */
  ref: string;
  text: string;
}
