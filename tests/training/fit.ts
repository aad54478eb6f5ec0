/**
 * Fits the ranking's weights: a softmax over each question's proposals and
 * one more option, "no answer", with score 0. An answerable question pulls
 * probability towards its right proposals, an unanswerable one towards "no
 * answer"; an L2 penalty keeps weights small (not on the bias). L-BFGS
 * from zero weights: the same data gives the same weights, bit for bit.
 */
import type { QuestionRows } from './dataset.js';

export interface Standardiser {
  mean: number[];
  scale: number[];
}

/**
 * Least spread a feature is divided by. A rare yes/no feature (a special
 * kind of answer, seen in 1% of proposals) has a spread near 0.1, so divided
 * by it a 1 becomes 10 and a small weight a large effect that the L2 penalty
 * hardly restrains; with this floor, rare features earn their weight from the
 * data like the others.
 */
const SCALE_FLOOR = 0.3;

/** Mean and spread of each feature over the training proposals (spread at least SCALE_FLOOR; the bias kept as it is). */
export function standardiser(rows: readonly QuestionRows[], width: number): Standardiser {
  const mean = new Array<number>(width).fill(0);
  const square = new Array<number>(width).fill(0);
  let n = 0;
  for (const r of rows) {
    for (const x of r.features) {
      n++;
      for (let i = 0; i < width; i++) {
        mean[i]! += x[i]!;
        square[i]! += x[i]! * x[i]!;
      }
    }
  }
  const scale = mean.map((m, i) => {
    const avg = m / Math.max(1, n);
    const variance = square[i]! / Math.max(1, n) - avg * avg;
    return variance > 1e-12 ? Math.max(SCALE_FLOOR, Math.sqrt(variance)) : 1;
  });
  const means = mean.map((m) => m / Math.max(1, n));
  // The bias stays 1: its weight is the base score of every proposal against "no answer".
  means[0] = 0;
  scale[0] = 1;
  return { mean: means, scale };
}

export interface FitOptions {
  /** L2 penalty on the weights (not the bias). */
  l2: number;
  /** Most L-BFGS steps. Default 300. */
  iterations?: number;
}

/** Every proposal's standardised features in one flat array; each question a range of it. */
interface Packed {
  width: number;
  z: Float64Array;
  starts: Int32Array;
  right: Uint8Array;
  questions: number;
}

function pack(rows: readonly QuestionRows[], s: Standardiser): Packed {
  const width = s.mean.length;
  // Answerable questions without a right proposal teach nothing about ranking: left out.
  const used = rows.filter((r) => r.features.length > 0 && (r.abstain || r.labels.some((l) => l === 1)));
  const total = used.reduce((n, r) => n + r.features.length, 0);
  const z = new Float64Array(total * width);
  const starts = new Int32Array(used.length + 1);
  const right = new Uint8Array(total);
  let at = 0;
  used.forEach((r, q) => {
    starts[q] = at;
    r.features.forEach((x, j) => {
      for (let i = 0; i < width; i++) z[(at + j) * width + i] = (x[i]! - s.mean[i]!) / s.scale[i]!;
      right[at + j] = r.abstain ? 0 : r.labels[j]!;
    });
    at += r.features.length;
  });
  starts[used.length] = at;
  return { width, z, starts, right, questions: used.length };
}

/**
 * The mean loss over questions (minus the log-probability of a right proposal,
 * or of "no answer" for an unanswerable question), plus the L2 penalty, and
 * its gradient.
 */
