/**
 * The learned ranking: a linear model over the features of each proposal
 * (features.ts), trained by `npm run train` (tests/training/) as a softmax
 * over the proposals of a question and one more option, "the sources don't
 * answer", whose score is 0. A proposal's probability is then the chance it
 * is a right answer rather than another proposal or none; the decision
 * answers, with the best one, when the chance that any answers (1 minus that
 * of "no answer") reaches the threshold chosen on held-out questions.
 */
import { FEATURE_NAMES } from './features.js';
import { TRAINED } from './weights.js';

export interface ModelWeights {
  /** Feature names, in the order of the other arrays. */
  features: readonly string[];
  /** Each feature is standardised as (x - mean) / scale before weighing. */
  mean: readonly number[];
  scale: readonly number[];
  weights: readonly number[];
  /** Least chance that some proposal answers (1 - P(no answer)) to answer. */
  threshold: number;
  /** SHA-256 of the training data the weights were fitted on. */
  dataHash: string;
}

export interface Scored {
  /** Linear score of each proposal. */
  scores: Float64Array;
  /** Softmax probability of each proposal, against the others and "no answer". */
  probabilities: Float64Array;
  /** Probability of "no answer". */
  none: number;
}

export class RankingModel {
  private readonly order: Int32Array;

  constructor(readonly weights: ModelWeights = TRAINED) {
    // Features the weights know, mapped onto the engine's current feature order (a feature the weights lack weighs 0).
    const at = new Map(weights.features.map((name, i) => [name, i]));
    this.order = Int32Array.from(FEATURE_NAMES, (name) => at.get(name) ?? -1);
  }

  /** The linear score of one feature vector. */
  score(x: Float64Array): number {
    let s = 0;
    for (let i = 0; i < x.length; i++) {
      const j = this.order[i]!;
      if (j < 0) continue;
      const v = x[i]!;
      const mean = this.weights.mean[j]!;
      if (v === 0 && mean === 0) continue;
      s += this.weights.weights[j]! * ((v - mean) / this.weights.scale[j]!);
    }
    return s;
  }

  rank(xs: readonly Float64Array[]): Scored {
    const scores = Float64Array.from(xs, (x) => this.score(x));
    // Softmax with "no answer" at score 0, shifted by the largest score for stability.
    const top = Math.max(0, ...scores);
    let total = Math.exp(-top);
    const exps = Float64Array.from(scores, (s) => Math.exp(s - top));
    for (const e of exps) total += e;
    return { scores, probabilities: exps.map((e) => e / total), none: Math.exp(-top) / total };
  }

  /** Each feature's part of a proposal's score, largest first (for explanations). */
  contributions(x: Float64Array, count = 6): { feature: string; value: number; contribution: number }[] {
    const out: { feature: string; value: number; contribution: number }[] = [];
    for (let i = 0; i < x.length; i++) {
      const j = this.order[i]!;
      if (j < 0) continue;
      const contribution = this.weights.weights[j]! * ((x[i]! - this.weights.mean[j]!) / this.weights.scale[j]!);
      if (Math.abs(contribution) >= 0.005) out.push({ feature: FEATURE_NAMES[i]!, value: x[i]!, contribution });
    }
    return out.sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution)).slice(0, count);
  }

  get threshold(): number {
    return this.weights.threshold;
  }
}
