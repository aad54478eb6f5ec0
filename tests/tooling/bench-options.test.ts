/**
 * The options of `npm run bench` (tests/bench/options.ts): what --quick
 * leaves out, and the first line, which says how long the run takes.
 */
import { describe, expect, it } from 'vitest';
import { firstLine, RUN_MINUTES, settings, UsageError } from '../bench/options.js';

describe('npm run bench options', () => {
  it('the full run: three corpus sizes, documents up to 10 MB, and a first line giving its length and --quick', () => {
    const s = settings([]);
    expect(s.sizes).toEqual([1000, 10_000, 100_000]);
    expect(s.shapeMaxMb).toBe(10);
    expect(firstLine(s)).toBe(`npm run bench: about ${RUN_MINUTES.full} minutes on a quiet 2-core machine (synthetic corpora of 1,000, 10,000 and 100,000 sentences, documents up to 10 MB); --quick takes about ${RUN_MINUTES.quick}.`);
  });

  it('--quick: no 100,000-sentence corpus, no 10 MB documents, fewer rounds, and a first line saying so', () => {
    const [full, quick] = [settings([]), settings(['--quick'])];
    expect(quick.sizes).toEqual([1000, 10_000]);
    expect(quick.shapeMaxMb).toBe(1);
    for (const key of ['bundledRounds', 'coldRuns', 'adapterRuns', 'logRounds', 'chartRounds', 'adversarialRounds'] as const) expect(quick[key]).toBeLessThan(full[key]);
    expect(quick.scaleRounds(10_000)).toBeLessThan(full.scaleRounds(10_000));
    expect(firstLine(quick)).toMatch(/^npm run bench -- --quick: about \d+ minutes .*adds 100,000 sentences and 10 MB documents\)\.$/);
    expect(RUN_MINUTES.quick).toBeLessThan(RUN_MINUTES.full);
  });

  it('refuses an unknown option or section with a usage error', () => {
    expect(() => settings(['--quik'])).toThrow(UsageError);
    expect(() => settings(['--skip', 'bundled,nope'])).toThrow('--skip knows bundled, cold, scale, shape, adapters, adversarial, questionlog, charts: got "nope"');
  });
});
