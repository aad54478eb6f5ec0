/**
 * The labelled material the ranking is trained, tuned and tested on:
 * collections of documents (tests/training/data/<name>/docs) with questions
 * written for them (questions.json), and the bundled article with the
 * project's own question sets about it. Each collection belongs to one split
 * (splits.json), so no document is in two: train fits the weights,
 * validation chooses the regularisation and the threshold, test is scored at
 * the end only.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readQuestionFile } from '../../adapters/cli/eval-run.js';
import type { EvalCase } from '../../adapters/cli/evaluate.js';

export const TRAINING_DIR = fileURLToPath(new URL('./', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export type Split = 'train' | 'validation' | 'test';

export interface Collection {
  name: string;
  split: Split;
  corpusDir: string;
  cases: EvalCase[];
  /** The files its content comes from, for the data hash. */
  files: string[];
}

interface Manifest {
  splits: Record<string, Split>;
  /** Collections whose documents live elsewhere: the corpus folder and question files, from the project root. */
  external: Record<string, { corpus: string; questions: string[] }>;
}

const walk = (dir: string): string[] => readdirSync(dir).sort().flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));

export function loadCollections(): Collection[] {
  const manifest = JSON.parse(readFileSync(join(TRAINING_DIR, 'splits.json'), 'utf8')) as Manifest;
  const out: Collection[] = [];
  for (const [name, split] of Object.entries(manifest.splits)) {
    const external = manifest.external[name];
    if (external) {
      const corpusDir = join(ROOT, external.corpus);
      const questionFiles = external.questions.map((q) => join(ROOT, q));
      out.push({ name, split, corpusDir, cases: questionFiles.flatMap((f) => readQuestionFile(f).map((c) => ({ ...c, id: `${name}:${c.id}` }))), files: [...walk(corpusDir), ...questionFiles] });
    } else {
      // Every questions*.json beside docs/ (questions of several shapes may come in several files).
      const dir = join(TRAINING_DIR, 'data', name);
      const questionFiles = readdirSync(dir).filter((f) => /^questions.*\.json$/.test(f)).sort();
      out.push({ name, split, corpusDir: join(dir, 'docs'), cases: questionFiles.flatMap((f) => readQuestionFile(join(dir, f))), files: walk(dir) });
    }
  }
  return out;
}

/** SHA-256 over every file the collections are made of (path and bytes), and the splits. */
export function dataHash(collections: readonly Collection[]): string {
  const hash = createHash('sha256');
  hash.update(readFileSync(join(TRAINING_DIR, 'splits.json')));
  for (const file of [...new Set(collections.flatMap((c) => c.files))].sort()) {
    hash.update(relative(ROOT, file));
    hash.update('\0');
    hash.update(readFileSync(file));
  }
  return hash.digest('hex');
}
