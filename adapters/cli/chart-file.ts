/**
 * Writes the chart of an answer to a file, PNG or SVG by its extension
 * (`ask --chart FILE`, the REPL's `:chart FILE`), and names files for a
 * `:chart` given no file.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { Answer } from '../../src/index.js';
import { answerChart, drawChart, type ChartFormat } from '../shared/chart/index.js';

/** The format a chart file's name asks for, or undefined for any other extension. */
export function chartFormatOf(file: string): ChartFormat | undefined {
  const ext = extname(file).toLowerCase();
  return ext === '.png' ? 'png' : ext === '.svg' ? 'svg' : undefined;
}

/** Why an answer gets no chart. */
export const NO_CHART = 'this answer has no chart: it rests on fewer than two amounts';

export type ChartFileResult = { written: true; bytes: number; ms: number } | { written: false; reason: string };

export async function writeChartFile(answer: Answer, file: string): Promise<ChartFileResult> {
  const format = chartFormatOf(file);
  if (!format) return { written: false, reason: `a chart file must end in .png or .svg: ${file}` };
  const model = answerChart(answer);
  if (!model) return { written: false, reason: NO_CHART };
  const chart = await drawChart(model, format);
  await writeFile(file, chart.data);
  return { written: true, bytes: chart.data.length, ms: chart.ms };
}

/**
 * Where charts go when no file is named: a folder of their own, made on
 * first use inside `parent` (mkdtemp: no other user's file is ever
 * overwritten, even in a shared temporary folder), holding chart-1.png,
 * chart-2.png, ...
 */
export class ChartFolder {
  private dir: Promise<string> | undefined;
  private count = 0;

  constructor(readonly parent: string) {}

  /** The path for the next chart. */
  async next(format: ChartFormat): Promise<string> {
    this.dir ??= mkdir(this.parent, { recursive: true }).then(() => mkdtemp(join(this.parent, 'summit-qa-charts-')));
    let dir: string;
    try {
      dir = await this.dir;
    } catch (error) {
      // Tried again on the next chart (the folder may be made writable meanwhile).
      this.dir = undefined;
      throw error;
    }
    this.count += 1;
    return join(dir, `chart-${this.count}.${format}`);
  }
}
