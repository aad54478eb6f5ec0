/**
 * The benchmark report: plain-text tables for the terminal (and the README),
 * and the goals of the performance issue checked against the figures.
 */
import type { AdapterResult } from './adapters.js';
import type { ColdStartResult } from './cold-start.js';
import type { ChildResult } from './scale-child.js';
import type { QuestionLogResult } from './question-log.js';

export interface ScaleRow {
  sentences: number;
  entities: number;
  result: ChildResult;
}

export interface Report {
  bundled?: ChildResult;
  bundledQuestions?: string;
  coldStart?: ColdStartResult;
  scale: ScaleRow[];
  adapters?: AdapterResult[];
  loopbackMs?: number;
  questionLog?: QuestionLogResult;
  failures?: { section: string; message: string }[];
}

export interface Goal {
  goal: string;
  value: string;
  met: boolean | undefined;
}

export function table(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(cells[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

const ms = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '-' : v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v >= 1 ? v.toFixed(2) : v.toFixed(3));
const x = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '-' : `${v.toFixed(v >= 10 ? 0 : 1)}x`);
const n = (v: number) => v.toLocaleString('en');

export function formatReport(r: Report): string {
  const out: string[] = [];
  if (r.bundled?.latency) {
    const l = r.bundled.latency;
    out.push(
      `Answer latency, bundled corpus (${r.bundled.passages} passages; ${l.questions} questions from ${r.bundledQuestions} x ${l.rounds} rounds, warm)`,
      table(
        ['', 'p50 ms', 'p99 ms', 'mean ms'],
        [
          ['engine.ask()', ms(l.engine.p50), ms(l.engine.p99), ms(l.engine.mean)],
          ['raw minisearch search', ms(l.raw.p50), ms(l.raw.p99), ms(l.raw.mean)],
          ['ratio engine / raw', x(l.ratio.p50), x(l.ratio.p99), x(l.engine.mean / l.raw.mean)],
        ],
      ),
      slowest(l.slowest),
      '',
    );
  }
  if (r.coldStart) {
    const c = r.coldStart;
    out.push(
      `Cold start (median of ${c.runs} runs each, interleaved)`,
      table(
        ['', 'median ms', 'ratio'],
        [
          ['node -e ""  (baseline)', ms(c.nodeMs), '1.0x'],
          [`one-shot ask --json, spawn to exit (${c.askPath})${c.askAnswered ? '' : ' (DID NOT ANSWER)'}`, ms(c.askMs), x(c.askRatio)],
          ['REPL, spawn to first answer (piped stdin; prints no prompt off a TTY)', ms(c.replMs), x(c.replRatio)],
          ...(c.alternatives ?? []).map((a) => [`${a.label}  (for comparison)`, ms(a.ms), x(a.ratio)]),
        ],
      ),
      `  ask:  ${c.askCommand}`,
      `  REPL: ${c.replCommand}  (stdin: "${'How much will InvestAI mobilise?'}")`,
      '',
    );
  }
  if (r.scale.length) {
    out.push(
      'Scale, synthetic corpora (each size in its own process; heap after a full GC)',
      table(
        ['sentences', 'docs', 'passages', 'entities', 'load ms', 'xread', 'build ms', 'xplain', 'heap MB', 'RSS MB', 'ask p50', 'ask p99', 'raw p50', 'raw p99', 'x p50', 'x p99', 'answered'],
        r.scale.map(({ sentences, entities, result: s }) => [
          n(sentences), n(s.documents), n(s.passages), entities,
          ms(s.loadMs), x(s.floor && s.loadMs / s.floor.readMs), ms(s.buildMs), x(s.floor && s.buildMs / s.floor.indexMs),
          s.memory.heapUsedMb.toFixed(0), s.memory.rssMb.toFixed(0),
          ms(s.latency?.engine.p50), ms(s.latency?.engine.p99), ms(s.latency?.raw.p50), ms(s.latency?.raw.p99),
          x(s.latency?.ratio.p50), x(s.latency?.ratio.p99), s.latency ? `${(s.latency.answeredShare * 100).toFixed(0)}%` : '-',
        ]),
      ),
      '  load: files to validated documents (x read: / reading the same files); build: createEngine({corpus}) (x plain: / a one-field minisearch',
      '  index of the same sentences with the same stemmer); ask/raw: ms per question, engine.ask() and raw minisearch search in alternate blocks.',
    );
    const largest = r.scale.at(-1)!;
    if (largest.result.latency) out.push(`At ${n(largest.sentences)} sentences:`, slowest(largest.result.latency.slowest));
    if (r.scale.length > 1) {
      out.push(
        '',
        'Growth from the previous size',
        table(
          ['sentences', 'x sentences', 'x build', 'x heap', 'x ask p50', 'x ask p99', 'x raw p99'],
          r.scale.slice(1).map((row, i) => {
            const a = r.scale[i]!.result;
            const b = row.result;
            return [n(row.sentences), x(row.sentences / r.scale[i]!.sentences), x(b.buildMs / a.buildMs), x(b.memory.heapUsedMb / a.memory.heapUsedMb),
              x((b.latency?.engine.p50 ?? NaN) / (a.latency?.engine.p50 ?? NaN)), x((b.latency?.engine.p99 ?? NaN) / (a.latency?.engine.p99 ?? NaN)), x((b.latency?.raw.p99 ?? NaN) / (a.latency?.raw.p99 ?? NaN))];
          }),
        ),
      );
    }
    out.push('');
  }
  const snap = [...(r.bundled?.snapshot ? [{ label: 'bundled', s: r.bundled.snapshot }] : []), ...r.scale.filter((row) => row.result.snapshot).map((row) => ({ label: n(row.sentences), s: row.result.snapshot! }))];
  if (snap.length) {
    out.push(
      'Start from the corpus directory: rebuild versus index snapshot (createEngine({corpusDir}))',
      table(
        ['sentences', 'rebuild ms', 'build+save ms', 'from snapshot ms', 'x faster', 'snapshot MB'],
        snap.map(({ label, s }) => [label, ms(s.rebuildStartMs), ms(s.saveStartMs), ms(s.loadStartMs), x(s.speedup), s.fileMb.toFixed(1)]),
      ),
      '  each a fresh process timing createEngine({corpusDir}): rebuild with snapshots off; build+save into an empty snapshot directory;',
      '  from snapshot: the next starts, which read it (median of 3). x faster: rebuild / from snapshot.',
      '',
    );
  }
  if (r.adapters) {
    out.push(
      `Adapter round trips (baseline: bare loopback HTTP request, median ${ms(r.loopbackMs)} ms)`,
      table(['', 'median ms', 'ratio', 'note'], r.adapters.map((a) => [a.name, a.status === 'ok' ? ms(a.medianMs) : a.status, x(a.ratio), a.detail ?? ''])),
      '',
    );
  }
  if (r.questionLog) {
    const q = r.questionLog;
    out.push(
      `Question log on the answer path (baseline: the same ${q.questions} questions with the log off; each question's median of ${q.rounds} rounds, interleaved)`,
      table(['', 'ms, all questions', 'ratio'], [
        ['log off', ms(q.offMs), '1.00x'],
        ['log on (SQLite), answer path', ms(q.onMs), `${q.ratio.toFixed(2)}x`],
        ['batched write after the answers', ms(q.flushMs), ''],
        ['log on, answers + writes', ms(q.onMs + q.flushMs), `${q.withWritesRatio.toFixed(2)}x`],
      ]),
      `  rows stored ${n(q.stored)}, not stored ${n(q.unsaved)}`,
      '',
    );
  }
  const adversarial = [
    ...(r.bundled?.adversarial ? [{ label: `bundled corpus (${n(r.bundled.passages)} passages)`, c: r.bundled }] : []),
    ...r.scale.filter((row) => row.result.adversarial).map((row) => ({ label: `${n(row.sentences)} sentences`, c: row.result })),
  ];
  for (const { label, c } of adversarial) out.push(formatAdversarial(label, c), '');
  for (const f of r.failures ?? []) out.push(`FAILED ${f.section}: ${f.message}`, '');
  return out.join('\n');
}

/** The adversarial questions of one corpus, slowest first, against the ordinary questions' p99 in the same process. */
function formatAdversarial(label: string, c: ChildResult): string {
  const a = c.adversarial!;
  const base = c.latency?.engine.p99;
  const rows = [...a.rows].sort((x, y) => y.engine.max - x.engine.max);
  const short = (q: string) => (q.length > 60 ? `${q.slice(0, 57)}...` : q);
  return [
    `Adversarial questions, ${label}: ${a.rows.length} kinds x ${a.rounds} rounds (+1 first answer, counted in max); baseline: ordinary questions' p99 ${ms(base)} ms, same process`,
    table(
      ['kind', 'chars', 'p50 ms', 'p99 ms', 'max ms', 'first ms', 'x base p99', 'raw p50', 'answered', 'question'],
      rows.map((row) => [row.kind, row.question.length, ms(row.engine.p50), ms(row.engine.p99), ms(row.engine.max), ms(row.firstMs), x(row.engine.max / (base ?? NaN)), ms(row.rawP50), row.answered ? 'yes' : 'no', JSON.stringify(short(row.question))]),
    ),
    `  all adversarial answers: p50 ${ms(a.all.p50)} ms, p99 ${ms(a.all.p99)} ms, max ${ms(a.all.max)} ms; worst: ${a.worst.kind} (${ms(a.worst.engine.max)} ms)`,
    `  worst input: ${JSON.stringify(a.worst.question)}`,
    ...(c.firstUse ? [`  English word lists loaded at start (preloadWordLists, as the REPL, Slack and Discord do): ${ms(c.firstUse.preloadMs)} ms; then the first question needing them ${ms(c.firstUse.firstMs)} ms, warm ${ms(c.firstUse.warmMs)} ms ("${c.firstUse.question}")`] : []),
  ].join('\n');
}

function slowest(list: { question: string; medianMs: number; rawMedianMs: number }[]): string {
  return ['  slowest questions (median ms, engine / raw):', ...list.map((q) => `    ${ms(q.medianMs).padStart(6)} / ${ms(q.rawMedianMs).padStart(6)}  ${q.question}`)].join('\n');
}

/** The goals, each with the figure it is judged on; `met` undefined when not measured in this run. */
export function checkGoals(r: Report): Goal[] {
  const goals: Goal[] = [];
  const b = r.bundled?.latency;
  if (b) {
    goals.push({ goal: 'answer p99 <= 1 ms, bundled corpus', value: `${ms(b.engine.p99)} ms`, met: b.engine.p99 <= 1 });
    goals.push({ goal: 'answer p99 <= 3x raw search, bundled corpus', value: x(b.ratio.p99), met: b.ratio.p99 <= 3 });
  }
  for (const s of r.scale) {
    const l = s.result.latency;
    if (l) goals.push({ goal: `answer p99 <= 3x raw search, ${n(s.sentences)} sentences`, value: `${x(l.ratio.p99)} (${ms(l.engine.p99)} vs ${ms(l.raw.p99)} ms)`, met: l.ratio.p99 <= 3 });
  }
  const big = r.scale.find((s) => s.sentences === 100_000)?.result;
  if (big) {
    if (big.latency) goals.push({ goal: 'answer p99 <= 25 ms at 100,000 sentences', value: `${ms(big.latency.engine.p99)} ms`, met: big.latency.engine.p99 <= 25 });
    goals.push({ goal: 'index build <= 5 s at 100,000 sentences', value: `${ms(big.buildMs)} ms build (+ ${ms(big.loadMs)} ms load)`, met: big.buildMs <= 5000 });
    goals.push({ goal: 'heap <= 400 MB at 100,000 sentences', value: `${big.memory.heapUsedMb.toFixed(0)} MB${big.memory.gc ? '' : ' (no --expose-gc)'}`, met: big.memory.heapUsedMb <= 400 });
  }
  const snapshots = r.scale.filter((s) => s.result.snapshot);
  if (snapshots.length === 0) goals.push({ goal: 'snapshot load >= 5x faster than rebuild', value: 'not measured (the engine saved no snapshot)', met: undefined });
  for (const s of snapshots) {
    const snap = s.result.snapshot!;
    goals.push({ goal: `snapshot load >= 5x faster than rebuild, ${n(s.sentences)} sentences`, value: `${x(snap.speedup)} (${ms(snap.loadStartMs)} vs ${ms(snap.rebuildStartMs)} ms)`, met: snap.speedup >= 5 });
  }
  if (r.questionLog) goals.push({ goal: 'answer path with the question log <= 1.1x off', value: `${r.questionLog.ratio.toFixed(2)}x (${ms(r.questionLog.onMs)} vs ${ms(r.questionLog.offMs)} ms over all questions)`, met: r.questionLog.ratio <= 1.1 });
  const bundledAdv = r.bundled?.adversarial;
  if (b && bundledAdv) goals.push({ goal: 'answer p99 <= 2 ms, bundled corpus (issue 10)', value: `${ms(b.engine.p99)} ms`, met: b.engine.p99 <= 2 });
  const bigAdv = big?.adversarial;
  if (bigAdv) goals.push({ goal: 'worst adversarial question <= 50 ms at 100,000 sentences', value: `${ms(bigAdv.worst.engine.max)} ms (${bigAdv.worst.kind})`, met: bigAdv.worst.engine.max <= 50 });
  if (r.coldStart) goals.push({ goal: 'one-shot ask cold start <= 3x node -e ""', value: `${x(r.coldStart.askRatio)} (${ms(r.coldStart.askMs)} vs ${ms(r.coldStart.nodeMs)} ms)`, met: r.coldStart.askRatio <= 3 });
  return goals;
}

export function formatGoals(goals: Goal[]): string {
  return ['Goals', table(['', 'figure', 'met'], goals.map((g) => [g.goal, g.value, g.met === undefined ? '-' : g.met ? 'yes' : 'NO']))].join('\n');
}
