/**
 * The same fuzzing as node-modules-corpus.test.ts, one corpus per package:
 * small corpora (one README, or a README and a changelog) are where odd
 * text weighs most. The first PACKAGES packages in name order keep the run
 * short. A package whose every file is unservable (no text at all) cannot
 * start an engine: that must be a user-facing corpus error naming the file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isUserFacing } from '../../src/index.js';
import { loadMeasured, problemsOf, questionsFor, seeded, spread } from './fuzz-questions.js';
import { copyInto, textFilesByPackage } from './node-modules-files.js';

const PACKAGES = 40;
const root = mkdtempSync(join(tmpdir(), 'summit-qa-fuzz-packages-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const packages = textFilesByPackage().slice(0, PACKAGES);
const readTimes: number[] = [];
afterAll(() => {
  const { median, max } = spread(readTimes);
  console.log(`node_modules, one corpus per package: ${packages.length} packages; read per document: median ${median.toFixed(1)} ms, slowest ${max.toFixed(0)} ms`);
});

describe('node_modules text, one corpus per package', () => {
  it('finds the packages', () => {
    expect(packages.length).toBe(PACKAGES);
  });

  it.each(packages.map((p, i) => [p.name, p.files, i] as const))('%s', async (_name, files, i) => {
    const dir = join(root, String(i));
    copyInto(dir, files);
    const internalErrors: unknown[] = [];
    const loaded = await loadMeasured(dir, internalErrors).catch((error: unknown) => error);
    if (!('engine' in (loaded as object))) {
      expect(isUserFacing(loaded), String((loaded as Error)?.stack ?? loaded)).toBe(true);
      expect((loaded as Error).message).toMatch(/^corpus error in [^\n]+$/);
      return;
    }
    const { engine, warnings, readMs } = loaded as Awaited<ReturnType<typeof loadMeasured>>;
    readTimes.push(...readMs.map((r) => r.ms));
    for (const line of warnings) expect(line).toMatch(/^corpus (?:warning in [^\n]+|note: [^\n]+)$/);
    const texts = engine.documents.map((d) => engine.documentText(d.id)!);
    const questions = questionsFor(texts, seeded(i + 1), 3, 5);
    const problems: string[] = [];
    for (const question of questions) problems.push(...problemsOf(engine, question, engine.ask(question)));
    expect(problems).toEqual([]);
    expect(internalErrors.map((e) => (e as Error)?.stack ?? String(e))).toEqual([]);
  });
});
