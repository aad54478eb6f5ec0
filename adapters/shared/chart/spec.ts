/**
 * ChartModel -> a Vega-Lite spec: horizontal bars, one row per figure, each
 * labelled with what it is and its source, its amount as the source writes
 * it at the bar's end; one panel per unit, stacked parts for a total.
 * Pure data: the charting library is loaded only by render.ts.
 */
import type { ChartBar, ChartModel, ChartPanel, ChartUnit } from './model.js';
import type { MeasureText } from './font-metrics.js';

/** Tableau 10, the Vega default: distinct hues that survive colour blindness reasonably well. */
export const BAR_COLORS = ['#4c78a8', '#f58518', '#54a24b', '#e45756', '#72b7b2', '#b279a2', '#9d755d', '#eeca3b', '#ff9da6', '#bab0ac'];
export const FONT_FAMILY = 'DejaVu Sans';

export interface SpecOptions {
  /** Width of the bar area of each panel, in px. Default 380. */
  barAreaWidth?: number;
  /** Height of one bar row, in px. Default 56 (three label lines). */
  rowHeight?: number;
  /** Longest label line, in characters. Default 46. */
  maxLineChars?: number;
  /** Text measurer (px) for the amount labels; default a rough 0.62 em per character. */
  measure?: MeasureText;
}

const AMOUNT_FONT_SIZE = 13;
const LABEL_FONT_SIZE = 12;
const LABEL_PADDING = 8;

/** A row's label: what the figure is (two lines at most), then its source. */
function rowLabel(bar: ChartBar, maxLineChars: number): string {
  return [...wrap(bar.what, maxLineChars, 2), `Source: ${bar.source}`].join('\n');
}

export function chartSpec(model: ChartModel, options: SpecOptions = {}): Record<string, unknown> {
  const width = options.barAreaWidth ?? 380;
  const rowHeight = options.rowHeight ?? 56;
  const measure = options.measure ?? ((text: string, size: number) => text.length * size * 0.62);
  const subtitle = [model.note, model.omitted > 0 ? `${model.omitted} more figure${model.omitted === 1 ? '' : 's'} not drawn.` : undefined].filter(
    (s): s is string => s !== undefined,
  );
  const maxLineChars = options.maxLineChars ?? 46;
  // Every panel's label column as wide as the widest, so panel titles and bars line up.
  const labelExtent = Math.ceil(
    Math.max(...model.panels.flatMap((p) => p.bars.flatMap((b) => rowLabel(b, maxLineChars).split('\n').map((l) => measure(l, LABEL_FONT_SIZE))))) + LABEL_PADDING,
  );
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: { text: model.title, subtitle: subtitle.length ? wrap(subtitle.join(' '), 80, 3) : undefined, anchor: 'start', offset: 14 },
    background: 'white',
    padding: 16,
    config: {
      font: FONT_FAMILY,
      view: { stroke: null },
      axis: { labelFont: FONT_FAMILY, titleFont: FONT_FAMILY, labelColor: '#333', titleColor: '#333' },
      title: { font: FONT_FAMILY, fontSize: 16, subtitleFontSize: 12, subtitleColor: '#555' },
    },
    spacing: 28,
    vconcat: model.panels.map((p) => panelSpec(p, { width, rowHeight, maxLineChars, measure, labelExtent })),
    resolve: { scale: { x: 'independent', y: 'independent', color: 'independent' } },
  };
}

function panelSpec(panel: ChartPanel, o: { width: number; rowHeight: number; maxLineChars: number; measure: MeasureText; labelExtent: number }): Record<string, unknown> {
  const { divisor, words } = scaleWords(panel);
  const labels = uniqueLabels(panel.bars.map((b) => rowLabel(b, o.maxLineChars)));
  const keys = [...new Set(panel.bars.flatMap((b) => b.segments.map((s) => s.key)))];
  const segments = panel.bars.flatMap((b, row) => b.segments.map((s, order) => ({ label: labels[row], key: s.key, amount: s.amount / divisor, order })));
  const ends = panel.bars.map((b, row) => ({ label: labels[row], amount: b.amount / divisor, display: b.display }));
  // Room at the right of the longest bar for its amount, so no label is cut off.
  const domainMax = Math.max(
    ...panel.bars.map((b) => ((b.amount / divisor) * o.width) / Math.max(o.width * 0.35, o.width - o.measure(b.display, AMOUNT_FONT_SIZE) - 12)),
  );
  const y = {
    field: 'label',
    type: 'nominal',
    sort: labels,
    axis: { title: null, labelExpr: "split(datum.value, '\\n')", labelFontSize: LABEL_FONT_SIZE, labelLineHeight: 15, labelLimit: 0, labelPadding: LABEL_PADDING, minExtent: o.labelExtent, ticks: false, domain: false },
  };
  const x = { field: 'amount', type: 'quantitative', scale: { domain: [0, domainMax], nice: false }, axis: { title: words, grid: true, tickCount: 5, labelFontSize: 11, gridColor: '#e6e6e6' } };
  return {
    title: { text: panel.title, anchor: 'start', fontSize: 13, color: '#222' },
    width: o.width,
    height: { step: o.rowHeight },
    layer: [
      {
        data: { values: segments },
        mark: { type: 'bar', height: { band: 0.55 } },
        encoding: {
          y,
          x: { ...x, stack: 'zero' },
          color: { field: 'key', type: 'nominal', scale: { domain: keys, range: keys.map((_, i) => BAR_COLORS[i % BAR_COLORS.length]) }, legend: null },
          order: { field: 'order' },
        },
      },
      {
        data: { values: ends },
        mark: { type: 'text', align: 'left', baseline: 'middle', dx: 6, fontSize: AMOUNT_FONT_SIZE, color: '#111' },
        encoding: { y, x, text: { field: 'display' } },
      },
    ],
  };
}

/** Amounts in billions or millions when they are that large, named on the axis. */
function scaleWords(panel: ChartPanel): { divisor: number; words: string } {
  const max = Math.max(...panel.bars.map((b) => b.amount));
  const name: Record<ChartUnit, string> = { EUR: 'euros', USD: 'US dollars', GBP: 'pounds sterling', count: '' };
  if (panel.unit === 'count') return { divisor: 1, words: 'count' };
  if (max >= 1e9) return { divisor: 1e9, words: `billions of ${name[panel.unit]}` };
  if (max >= 1e6) return { divisor: 1e6, words: `millions of ${name[panel.unit]}` };
  return { divisor: 1, words: name[panel.unit] };
}

/** Words into at most `maxLines` lines of `width` characters, the last cut with an ellipsis. */
export function wrap(text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines.map((l) => (l.length > width ? withEllipsis(l, width) : l));
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = withEllipsis(kept[maxLines - 1]!, width);
  return kept;
}

/** The line cut to fit `width` with a trailing ellipsis, between words when there is a space to cut at. */
function withEllipsis(line: string, width: number): string {
  if (line.length < width) return `${line}…`;
  const cut = line.slice(0, width - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > 0 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/, '')}…`;
}

// Rows are keyed by their label; two figures described alike still get two rows.
function uniqueLabels(labels: string[]): string[] {
  const seen = new Map<string, number>();
  return labels.map((l) => {
    const n = (seen.get(l) ?? 0) + 1;
    seen.set(l, n);
    return n === 1 ? l : `${l} (${n})`;
  });
}
