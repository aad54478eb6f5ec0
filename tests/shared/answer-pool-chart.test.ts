/**
 * The bots draw charts in the answer pool, not on the adapter's event loop:
 * the pool's drawChart returns the same PNG the chart extension would draw
 * on this thread.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createAnswerPool, type AnswerPool } from '../../adapters/shared/answer-pool.js';
import { ChartExtension } from '../../adapters/shared/chart/extension.js';
import { createEngine } from '../../src/index.js';
import { decodePng } from '../helpers/png.js';

let pool: AnswerPool | undefined;
afterAll(() => pool?.close());

describe('charts in the answer pool', () => {
  it('draws an answer\'s chart as a PNG in a worker thread, for the chart extension', async () => {
    // No time budget: drawing the first chart loads Vega, which on a busy machine may take longer than a question may.
    pool = createAnswerPool({ threads: 1, timeBudgetMs: Number.POSITIVE_INFINITY });
    const answer = await pool.ask({ question: 'compare InvestAI with Stargate', history: [] });
    const charts = new ChartExtension({ logger: { warn: () => undefined }, budgetMs: 30_000, draw: (model) => pool!.drawChart(model) });
    const chart = (await charts.decorate(answer)).attachments?.[0];
    expect(chart?.filename).toBe('figures.png');
    const png = await chart!.content();
    expect(png).toBeInstanceOf(Uint8Array);
    expect(decodePng(Buffer.from(png!)).width).toBeGreaterThan(800);
    // A chart with one amount has nothing to draw: the engine's answer decides, as on this thread.
    const single = (await createEngine()).ask('How much is InvestAI?');
    expect(await charts.decorate(single)).toEqual({});
  });
});
