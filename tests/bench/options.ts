/**
 * The options of `npm run bench`, and the line it starts with, which says how
 * long the run will take and what --quick leaves out.
 *
 *   npm run bench                          sizes 1,000 / 10,000 / 100,000, every section
 *   npm run bench -- --quick               sizes 1,000 / 10,000, fewer rounds, no 10 MB documents
 *   npm run bench -- --sizes 1000,50000    chosen sizes
 *   npm run bench -- --skip cold,adapters  leave sections out
 *   npm run bench -- --profile 100000      also profile build and answering at that size ("bundled": the bundled corpus)
 */
import { parseArgs } from 'node:util';

export const SECTIONS = ['bundled', 'cold', 'scale', 'shape', 'adapters', 'adversarial', 'questionlog', 'charts'] as const;

/** Minutes a run takes on a quiet two-core machine (docs/performance.md); a busy machine takes longer. */
export const RUN_MINUTES = { full: 7, quick: 2 } as const;

export interface Settings {
  quick: boolean;
  sizes: number[];
  bundledRounds: number;
  warmupRounds: number;
  /** Measured rounds over the ~200 synthetic questions, by size: bigger corpora take fewer, the sample stays >= 1,000. */
  scaleRounds: (size: number) => number;
  coldRuns: number;
  adapterRuns: number;
  logRounds: number;
  chartRounds: number;
  /** Measured rounds over the adversarial questions; 0 when skipped. */
  adversarialRounds: number;
  /** The largest document of the shape section, in MB. */
  shapeMaxMb: number;
  skip: Set<string>;
  /** Sentences of the synthetic corpus to profile, or 'bundled'. */
  profile?: number | 'bundled';
}

export class UsageError extends Error {}

export const USAGE = `usage: npm run bench -- [--quick] [--sizes 1000,10000,100000] [--skip ${SECTIONS.join(',')}] [--profile SIZE|bundled]`;

export function settings(argv: string[]): Settings {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { quick: { type: 'boolean', default: false }, sizes: { type: 'string' }, skip: { type: 'string' }, profile: { type: 'string' } },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const quick = values.quick === true;
  const sizes = values.sizes ? values.sizes.split(',').map((s) => Number(s.replace(/[_\s]/g, ''))) : quick ? [1000, 10_000] : [1000, 10_000, 100_000];
  if (sizes.some((s) => !Number.isInteger(s) || s < 10)) throw new UsageError(`--sizes wants whole numbers of sentences, at least 10: got "${values.sizes}"`);
  const skip = new Set((values.skip ?? '').split(',').filter(Boolean));
  for (const s of skip) if (!(SECTIONS as readonly string[]).includes(s)) throw new UsageError(`--skip knows ${SECTIONS.join(', ')}: got "${s}"`);
  const profile = values.profile === undefined || values.profile === 'bundled' ? values.profile : Number(values.profile);
  if (typeof profile === 'number' && !(Number.isInteger(profile) && profile >= 10)) throw new UsageError(`--profile wants a number of sentences or "bundled": got "${values.profile}"`);
  return {
    quick,
    sizes,
    bundledRounds: quick ? 10 : 50,
    // V8 re-optimises the engine's functions for the object shapes it meets over the first thousand
    // or so answers (about fifteen deoptimisations, each a 2-6 ms answer, seen with --trace-deopt);
    // a server is past them within its first second. The cold section times a fresh start.
    warmupRounds: quick ? 10 : 40,
    scaleRounds: (size) => (quick ? 3 : size >= 100_000 ? 5 : size >= 10_000 ? 10 : 20),
    coldRuns: quick ? 3 : 7,
    adapterRuns: quick ? 5 : 20,
    logRounds: quick ? 10 : 40,
    chartRounds: quick ? 10 : 40,
    adversarialRounds: skip.has('adversarial') ? 0 : quick ? 3 : 10,
    // The 10 MB documents take most of the shape section; the 1 MB ones show the same ratios.
    shapeMaxMb: quick ? 1 : 10,
    skip,
    profile,
  };
}

/** "1,000, 10,000 and 100,000". */
function list(sizes: readonly number[]): string {
  const words = sizes.map((n) => n.toLocaleString('en'));
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/** The first line of a run: how long it takes, and what --quick leaves out. */
export function firstLine(s: Settings): string {
  const what = `synthetic corpora of ${list(s.sizes)} sentences, documents up to ${s.shapeMaxMb} MB`;
  return s.quick
    ? `npm run bench -- --quick: about ${RUN_MINUTES.quick} minutes on a quiet 2-core machine (${what}, fewer rounds; the full run, about ${RUN_MINUTES.full} minutes, adds 100,000 sentences and 10 MB documents).`
    : `npm run bench: about ${RUN_MINUTES.full} minutes on a quiet 2-core machine (${what}); --quick takes about ${RUN_MINUTES.quick}.`;
}
