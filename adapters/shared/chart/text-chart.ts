/**
 * A chart in Unicode block characters for the terminal: one line per figure,
 * bars in eighths of a cell, one scale per panel (unit), a total's parts in
 * alternating shades.
 */
import type { ChartModel } from './model.js';

export interface TextChartOptions {
  /** Cells of the longest bar. Default 28. */
  barWidth?: number;
  /** Characters of the label column. Default 44. */
  labelWidth?: number;
  /** Dim the source names with ANSI. Default false. */
  color?: boolean;
}

const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
// Successive parts of a total: solid, then shaded, so the parts stay apart.
const SHADES = ['█', '▓', '▒', '░'];

export function textChart(model: ChartModel, options: TextChartOptions = {}): string {
  const barWidth = options.barWidth ?? 28;
  const labelWidth = options.labelWidth ?? 44;
  const dim = (s: string) => (options.color ? `\u001b[2m${s}\u001b[0m` : s);
  const lines = [model.title];
  if (model.note) lines.push(dim(model.note));
  for (const panel of model.panels) {
    lines.push(`  ${panel.title}`);
    const max = Math.max(...panel.bars.map((b) => b.amount));
    for (const bar of panel.bars) {
      const cells =
        bar.segments.length === 1
          ? blocks((bar.amount / max) * barWidth, '█')
          : bar.segments.map((s, i) => blocks((s.amount / max) * barWidth, SHADES[i % SHADES.length]!, true)).join('');
      const label = fit(bar.what, labelWidth);
      lines.push(`  ${label.padEnd(labelWidth)}  ${cells.padEnd(barWidth)}  ${bar.display}  ${dim(bar.source)}`);
    }
  }
  if (model.omitted > 0) lines.push(dim(`  (${model.omitted} more not drawn)`));
  return lines.join('\n');
}

/** `cells` (fractional) as a bar; stacked segments round to whole cells so their shades line up. */
function blocks(cells: number, fill: string, whole = false): string {
  if (whole || fill !== '█') return fill.repeat(Math.max(1, Math.round(cells)));
  const full = Math.floor(cells);
  const rest = EIGHTHS[Math.round((cells - full) * 8) % 8] ?? '';
  const bar = '█'.repeat(full) + rest;
  return bar || '▏';
}

function fit(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}
