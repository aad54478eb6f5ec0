/**
 * `npm run train [-- --check] [-- --test]`: fits the ranking's weights on the
 * train split, chooses the L2 penalty and the answer threshold on the
 * validation split, and writes src/score/weights.ts with the data's hash.
 * --check refits and fails (exit 1) unless the committed weights come out
 * again; --test also scores the test split (kept for the end: first contact).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import { fileURLToPath } from 'node:url';
import { FEATURE_NAMES } from '../../src/score/features.js';
import { dataHash, loadCollections, type Split } from './collections.js';
import { buildDataset, type QuestionRows } from './dataset.js';
import { accuracyAt, bestThreshold, fit, standardiser, topOutcomes } from './fit.js';

const WEIGHTS_FILE = fileURLToPath(new URL('../../src/score/weights.ts', import.meta.url));
// --l2=X fits with that penalty only (for trying one); the default chooses among the grid on validation.
const forcedL2 = process.argv.slice(2).find((a) => a.startsWith('--l2='))?.slice('--l2='.length);
const L2_GRID = forcedL2 ? [Number(forcedL2)] : [0.0003, 0.001, 0.003, 0.01, 0.03];

const args = new Set(process.argv.slice(2));
const log = (line: string) => process.stderr.write(`${line}\n`);

const collections = loadCollections().filter((c) => args.has('--test') || c.split !== 'test');
const hash = dataHash(loadCollections());
// --rows FILE keeps the rows built (for trying features' weights again without asking every question anew).
const rowsFile = process.argv.slice(2).find((a) => a.startsWith('--rows='))?.slice('--rows='.length);
const cached = rowsFile && existsSync(rowsFile) ? (deserialize(readFileSync(rowsFile)) as Awaited<ReturnType<typeof buildDataset>>) : undefined;
const { rows, stats } = cached ?? (await buildDataset(collections, log));
if (rowsFile && !cached) writeFileSync(rowsFile, serialize({ rows, stats }));
const of = (split: Split) => rows.filter((r) => r.split === split);
const train = of('train');
const validation = of('validation');
log(`questions: ${stats.questions} (skipped ${stats.skipped}; ${stats.augmented} more made about a name the documents lack); answerable with a right proposal among the candidates: ${stats.reachable}/${stats.answerable}`);

const s = standardiser(train, FEATURE_NAMES.length);
if (train.some((r) => r.features.some((x) => x.length !== FEATURE_NAMES.length))) throw new Error('the rows were built with other features: build them again (without --rows, or delete the file)');
let chosen: { l2: number; w: number[]; threshold: number; accuracy: number } | undefined;
for (const l2 of L2_GRID) {
  const w = fit(train, s, { l2 });
  const outcomes = topOutcomes(validation, s, w);
  const threshold = bestThreshold(outcomes);
  const { accuracy } = accuracyAt(outcomes, threshold);
  log(`l2 ${l2}: validation ${(100 * accuracy).toFixed(1)}% at threshold ${threshold}`);
  if (!chosen || accuracy > chosen.accuracy) chosen = { l2, w, threshold, accuracy };
}
const { w, threshold, l2 } = chosen!;

const report = (name: string, set: readonly QuestionRows[]) => {
  const outcomes = topOutcomes(set, s, w);
  const a = accuracyAt(outcomes, threshold);
  const reachable = outcomes.filter((o) => !o.abstain && o.reachable).length / Math.max(1, outcomes.filter((o) => !o.abstain).length);
  log(`${name}: ${set.length} questions, decided right ${(100 * a.accuracy).toFixed(1)}% (answerable ${(100 * a.answerable).toFixed(1)}%, abstained ${(100 * a.abstained).toFixed(1)}%); a right proposal reachable for ${(100 * reachable).toFixed(1)}% of the answerable`);
};
/** Recall@k of the retrievers' fused pool (before the model), and what a plain search's first hit gives. */
const recall = (name: string, set: readonly QuestionRows[]) => {
  const plainAt = FEATURE_NAMES.indexOf('r_plain');
  const answerable = set.filter((r) => !r.abstain);
  const within = (r: QuestionRows, k: number) => r.labels.some((l, j) => l === 1 && r.pool[j]! > 0 && r.pool[j]! <= k);
  const at = (k: number) => answerable.filter((r) => within(r, k)).length;
  const plainRight = answerable.filter((r) => r.features.some((x, j) => x[plainAt] === 1 && r.labels[j] === 1));
  const plainKept = plainRight.filter((r) => within(r, 20));
  const pct = (n: number) => `${((100 * n) / Math.max(1, answerable.length)).toFixed(1)}%`;
  const withEvidence = answerable.filter((r) => r.evidenceAt !== undefined);
  const sentenceAt = (k: number) => `${((100 * withEvidence.filter((r) => r.evidenceAt! > 0 && r.evidenceAt! <= k).length) / Math.max(1, withEvidence.length)).toFixed(1)}%`;
  log(`${name} recall of the evidence sentence (${withEvidence.length} questions): @1 ${sentenceAt(1)}, @5 ${sentenceAt(5)}, @10 ${sentenceAt(10)}, @20 ${sentenceAt(20)}, @60 ${sentenceAt(60)}`);
  log(`${name} recall of a right candidate in the fused pool: @1 ${pct(at(1))}, @5 ${pct(at(5))}, @10 ${pct(at(10))}, @20 ${pct(at(20))}, @60 ${pct(at(60))}, any proposal ${pct(answerable.filter((r) => r.labels.some((l) => l === 1)).length)}; a plain search's first is right for ${pct(plainRight.length)}, and a right candidate is in the top 20 for ${plainKept.length} of those ${plainRight.length}`);
};
recall('train', train);
recall('validation', validation);
/** How answering and abstaining trade off on validation, threshold by threshold. */
const curve = () => {
  const outcomes = topOutcomes(validation, s, w);
  const points = [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8].map((t) => {
    const a = accuracyAt(outcomes, t);
    return `${t}: answerable ${(100 * a.answerable).toFixed(0)}% / abstained ${(100 * a.abstained).toFixed(0)}%`;
  });
  log(`validation by threshold: ${points.join('; ')}`);
};
curve();
report('train', train);
report('validation', validation);
if (args.has('--test')) report('test', of('test'));

const round = (n: number) => Math.round(n * 1e6) / 1e6;
const text = `// Written by \`npm run train\` (tests/training/train.ts). Do not edit by hand.
// L2 ${l2}; threshold chosen on the validation split.
export const TRAINED = ${JSON.stringify(
  { features: FEATURE_NAMES, mean: s.mean.map(round), scale: s.scale.map(round), weights: w.map(round), threshold, dataHash: hash },
  null,
  2,
)};
`;
log('weights (on standardised features), largest first:');
for (const [name, weight] of FEATURE_NAMES.map((n, i) => [n, w[i]!] as const).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]))) log(`  ${name.padEnd(22)} ${weight >= 0 ? '+' : ''}${weight.toFixed(3)}`);
if (args.has('--check')) {
  const same = readFileSync(WEIGHTS_FILE, 'utf8') === text;
  log(same ? 'the committed weights are reproduced' : 'the committed weights differ from what the data gives: run npm run train');
  process.exitCode = same ? 0 : 1;
} else {
  writeFileSync(WEIGHTS_FILE, text);
  log(`wrote ${WEIGHTS_FILE}`);
}
