/**
 * An Answer's figures -> what its chart shows. Pure and cheap (no charting
 * library), so every surface can decide whether an answer has a chart, and
 * the terminal can draw it in text, without loading the renderer.
 *
 * Rules (issue 14): a chart needs two or more figures with an amount; amounts
 * in different units (EUR, USD, GBP, plain counts) never share an axis, each unit
 * gets its own panel; a figure whose amount is the sum of others in the same
 * unit and document is a total, drawn with those parts stacked.
 */
import type { Figure } from '../../../src/index.js';

export type ChartUnit = 'EUR' | 'USD' | 'GBP' | 'count';

export interface ChartSegment {
  /** The figure this piece of a bar stands for (its colour). */
  key: string;
  amount: number;
}

export interface ChartBar {
  id: string;
  /** What the figure is, in the source's plain words. */
  what: string;
  /** The amount as the source writes it: "up to $500 billion". */
  display: string;
  /** Short name of the source and the paragraph: "EU courts private sector for AI… ¶7". */
  source: string;
  amount: number;
  /** One segment, or a total's parts stacked. */
  segments: ChartSegment[];
  role: 'figure' | 'part' | 'total';
}

export interface ChartPanel {
  unit: ChartUnit;
  title: string;
  bars: ChartBar[];
}

export interface ChartModel {
  kind: 'comparison' | 'total';
  title: string;
  /** Said on the chart when panels must not be compared with each other. */
  note?: string;
  panels: ChartPanel[];
  /** Figures left off because the chart would be unreadable with them. */
  omitted: number;
}

export interface ChartModelOptions {
  /** Most bars on one chart. Default 8. */
  maxBars?: number;
  /** Longest source short name, in characters. Default 32. */
  maxSourceChars?: number;
}

const PANEL_TITLES: Record<ChartUnit, string> = { EUR: 'In euros (EUR)', USD: 'In US dollars (USD)', GBP: 'In pounds sterling (GBP)', count: 'Counts' };
// Sums are checked with a relative tolerance: "about $112 billion" parts may be rounded in the source.
const SUM_TOLERANCE = 0.005;

/** The chart of these figures, or undefined when fewer than two can be drawn. */
export function chartModel(figures: readonly Figure[], options: ChartModelOptions = {}): ChartModel | undefined {
  const maxBars = options.maxBars ?? 8;
  const seen = new Set<string>();
  const drawable = figures.filter((f) => {
    if (seen.has(f.id) || unitOf(f) === undefined) return false;
    seen.add(f.id);
    return true;
  });
  if (drawable.length < 2) return undefined;
  const shown = drawable.slice(0, maxBars);

  const byUnit = new Map<ChartUnit, Figure[]>();
  for (const f of shown) {
    const unit = unitOf(f)!;
    byUnit.set(unit, [...(byUnit.get(unit) ?? []), f]);
  }
  let hasTotal = false;
  const panels: ChartPanel[] = [];
  for (const [unit, group] of byUnit) {
    const parts = findTotals(group);
    if (parts.size > 0) hasTotal = true;
    const partOf = new Set([...parts.values()].flat().map((f) => f.id));
    panels.push({
      unit,
      title: PANEL_TITLES[unit],
      bars: group.map((f) => {
        const total = parts.get(f.id);
        return {
          id: f.id,
          what: f.what,
          display: f.display,
          source: sourceName(f, options.maxSourceChars ?? 32),
          amount: f.amount!,
          segments: total ? total.map((p) => ({ key: p.id, amount: p.amount! })) : [{ key: f.id, amount: f.amount! }],
          role: total ? 'total' : partOf.has(f.id) ? 'part' : 'figure',
        };
      }),
    });
  }
  const currencies = panels.filter((p) => p.unit !== 'count').length;
  return {
    kind: hasTotal ? 'total' : 'comparison',
    title: hasTotal ? 'A total and its parts' : 'The figures side by side',
    note: panels.length > 1 ? noteFor(currencies, panels.length) : undefined,
    panels,
    omitted: drawable.length - shown.length,
  };
}

function noteFor(currencies: number, panels: number): string {
  return currencies > 1
    ? 'Different currencies are not converted: each has its own panel and scale, so compare bars only within a panel.'
    : `Different units: each of the ${panels} panels has its own scale.`;
}

function unitOf(f: Figure): ChartUnit | undefined {
  if (f.amount === undefined || !Number.isFinite(f.amount) || f.amount <= 0) return undefined;
  if (f.kind === 'money') return f.currency;
  return f.kind === 'count' ? 'count' : undefined;
}

/**
 * Totals among figures of one unit: a figure from the same document as two
 * or more others whose amounts add up to its own. Figure id -> its parts.
 */
export function findTotals(group: readonly Figure[]): Map<string, Figure[]> {
  const totals = new Map<string, Figure[]>();
  for (const candidate of group) {
    const others = group.filter((f) => f !== candidate && f.source.documentId === candidate.source.documentId && f.amount! < candidate.amount!);
    if (others.length < 2) continue;
    const sum = others.reduce((s, f) => s + f.amount!, 0);
    if (Math.abs(sum - candidate.amount!) <= candidate.amount! * SUM_TOLERANCE) totals.set(candidate.id, others);
  }
  return totals;
}

/** The source's title, cut at a word to `max` characters, with its paragraph. */
export function sourceName(f: Figure, max: number): string {
  const title = f.source.title.trim() || f.source.documentId;
  let short = title;
  if (title.length > max) {
    const cut = title.slice(0, max - 1);
    const space = cut.lastIndexOf(' ');
    short = `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
  }
  return `${short} ¶${f.source.paragraph}`;
}

/** Words for screen readers and alt text: every bar with its amount and source. */
export function altText(model: ChartModel): string {
  const panels = model.panels.map((p) => {
    const bars = p.bars.map((b) => {
      const parts = b.role === 'total' ? ` (made of ${b.segments.map((s) => p.bars.find((x) => x.id === s.key)?.display ?? s.key).join(' + ')})` : '';
      return `${b.display}${parts}: ${b.what} (${b.source})`;
    });
    return `${p.title}: ${bars.join('; ')}.`;
  });
  return [`Bar chart. ${model.title}.`, ...panels, model.note ?? ''].filter(Boolean).join(' ');
}
