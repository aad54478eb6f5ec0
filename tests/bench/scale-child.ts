/**
 * One corpus measured in a process of its own, so that one size's heap and
 * JIT state never colour the next: load time, build time, heap and RSS after
 * build, then answer latency next to raw search. Run by run.ts as
 *
 *   node --expose-gc --import tsx tests/bench/scale-child.ts '<json spec>'
 *
 * and prints one line "BENCH_RESULT {...}" on stdout. With `profileDir` it
 * profiles the build and the answering instead, and writes .cpuprofile files.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import MiniSearch from 'minisearch';
import { createEngine, defaultCorpusDir, type Engine } from '../../src/index.js';
import { loadCorpus, type Corpus } from '../../src/corpus/load.js';
import { buildKnowledge, type Knowledge } from '../../src/knowledge/knowledge.js';
import { processTerm, tokenize } from '../../src/text/analyze.js';
import { measureAdversarial, measureFirstUse, type AdversarialResult, type FirstUse } from './adversarial-measure.js';
import { measureLatency, memoryMb, type LatencyResult } from './measure.js';
import { formatSummary, profiled, summarizeProfile, writeProfile, type ProfileSummary } from './profile.js';

export interface ChildSpec {
  /** Corpus directory; the bundled corpus when absent. */
  dir?: string;
  /** A .bench-manifest.json (its `questions`) or an eval file ({cases: [{q}]}). */
  questionsFile: string;
  rounds: number;
  warmupRounds: number;
  /** Profile instead of measuring, writing build.cpuprofile and ask.cpuprofile here. */
  profileDir?: string;
  /**
   * Only time createEngine({corpusDir}) as an adapter starts, with snapshots
   * in this directory, or none when null. Prints a StartResult.
   */
  startOnly?: { snapshotDir: string | null };
  /** Also time the adversarial questions (adversarial.ts) this many rounds, and the first use of the word lists. */
  adversarialRounds?: number;
}

export interface StartResult {
  startMs: number;
}

export interface ChildResult {
  documents: number;
  passages: number;
  figures: number;
  loadMs: number;
  buildMs: number;
  memory: { baseHeapMb: number; heapUsedMb: number; rssMb: number; gc: boolean };
  /** Start from the corpus directory, rebuilding versus loading a snapshot, each in a fresh process (set by run.ts). */
  snapshot?: { saveStartMs: number; loadStartMs: number; rebuildStartMs: number; fileMb: number; speedup: number };
  /** Floors for load and build, timed in the same process: see floors(). */
  floor?: { readMs: number; corpusMb: number; indexMs: number };
  latency?: LatencyResult;
  rawIndex: 'engine' | 'rebuilt';
  profile?: { build: ProfileSummary; ask: ProfileSummary; files: string[] };
  adversarial?: AdversarialResult;
  firstUse?: FirstUse;
}

export function readQuestions(file: string): string[] {
  const data = JSON.parse(readFileSync(file, 'utf8')) as { questions?: string[]; cases?: { q: string }[] };
  const list = data.questions ?? data.cases?.map((c) => c.q) ?? [];
  if (list.length === 0) throw new Error(`no questions in ${file}`);
  return list;
}

/**
 * The engine's own index when it keeps one where knowledge.ts puts it (so
 * the floor is searched on the very same index); otherwise one built the
 * same way from the same corpus.
 */
function indexOf(engine: Engine, corpus: Corpus): { index: MiniSearch; from: ChildResult['rawIndex'] } {
  const k = (engine as unknown as { k?: Partial<Knowledge> }).k;
  if (k?.index && typeof k.index.search === 'function') return { index: k.index as unknown as MiniSearch, from: 'engine' };
  return { index: buildKnowledge(corpus).index as unknown as MiniSearch, from: 'rebuilt' };
}

