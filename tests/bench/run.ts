/**
 * The benchmark suite (`npm run bench`): answer latency on the bundled
 * corpus, cold start, scale on synthetic corpora, indexing cost of awkward
 * document shapes, and the adapters' round trips. Every speed figure is reported next to a baseline timed in the same
 * run, because the machines are shared and noisy: ratios travel, ms do not.
 * Prints tables and writes tests/bench/results/latest.json. Options
 * (--quick, --sizes, --skip, --profile) in options.ts; docs/performance.md
 * explains the figures.
 *
 * Adversarial questions (adversarial.ts: repeated, rare, misspelt and made-up
 * words, names, amounts, punctuation, up to 1,000 characters) are timed in the
 * bundled and scale processes, after the ordinary questions, unless skipped.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loopbackHttpMedian, measureAdapters } from './adapters.js';
import { measureColdStart } from './cold-start.js';
import { formatCharts, type ChartBench } from './charts.js';
import { checkGoals, formatGoals, formatReport, type Report } from './report.js';
import { median } from './measure.js';
import type { ChildResult, ChildSpec, StartResult } from './scale-child.js';
import { ensureSynthCorpus } from './synth-corpus.js';
import { formatShapes, measureShapes, type ShapeRow } from './shapes.js';
import { measureQuestionLog } from './question-log.js';
import { firstLine, SECTIONS, settings, USAGE, UsageError } from './options.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RESULTS = fileURLToPath(new URL('./results/', import.meta.url));

/** Runs scale-child.ts in a fresh node with --expose-gc; its stderr passes through. */
function runChild<T = ChildResult>(spec: ChildSpec): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', 'tests/bench/scale-child.ts', JSON.stringify(spec)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const line = stdout.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
      if (code !== 0 || !line) return reject(new Error(`benchmark child exited with ${code}${line ? '' : ' without a result'}`));
      resolve(JSON.parse(line.slice('BENCH_RESULT '.length)) as T);
    });
  });
}

/** The chart benchmark in a fresh process, so its first chart pays for loading the libraries as a bot's would. */
function runCharts(rounds: number): Promise<ChartBench> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/bench/charts.ts', String(rounds)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const line = stdout.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
      if (code !== 0 || !line) return reject(new Error(`chart benchmark exited with ${code}${line ? '' : ' without a result'}`));
      resolve(JSON.parse(line.slice('BENCH_RESULT '.length)) as ChartBench);
    });
  });
}

/**
 * Start from the directory without a snapshot, then with an empty snapshot
 * directory (build and save), then from the saved snapshot (median of 3):
 * each a fresh process, as a user restarting the bot meets it.
 */
async function measureSnapshot(dir: string | undefined, questionsFile: string): Promise<ChildResult['snapshot']> {
  const snapshotDir = mkdtempSync(join(tmpdir(), 'summit-qa-bench-snapshot-'));
  const start = async (snapshot: string | null) => (await runChild<StartResult>({ dir, questionsFile, rounds: 0, warmupRounds: 0, startOnly: { snapshotDir: snapshot } })).startMs;
  try {
    const rebuildStartMs = await start(null);
    const saveStartMs = await start(snapshotDir);
    const files = readdirSync(snapshotDir).filter((f) => f.endsWith('.snapshot'));
    if (files.length === 0) return undefined; // the engine saved none: nothing to compare
    const loadStartMs = median([await start(snapshotDir), await start(snapshotDir), await start(snapshotDir)]);
    const fileMb = files.reduce((sum, f) => sum + statSync(join(snapshotDir, f)).size, 0) / 2 ** 20;
    return { rebuildStartMs, saveStartMs, loadStartMs, fileMb, speedup: rebuildStartMs / loadStartMs };
  } finally {
    rmSync(snapshotDir, { recursive: true, force: true });
  }
}

function practiceQuestions(): string {
  const shared = join(ROOT, '../shared/eval/questions.json');
  return existsSync(shared) ? shared : join(ROOT, 'tests/eval/cases.json');
}

const log = (text: string) => process.stderr.write(`${text}\n`);

