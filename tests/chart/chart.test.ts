/**
 * Charts drawn from the bundled corpus's figures: the PNG decodes, has the
 * size of its SVG at the PNG scale, and shows one bar per figure with lengths
 * in proportion within each currency; a total's bar is its parts stacked.
 * One SVG snapshot per chart kind.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine, type Figure } from '../../src/index.js';
import { altText, chartModel, drawChart, textChart } from '../../adapters/shared/chart/index.js';
import { BAR_COLORS } from '../../adapters/shared/chart/spec.js';
import { DEFAULT_PNG_SCALE } from '../../adapters/shared/chart/render.js';
import { decodePng, findBars, type PixelBar } from '../helpers/png.js';

let engine: Engine;
beforeAll(async () => {
  engine = await createEngine({});
});

function figures(...ids: string[]): Figure[] {
  return ids.map((id) => {
    const f = engine.figures.find((x) => x.id === id);
    if (!f) throw new Error(`the bundled corpus has no figure ${id}`);
    return f;
  });
}

function svgSize(svg: string): { width: number; height: number } {
  const m = /<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/.exec(svg);
  if (!m) throw new Error('SVG without a size');
  return { width: Number(m[1]), height: Number(m[2]) };
}

/** Each bar's length over the longest bar's in its group, against the amounts' ratios. */
function expectProportional(bars: PixelBar[], amounts: number[]): void {
  const longest = Math.max(...bars.map((b) => b.length));
  const largest = Math.max(...amounts);
  bars.forEach((b, i) => expect(b.length / longest).toBeCloseTo(amounts[i]! / largest, 1.5));
  // And tighter than toBeCloseTo's rounding: within 2 % of the longest bar.
  bars.forEach((b, i) => expect(Math.abs(b.length / longest - amounts[i]! / largest)).toBeLessThan(0.02));
}

describe('comparison chart (InvestAI, Stargate, the French package)', () => {
  it('puts each currency in its own panel, with a note on the chart', () => {
    const model = chartModel(figures('investai-target', 'stargate-pledge', 'france-package'))!;
    expect(model.kind).toBe('comparison');
    expect(model.panels.map((p) => [p.unit, p.bars.map((b) => b.id)])).toEqual([
      ['EUR', ['investai-target']],
      ['USD', ['stargate-pledge', 'france-package']],
    ]);
    expect(model.note).toMatch(/not converted/);
    expect(altText(model)).toContain('up to $500 billion');
  });

  it('renders a PNG of the SVG size with one bar per figure, in proportion within each currency', async () => {
    const model = chartModel(figures('investai-target', 'stargate-pledge', 'france-package'))!;
    const svg = (await drawChart(model, 'svg')).data.toString('utf8');
    const png = decodePng((await drawChart(model, 'png')).data);
    const size = svgSize(svg);
    expect(png.width).toBe(Math.round(size.width * DEFAULT_PNG_SCALE));
    expect(png.height).toBe(Math.round(size.height * DEFAULT_PNG_SCALE));

    const bars = findBars(png, BAR_COLORS);
    expect(bars).toHaveLength(3);
    // Euro panel: one bar. Dollar panel: $500 billion and $112 billion, in proportion.
    expectProportional(bars.slice(1), [500e9, 112e9]);
    expect(bars[1]!.left).toBe(bars[2]!.left);
    await expect(svg).toMatchFileSnapshot('__snapshots__/comparison.svg');
  });
});

describe('total chart (the Champions and InvestAI making €200 billion)', () => {
  const ids = ['champions-pledge', 'investai-fund', 'investai-target'];

  it('finds the total from the amounts and stacks its parts', () => {
    const model = chartModel(figures(...ids))!;
    expect(model.kind).toBe('total');
    const [panel] = model.panels;
    expect(panel!.bars.map((b) => b.role)).toEqual(['part', 'part', 'total']);
    expect(panel!.bars[2]!.segments.map((s) => s.key)).toEqual(['champions-pledge', 'investai-fund']);
    expect(model.note).toBeUndefined();
  });

  it('draws the total as the parts end to end, each in its own colour', async () => {
    const model = chartModel(figures(...ids))!;
    const svg = (await drawChart(model, 'svg')).data.toString('utf8');
    const png = decodePng((await drawChart(model, 'png')).data);
    expect(png.width).toBe(Math.round(svgSize(svg).width * DEFAULT_PNG_SCALE));
    const bars = findBars(png, BAR_COLORS);
    expect(bars).toHaveLength(3);
    expectProportional(bars, [150e9, 50e9, 200e9]);
    expect(bars.map((b) => b.colors)).toEqual([[BAR_COLORS[0]], [BAR_COLORS[1]], [BAR_COLORS[0], BAR_COLORS[1]]]);
    await expect(svg).toMatchFileSnapshot('__snapshots__/total.svg');
  });
});

describe('when there is no chart', () => {
  it('needs two amounts: one figure, or dates and durations, draw nothing', () => {
    expect(chartModel(figures('investai-target'))).toBeUndefined();
    expect(chartModel(figures('stargate-announced', 'stargate-duration', 'stargate-pledge'))).toBeUndefined();
    expect(chartModel(figures('investai-target', 'investai-target'))).toBeUndefined();
  });
});

describe('textChart', () => {
  it('draws bars in proportion with the amount as written and the source', () => {
    const text = textChart(chartModel(figures('stargate-pledge', 'france-package'))!, { barWidth: 20 });
    const lines = text.split('\n');
    const stargate = lines.find((l) => l.includes('up to $500 billion'))!;
    const france = lines.find((l) => l.includes('about $112 billion'))!;
    const cells = (line: string) => [...line].filter((c) => '█▏▎▍▌▋▊▉'.includes(c)).length;
    expect(cells(stargate)).toBe(20);
    expect(cells(france)).toBe(5); // 112/500 of 20 cells = 4.48: four full cells and a partial one
    expect(stargate).toContain('¶7');
  });
});
