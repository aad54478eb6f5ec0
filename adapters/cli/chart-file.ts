/**
 * Writes the chart of an answer to a file, PNG or SVG by its extension
 * (`ask --chart FILE`, the REPL's `:chart FILE`).
 */
import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Answer } from '../../src/index.js';
import { answerChart, drawChart, type ChartFormat } from '../shared/chart/index.js';

/** The format a chart file's name asks for, or undefined for any other extension. */
export function chartFormatOf(file: string): ChartFormat | undefined {
  const ext = extname(file).toLowerCase();
  return ext === '.png' ? 'png' : ext === '.svg' ? 'svg' : undefined;
}

export type ChartFileResult = { written: true; bytes: number; ms: number } | { written: false; reason: string };

export async function writeChartFile(answer: Answer, file: string): Promise<ChartFileResult> {
  const format = chartFormatOf(file);
  if (!format) return { written: false, reason: `a chart file must end in .png or .svg: ${file}` };
  const model = answerChart(answer);
  if (!model) return { written: false, reason: 'this answer has no chart: it rests on fewer than two amounts' };
  const chart = await drawChart(model, format);
  await writeFile(file, chart.data);
  return { written: true, bytes: chart.data.length, ms: chart.ms };
}