function lossAndGradient(d: Packed, w: Float64Array, l2: number, grad: Float64Array): number {
  const { width, z, starts, right } = d;
  grad.fill(0);
  let loss = 0;
  const scores = new Float64Array(starts[d.questions]!);
  for (let row = 0; row < scores.length; row++) {
    let sc = 0;
    const base = row * width;
    for (let i = 0; i < width; i++) sc += w[i]! * z[base + i]!;
    scores[row] = sc;
  }
  for (let q = 0; q < d.questions; q++) {
    const from = starts[q]!;
    const to = starts[q + 1]!;
    let top = 0;
    let topRight = -Infinity;
    for (let j = from; j < to; j++) {
      if (scores[j]! > top) top = scores[j]!;
      if (right[j] && scores[j]! > topRight) topRight = scores[j]!;
    }
    const answerable = topRight > -Infinity;
    let all = Math.exp(-top);
    for (let j = from; j < to; j++) all += Math.exp(scores[j]! - top);
    let good = 0;
    if (answerable) for (let j = from; j < to; j++) if (right[j]) good += Math.exp(scores[j]! - topRight);
    // log P(target) = log(sum over targets) - log(sum over all), each shifted by its own maximum.
    loss -= answerable ? topRight + Math.log(good) - (top + Math.log(all)) : -top - (top + Math.log(all)) + top;
    for (let j = from; j < to; j++) {
      const p = Math.exp(scores[j]! - top) / all;
      const target = right[j] ? Math.exp(scores[j]! - topRight) / good : 0;
      const g = p - target;
      if (g === 0) continue;
      const base = j * width;
      for (let i = 0; i < width; i++) grad[i]! += g * z[base + i]!;
    }
  }
  let penalty = 0;
  for (let i = 0; i < width; i++) {
    grad[i]! /= d.questions;
    if (i === 0) continue;
    grad[i]! += l2 * w[i]!;
    penalty += 0.5 * l2 * w[i]! * w[i]!;
  }
  return loss / d.questions + penalty;
}

/**
 * Weights on standardised features, by L-BFGS (ten pairs of memory, a
 * backtracking line search) from zero weights: deterministic, and converged
 * in a few hundred steps.
 */
export function fit(rows: readonly QuestionRows[], s: Standardiser, options: FitOptions): number[] {
  const d = pack(rows, s);
  return minimise(d.width, (w, g) => lossAndGradient(d, w, options.l2, g), options.iterations ?? 300);
}

/** L-BFGS from zero: the point where `f` (which also writes its gradient) is least. */
export function minimise(n: number, f: (w: Float64Array, gradient: Float64Array) => number, iterations: number): number[] {
  let w = new Float64Array(n);
  let g = new Float64Array(n);
  let value = f(w, g);
  const memory: { s: Float64Array; y: Float64Array; rho: number }[] = [];
  for (let t = 0; t < iterations; t++) {
    // Two-loop recursion: the search direction from the remembered curvature.
    const q = Float64Array.from(g);
    const alphas: number[] = [];
    for (let m = memory.length - 1; m >= 0; m--) {
      const { s: sv, y, rho } = memory[m]!;
      const a = rho * dotOf(sv, q);
      alphas[m] = a;
      for (let i = 0; i < n; i++) q[i]! -= a * y[i]!;
    }
    const last = memory[memory.length - 1];
    const gamma = last ? dotOf(last.s, last.y) / dotOf(last.y, last.y) : 1 / Math.max(1, Math.sqrt(dotOf(g, g)));
    for (let i = 0; i < n; i++) q[i]! *= gamma;
    for (let m = 0; m < memory.length; m++) {
      const { s: sv, y, rho } = memory[m]!;
      const b = rho * dotOf(y, q);
      for (let i = 0; i < n; i++) q[i]! += sv[i]! * (alphas[m]! - b);
    }
    const direction = q.map((v) => -v);
    const slope = dotOf(direction, g);
    if (!(slope < 0)) break;
    let step = 1;
    const next = new Float64Array(n);
    const nextG = new Float64Array(n);
    let nextValue = Infinity;
    for (let tries = 0; tries < 30; tries++) {
      for (let i = 0; i < n; i++) next[i] = w[i]! + step * direction[i]!;
      nextValue = f(next, nextG);
      if (nextValue <= value + 1e-4 * step * slope) break;
      step /= 2;
    }
    if (!(nextValue < value)) break;
    const sv = next.map((v, i) => v - w[i]!);
    const y = nextG.map((v, i) => v - g[i]!);
    const sy = dotOf(sv, y);
    if (sy > 1e-12) {
      memory.push({ s: sv, y, rho: 1 / sy });
      if (memory.length > 10) memory.shift();
    }
    const improvement = value - nextValue;
    w = next;
    g = nextG;
    value = nextValue;
    if (improvement < 1e-9) break;
  }
  return [...w];
}

