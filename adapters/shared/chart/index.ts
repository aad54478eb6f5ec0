/**
 * Charts of an answer's figures for every surface. Deciding whether an answer
 * has a chart, and drawing it in text, is cheap; drawing an image loads Vega,
 * Vega-Lite and resvg, which this module does only on the first image asked
 * for, so answering and start-up never pay for them.
 */
import type { Answer } from '../../../src/index.js';
import { chartModel, type ChartModel, type ChartModelOptions } from './model.js';

export { altText, chartModel, type ChartBar, type ChartModel, type ChartPanel, type ChartUnit } from './model.js';
export { textChart, type TextChartOptions } from './text-chart.js';

export type ChartFormat = 'png' | 'svg';

export interface RenderedChart {
  format: ChartFormat;
  /** PNG bytes, or the SVG document's UTF-8 bytes. */
  data: Buffer;
  model: ChartModel;
  /** Time spent drawing (including loading the libraries the first time), in ms. */
  ms: number;
}

/** The chart of an answer, or undefined when it rests on fewer than two amounts. */
export function answerChart(answer: Pick<Answer, 'figures'>, options?: ChartModelOptions): ChartModel | undefined {
  return chartModel(answer.figures, options);
}

type Renderer = typeof import('./render.js');
let renderer: Promise<Renderer> | undefined;

/** Loads the renderer once; a failed load is retried on the next chart. */
export function loadRenderer(): Promise<Renderer> {
  renderer ??= import('./render.js').catch((error: unknown) => {
    renderer = undefined;
    throw error;
  });
  return renderer;
}

/** Draws a chart as PNG or SVG. */
export async function drawChart(model: ChartModel, format: ChartFormat = 'png'): Promise<RenderedChart> {
  const started = performance.now();
  const r = await loadRenderer();
  const data = format === 'svg' ? Buffer.from(await r.renderSvg(model), 'utf8') : await r.renderPng(model);
  return { format, data, model, ms: performance.now() - started };
}

/** The file name a chart is sent under. */
export const CHART_FILE_NAME = 'figures.png';
