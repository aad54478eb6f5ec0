/**
 * Chart cost next to answer cost (`npm run bench`, section "charts"): for
 * questions whose answers have a chart, the engine's answer time and the
 * chart's drawing time (Vega-Lite spec -> SVG -> PNG), median and p99, and
 * the first chart alone, which also loads Vega, Vega-Lite and resvg. Run in
 * a fresh process so that first load is measured as a user's bot meets it.
 */
import { performance } from 'node:perf_hooks';
import { createEngine } from '../../src/index.js';
import { answerChart, drawChart } from '../../adapters/shared/chart/index.js';
import { summarize, type Summary } from './measure.js';

export const CHART_QUESTIONS = ['compare InvestAI with Stargate', 'compare the French package with Stargate', 'how much do the Champions and InvestAI add up to'];

export interface ChartBench {
  questions: number;
  rounds: number;
  answerMs: Summary;
  /** Drawing a PNG, libraries already loaded. */
  pngMs: Summary;
  /** The SVG alone (no rasterising). */
  svgMs: Summary;
  /** The first PNG of the process, loading the libraries included. */
  firstChartMs: number;
  pngBytes: number;
}

export async function measureCharts(rounds: number): Promise<ChartBench> {
  const engine = await createEngine();
  const answers = CHART_QUESTIONS.map((q) => engine.ask(q));
  const models = answers.map((a, i) => {
    const m = answerChart(a);
    if (!m) throw new Error(`"${CHART_QUESTIONS[i]}" has no chart: update CHART_QUESTIONS`);
    return m;
  });
  let started = performance.now();
  const first = await drawChart(models[0]!, 'png');
  const firstChartMs = performance.now() - started;

  const answerMs: number[] = [];
  const pngMs: number[] = [];
  const svgMs: number[] = [];
  let n = 0;
  for (let r = 0; r < rounds; r++) {
    for (const [i, q] of CHART_QUESTIONS.entries()) {
      started = performance.now();
      engine.ask(q, { conversation: `bench-${n++}` });
      answerMs.push(performance.now() - started);
      started = performance.now();
      await drawChart(models[i]!, 'png');
      pngMs.push(performance.now() - started);
      started = performance.now();
      await drawChart(models[i]!, 'svg');
      svgMs.push(performance.now() - started);
    }
  }
  return { questions: CHART_QUESTIONS.length, rounds, answerMs: summarize(answerMs), pngMs: summarize(pngMs), svgMs: summarize(svgMs), firstChartMs, pngBytes: first.data.length };
}

export function formatCharts(c: ChartBench): string {
  const f = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(1));
  const row = (name: string, s: Summary) => `| ${name} | ${f(s.p50)} | ${f(s.p99)} | ${(s.p50 / c.answerMs.p50).toFixed(0)}x |`;
  return [
    `Charts (${c.questions} questions with a chart x ${c.rounds} rounds; ms)`,
    '| step | median | p99 | median vs answer |',
    '|---|---|---|---|',
    `| answer (engine.ask) | ${f(c.answerMs.p50)} | ${f(c.answerMs.p99)} | 1x |`,
    row('chart as SVG (Vega-Lite -> Vega -> SVG)', c.svgMs),
    row('chart as PNG (SVG -> resvg)', c.pngMs),
    `first chart of a process, loading Vega, Vega-Lite and resvg: ${f(c.firstChartMs)} ms; PNG ${Math.round(c.pngBytes / 1024)} KB`,
  ].join('\n');
}

// Run as a child of run.ts: `tsx tests/bench/charts.ts ROUNDS` prints one BENCH_RESULT line.
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  const result = await measureCharts(Number(process.argv[2] ?? 20));
  process.stdout.write(`BENCH_RESULT ${JSON.stringify(result)}\n`);
}