function dotOf(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** For each question: the best proposal's probability and whether it is right. */
export function topOutcomes(rows: readonly QuestionRows[], s: Standardiser, w: readonly number[]): { p: number; right: boolean; abstain: boolean; reachable: boolean }[] {
  return rows.map((r) => {
    if (r.features.length === 0) return { p: 0, right: false, abstain: r.abstain, reachable: false };
    const scores = r.features.map((x) => x.reduce((acc, val, i) => acc + w[i]! * ((val - s.mean[i]!) / s.scale[i]!), 0));
    const top = Math.max(0, ...scores);
    const exps = scores.map((sc) => Math.exp(sc - top));
    const total = exps.reduce((a, b) => a + b, Math.exp(-top));
    let best = 0;
    for (let j = 1; j < scores.length; j++) if (scores[j]! > scores[best]!) best = j;
    // The chance the question is answered at all (1 - P(no answer)) decides; the best proposal answers.
    return { p: 1 - Math.exp(-top) / total, right: r.labels[best] === 1, abstain: r.abstain, reachable: r.labels.some((l) => l === 1) };
  });
}

/**
 * How much an unanswerable question decided right counts, against 1 for an
 * answerable one. A wrong answer to a near miss quotes the passage that comes
 * nearest, which a reader can see is beside the point; a missed answer leaves
 * them with nothing. The threshold is chosen to weigh the two so.
 */
export const UNANSWERABLE_WEIGHT = 0.5;

/** Questions decided right at a threshold (answered with a right proposal, or abstained on when unanswerable), weighted, as a share. */
export function accuracyAt(outcomes: ReturnType<typeof topOutcomes>, threshold: number): { accuracy: number; answerable: number; abstained: number } {
  let answerableOk = 0;
  let answerable = 0;
  let abstainOk = 0;
  let abstain = 0;
  for (const o of outcomes) {
    if (o.abstain) {
      abstain++;
      if (o.p < threshold) abstainOk++;
    } else {
      answerable++;
      if (o.p >= threshold && o.right) answerableOk++;
    }
  }
  const weighted = answerableOk + UNANSWERABLE_WEIGHT * abstainOk;
  return { accuracy: weighted / Math.max(1, answerable + UNANSWERABLE_WEIGHT * abstain), answerable: answerableOk / Math.max(1, answerable), abstained: abstainOk / Math.max(1, abstain) };
}

/**
 * Least share of validation's unanswerable questions the threshold must
 * abstain on. The validation questions that cannot be answered are mostly
 * near misses written to look answerable (the right topic, a detail the
 * text never gives), far harder to tell than what people usually ask; so
 * the threshold never says "the sources don't say" to fewer than a third
 * of those (the reading-comprehension benchmarks this is judged on ask for
 * at least three in ten).
 */
export const MIN_ABSTAINED = 0.33;

/**
 * The threshold that decides the most validation questions right (weighted
 * as accuracyAt does) among those abstaining on at least MIN_ABSTAINED of
 * the unanswerable ones; the lowest of equals. (The lowest threshold that
 * merely reaches MIN_ABSTAINED gave up a sixth of the unanswerable questions
 * for two points of the answerable.)
 */
export function bestThreshold(outcomes: ReturnType<typeof topOutcomes>): number {
  const grid = Array.from({ length: 99 }, (_, i) => (i + 1) / 100);
  const allowed = grid.filter((t) => accuracyAt(outcomes, t).abstained >= MIN_ABSTAINED);
  if (!allowed.length) return grid[grid.length - 1]!;
  return allowed.reduce((best, t) => (accuracyAt(outcomes, t).accuracy > accuracyAt(outcomes, best).accuracy + 1e-9 ? t : best), allowed[0]!);
}
