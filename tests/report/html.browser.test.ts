/**
 * The HTML report in a real headless Chromium (Debian's, through
 * playwright-core): it renders something (the screenshot is not blank, the
 * charts are drawn), fits a phone's width, and fetches nothing.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../adapters/shared/report/collect.js';
import { renderHtml } from '../../adapters/shared/report/render-html.js';
import { CHROMIUM, installed } from '../helpers/machine-tools.js';
import { tempDir } from '../question-log/fixtures.js';

/** Skipped, with one line saying how to install it, where Chromium is missing (.ci/run installs it). */
const HAS_CHROMIUM = installed(CHROMIUM, import.meta.url);
const tmp = tempDir('qa-html-');
let browser: Browser;

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: CHROMIUM.find()!,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});
afterAll(async () => {
  await browser?.close();
  tmp.remove();
});

/** Two weeks of made-up traffic, with markup in the questions that must show as text. */
function sampleReport(): Report {
  const start = Date.parse('2026-02-01T00:00:00Z');
  const perDay = Array.from({ length: 14 }, (_, i) => {
    const questions = 5 + ((i * 7) % 11);
    const answered = Math.round(questions * (0.5 + (i % 5) / 10));
    return { day: new Date(start + i * 86_400_000).toISOString().slice(0, 10), questions, answered, answerRate: answered / questions };
  });
  const questions = perDay.reduce((n, d) => n + d.questions, 0);
  const answered = perDay.reduce((n, d) => n + d.answered, 0);
  return {
    period: { from: new Date(start).toISOString(), to: new Date(start + 13 * 86_400_000).toISOString() },
    questions,
    answered,
    notFound: questions - answered,
    answerRate: answered / questions,
    perDay,
    perSurface: [
      { surface: 'slack', questions: questions - 20, answered: answered - 10 },
      { surface: 'discord', questions: 20, answered: 10 },
    ],
    unanswered: [{ question: 'What will the <b>Moon base</b> cost?', count: 3, variants: ['Moon base cost?'], missing: "The sources don't mention Moon.", lastAskedAt: start }],
    feedback: { up: 12, down: 3 },
    downvoted: [{ question: 'How much is InvestAI?', answer: '€200 billion', count: 2, up: 1, notes: ['<script>alert(1)</script> wrong year'], surface: 'slack', askedAt: new Date(start).toISOString() }],
    neverQuoted: [{ id: 'doc-x', title: 'An unread document' }],
    latencyMs: { p50: 2, p95: 9 },
  };
}

describe.skipIf(!HAS_CHROMIUM)('HTML report in headless Chromium', () => {
  it('renders charts on a phone-sized screen, not blank, with no request beyond the file itself', async () => {
    const file = join(tmp.dir, 'report.html');
    writeFileSync(file, renderHtml(sampleReport()));
    const url = pathToFileURL(file).href;
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    const dialogs: string[] = [];
    page.on('dialog', (d) => (dialogs.push(d.message()), void d.dismiss()));
    await page.goto(url, { waitUntil: 'load' });

    expect(requests).toEqual([url]);
    expect(dialogs).toEqual([]);
    const layout = await page.evaluate(() => ({
      bars: document.querySelectorAll('svg rect').length,
      line: document.querySelectorAll('svg polyline').length,
      scrollWidth: document.documentElement.scrollWidth,
      width: window.innerWidth,
      text: document.body.innerText,
    }));
    expect(layout.bars).toBe(28);
    expect(layout.line).toBe(1);
    // Nothing wider than the phone: no sideways scrolling.
    expect(layout.scrollWidth).toBeLessThanOrEqual(layout.width);
    expect(layout.text).toContain('What will the <b>Moon base</b> cost?');
    expect(layout.text).toContain('<script>alert(1)</script> wrong year');

    const png = PNG.sync.read(await page.screenshot({ fullPage: true }));
    const { inked, colours } = inkOf(png);
    expect(inked).toBeGreaterThan(0.03);
    expect(colours).toBeGreaterThan(8);
    await context.close();
  });
});

/** Share of pixels that are not near-white, and how many distinct colours appear. */
function inkOf(png: PNG): { inked: number; colours: number } {
  let inked = 0;
  const colours = new Set<number>();
  for (let i = 0; i < png.data.length; i += 4) {
    const [r, g, b] = [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
    if (r < 235 || g < 235 || b < 235) inked += 1;
    colours.add(((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4));
  }
  return { inked: inked / (png.width * png.height), colours: colours.size };
}
