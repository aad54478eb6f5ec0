/**
 * Fuzzing with real text nobody here wrote: every Markdown and text file
 * under node_modules (READMEs, changelogs, licences) loaded as one corpus,
 * then questions made from its own sentences. Nothing may throw, every
 * answer must be a valid Answer whose quotes are exact slices of the stored
 * text, and every document must stay within the reading limits (one page
 * made of all the others, past maxHtmlElements, shows a limit at work). How
 * long each document took to read is measured and printed, not asserted.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_DOCUMENT_LIMITS, isUserFacing } from '../../src/index.js';
import { loadMeasured, problemsOf, questionsFor, seeded, spread } from './fuzz-questions.js';
import { copyInto, NODE_MODULES, textFilesByPackage } from './node-modules-files.js';

const dir = mkdtempSync(join(tmpdir(), 'summit-qa-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Documents questions are made from (evenly spread over the corpus), and questions of mixed words. */
const SAMPLED_DOCUMENTS = 120;
const MIXES = 50;

describe('node_modules text as one corpus', () => {
  it('loads every file (or names it in a warning), and answers questions from its sentences with valid Answers and exact quotes', async () => {
    const files = textFilesByPackage().flatMap((p) => p.files);
    expect(files.length).toBeGreaterThan(100);
    copyInto(dir, files);
    // All of it as one HTML page, each word an element, sorted last: past maxHtmlElements, it must be refused before it is parsed, with one warning.
    const words = files.flatMap((f) => readFileSync(join(NODE_MODULES, f), 'utf8').split(/\s+/)).map((w) => w.replace(/&/g, '&amp;').replace(/</g, '&lt;'));
    writeFileSync(join(dir, 'zz-everything.html'), `<html><body><p>${words.map((w) => `<span>${w}</span>`).join(' ')}</p></body></html>`);
    files.push('zz-everything.html');

    const internalErrors: unknown[] = [];
    const { engine, warnings, readMs, totalMs } = await loadMeasured(dir, internalErrors);
    // Each warning is one line naming a file; every file is served or was skipped by one.
    for (const line of warnings) expect(line).toMatch(/^corpus (?:warning in [^\n]+|note: [^\n]+)$/);
    const skipped = warnings.filter((w) => /\((?:document )?skipped\)$/.test(w));
    expect(engine.documents.length + skipped.length).toBe(files.length);
    for (const doc of engine.documents) expect(engine.documentText(doc.id)!.length).toBeLessThanOrEqual(DEFAULT_DOCUMENT_LIMITS.maxTextChars);
    expect(warnings.filter((w) => w.includes('zz-everything.html'))).toEqual([expect.stringMatching(/zz-everything\.html: the page has more than the maxHtmlElements limit of 100,000 elements \(document skipped\)$/)]);

    const step = Math.max(1, Math.floor(engine.documents.length / SAMPLED_DOCUMENTS));
    const texts = engine.documents.filter((_, i) => i % step === 0).map((d) => engine.documentText(d.id)!);
    const questions = questionsFor(texts, seeded(20), 1, MIXES);
    const problems: string[] = [];
    let answered = 0;
    const asking = performance.now();
    for (const question of questions) {
      let answer;
      try {
        answer = engine.ask(question);
      } catch (error) {
        problems.push(`${JSON.stringify(question)} threw ${String(error)}`);
        continue;
      }
      if (answer.answered) answered++;
      problems.push(...problemsOf(engine, question, answer));
    }
    const askMs = performance.now() - asking;
    expect(problems).toEqual([]);
    // ask() answers politely when something inside fails; that must not have happened either.
    expect(internalErrors.map((e) => (isUserFacing(e) ? e.message : (e as Error)?.stack ?? String(e)))).toEqual([]);

    // Read times, for the record (a busy machine is slower; limits are what bound them).
    const { median, max } = spread(readMs.map((r) => r.ms));
    const slowest = readMs.reduce((a, b) => (b.ms > a.ms ? b : a), { file: 0, ms: 0 });
    console.log(
      `node_modules as one corpus: ${files.length} files, ${engine.documents.length} documents, ${warnings.length} warnings; ` +
        `loaded and indexed in ${(totalMs / 1000).toFixed(1)} s; read per document: median ${median.toFixed(1)} ms, slowest ${max.toFixed(0)} ms (file ${slowest.file} of ${files.length}); ` +
        `${questions.length} questions in ${(askMs / 1000).toFixed(1)} s, ${answered} answered`,
    );
  }, 900_000); // the heaviest suite (about 200 s with another npm test beside it): a bound for a hang, not a measure of speed
});