export async function runChild(spec: ChildSpec): Promise<ChildResult> {
  const questions = readQuestions(spec.questionsFile);
  const base = memoryMb();
  const t0 = performance.now();
  const corpus = await loadCorpus(spec.dir ?? defaultCorpusDir());
  const t1 = performance.now();

  if (spec.profileDir) return profile(spec, corpus, questions, t1 - t0, base.heapUsed);

  // The same questions are asked round after round: with the answer cache on, the rounds would time the cache, not the engine.
  const engine = await createEngine({ corpus, answerCache: 0 });
  const t2 = performance.now();
  const mem = memoryMb();
  const { index, from } = indexOf(engine, corpus);
  // Before any other question: the word lists are loaded here, as a long-running surface loads them at start.
  const firstUse = spec.adversarialRounds ? measureFirstUse(engine) : undefined;
  const latency = measureLatency(engine, index, questions, { rounds: spec.rounds, warmupRounds: spec.warmupRounds });
  const adversarial = spec.adversarialRounds ? measureAdversarial(engine, index, corpus, spec.adversarialRounds) : undefined;
  return {
    ...counts(engine),
    loadMs: t1 - t0,
    buildMs: t2 - t1,
    memory: { baseHeapMb: base.heapUsed, heapUsedMb: mem.heapUsed, rssMb: mem.rss, gc: mem.gc },
    floor: floors(spec.dir ?? defaultCorpusDir(), corpus),
    latency,
    rawIndex: from,
    ...(adversarial ? { adversarial, firstUse } : {}),
  };
}

/**
 * What no loader or indexer can beat: reading every file of the corpus, and
 * a plain minisearch index of its sentences with the project's tokenizer and
 * stemmer (one field, no annotations). Timed after the memory figures, so
 * their garbage does not count there.
 */
function floors(dir: string, corpus: Corpus): { readMs: number; corpusMb: number; indexMs: number } {
  const t0 = performance.now();
  let bytes = 0;
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile() && !e.name.startsWith('.')) bytes += readFileSync(join(e.parentPath, e.name)).length;
  }
  const t1 = performance.now();
  const plain = new MiniSearch<{ id: number; text: string }>({ fields: ['text'], tokenize, processTerm });
  let id = 0;
  plain.addAll(corpus.documents.flatMap((d) => d.sentences.map((s) => ({ id: id++, text: s.text }))));
  const t2 = performance.now();
  return { readMs: t1 - t0, corpusMb: bytes / 2 ** 20, indexMs: t2 - t1 };
}

async function profile(spec: ChildSpec, corpus: Corpus, questions: string[], loadMs: number, baseHeapMb: number): Promise<ChildResult> {
  const dir = spec.profileDir!;
  const build = await profiled(() => createEngine({ corpus, answerCache: 0 }));
  const engine = build.result;
  const mem = memoryMb();
  for (let r = 0; r < spec.warmupRounds; r++) for (const q of questions) engine.ask(q);
  const ask = await profiled(() => {
    for (let r = 0; r < spec.rounds; r++) for (const q of questions) engine.ask(q);
  });
  const files = [join(dir, 'build.cpuprofile'), join(dir, 'ask.cpuprofile')];
  writeProfile(files[0]!, build.profile);
  writeProfile(files[1]!, ask.profile);
  const summary = { build: summarizeProfile(build.profile), ask: summarizeProfile(ask.profile), files };
  process.stderr.write(`${formatSummary('index build', summary.build)}\n\n${formatSummary(`answering (${spec.rounds} x ${questions.length} questions)`, summary.ask)}\n`);
  return {
    ...counts(engine),
    loadMs,
    buildMs: (build.profile.endTime - build.profile.startTime) / 1000,
    memory: { baseHeapMb, heapUsedMb: mem.heapUsed, rssMb: mem.rss, gc: mem.gc },
    rawIndex: 'engine',
    profile: summary,
  };
}

async function timeStart(dir: string | undefined, snapshotDir: string | null): Promise<StartResult> {
  const t0 = performance.now();
  await createEngine({ corpusDir: dir ?? defaultCorpusDir(), snapshot: snapshotDir === null ? false : { dir: snapshotDir } });
  return { startMs: performance.now() - t0 };
}

function counts(engine: Engine): Pick<ChildResult, 'documents' | 'passages' | 'figures'> {
  return {
    documents: engine.documents.length,
    passages: engine.documents.reduce((n, d) => n + d.sentences, 0),
    figures: engine.figures.length,
  };
}

// Only when run as the child process, not when imported for its types.
if (process.argv[1]?.endsWith('scale-child.ts')) {
  const spec = JSON.parse(process.argv[2] ?? '{}') as ChildSpec;
  const result = spec.startOnly ? await timeStart(spec.dir, spec.startOnly.snapshotDir) : await runChild(spec);
  process.stdout.write(`BENCH_RESULT ${JSON.stringify(result)}\n`);
}