function gitCommit(): string | undefined {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'adapters', 'corpus'], { cwd: ROOT, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${head} (with uncommitted changes in src/, adapters/ or corpus/)` : head;
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  const s = settings(process.argv.slice(2));
  log(firstLine(s));
  const report: Report = { scale: [] };
  const json: Record<string, unknown> = {
    date: new Date().toISOString(),
    commit: gitCommit(),
    node: process.version,
    machine: { cpus: cpus().length, model: cpus()[0]?.model },
    settings: { ...s, scaleRounds: Object.fromEntries(s.sizes.map((n) => [n, s.scaleRounds(n)])), skip: [...s.skip] },
  };

  // A section that fails is reported as failed; the others still run and are written.
  const section = async (name: string, work: () => Promise<void>) => {
    if (s.skip.has(name)) return;
    try {
      await work();
    } catch (error) {
      const message = (error as Error).message.split('\n').slice(0, 3).join(' | ');
      log(`${name}: FAILED: ${message}`);
      (report.failures ??= []).push({ section: name, message });
    }
  };
  await section('bundled', async () => {
    const questionsFile = practiceQuestions();
    log(`bundled corpus: ${s.bundledRounds} rounds of ${questionsFile} ...`);
    const bundled = await runChild({ questionsFile, rounds: s.bundledRounds, warmupRounds: s.warmupRounds, adversarialRounds: s.adversarialRounds });
    bundled.snapshot = await measureSnapshot(undefined, questionsFile);
    report.bundled = bundled;
    report.bundledQuestions = questionsFile.startsWith(ROOT) ? questionsFile.slice(ROOT.length) : questionsFile;
  });
  await section('cold', async () => {
    log(`cold start: ${s.coldRuns} runs ...`);
    report.coldStart = await measureColdStart(s.coldRuns);
  });
  await section('scale', async () => {
    for (const size of s.sizes) {
      const m = ensureSynthCorpus({ sentences: size });
      log(`scale ${size.toLocaleString('en')} sentences: ${m.generated ? 'generated' : 'reusing'} ${m.dir} (${m.documents} documents) ...`);
      const questionsFile = join(m.dir, '.bench-manifest.json');
      const result = await runChild({ dir: m.dir, questionsFile, rounds: s.scaleRounds(size), warmupRounds: 1, adversarialRounds: s.adversarialRounds });
      result.snapshot = await measureSnapshot(m.dir, questionsFile);
      report.scale.push({ sentences: size, entities: m.entities, result });
    }
  });
  let shapes: ShapeRow[] | undefined;
  await section('shape', async () => {
    shapes = await measureShapes(log, s.shapeMaxMb);
    json.shapes = shapes;
  });
  await section('adapters', async () => {
    log(`adapters: ${s.adapterRuns} round trips each ...`);
    report.loopbackMs = await loopbackHttpMedian(s.adapterRuns * 5);
    report.adapters = await measureAdapters(s.adapterRuns, report.loopbackMs);
  });

  await section('questionlog', async () => {
    log(`question log: ${s.logRounds} rounds, log off and on ...`);
    report.questionLog = await measureQuestionLog(join(ROOT, 'tests/eval/cases.json'), s.logRounds);
  });

  let charts: ChartBench | undefined;
  await section('charts', async () => {
    log(`charts: ${s.chartRounds} rounds ...`);
    charts = await runCharts(s.chartRounds);
    json.charts = charts;
  });

  const goals = checkGoals(report);
  const text = `${formatReport(report)}\n${shapes ? `${formatShapes(shapes)}\n\n` : ''}${charts ? `${formatCharts(charts)}\n\n` : ''}${formatGoals(goals)}\n`;
  process.stdout.write(`\n${text}`);

  const size = s.profile;
  if (size !== undefined) {
    await section('profile', async () => {
      const m = size === 'bundled' ? undefined : ensureSynthCorpus({ sentences: size });
      const profileDir = join(RESULTS, `profile-${size}`);
      mkdirSync(profileDir, { recursive: true });
      log(`\nprofiling ${size.toLocaleString('en')}${m ? ' sentences' : ' corpus'} (timings under the profiler are not comparable) ...`);
      // The bundled corpus answers in well under a millisecond: many more rounds for enough samples.
      const spec = m ? { dir: m.dir, questionsFile: join(m.dir, '.bench-manifest.json'), rounds: 2 } : { questionsFile: practiceQuestions(), rounds: 200 };
      const p = await runChild({ ...spec, warmupRounds: 2, profileDir });
      json.profile = { corpus: size, ...p.profile };
      writeFileSync(join(profileDir, 'summary.json'), `${JSON.stringify(json.profile, null, 2)}\n`);
    });
  }

  if (report.failures) process.exitCode = 1;
  // A profile-only run keeps the last measurements: it has none of its own.
  if (SECTIONS.every((name) => s.skip.has(name))) return;
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(join(RESULTS, 'latest.json'), `${JSON.stringify({ ...json, ...report, goals, text }, null, 2)}\n`);
  log(`\nwritten: tests/bench/results/latest.json`);
}

try {
  await main();
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  process.stderr.write(`${error.message}\n${USAGE}\n`);
  process.exitCode = 2;
}
