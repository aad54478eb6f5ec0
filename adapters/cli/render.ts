/**
 * Terminal rendering of an Answer: the short answer, the quotes set apart
 * and numbered, then the citations. ANSI colour only when asked for.
 */
import type { Answer, Figure } from '../../src/index.js';
import { isolateDirection } from '../../src/text/direction.js';

export interface RenderOptions {
  /** Use ANSI colours (on a TTY). Default false. */
  color?: boolean;
}

const ansi = (code: string, on: boolean) => (s: string) => (on ? `\u001b[${code}m${s}\u001b[0m` : s);

export function renderAnswer(answer: Answer, options: RenderOptions = {}): string {
  const color = options.color ?? false;
  const bold = ansi('1', color);
  const dim = ansi('2', color);
  const quoteStyle = ansi('36', color);
  const lines = [bold(answer.answer)];
  answer.quotes.forEach((q, i) => {
    const speaker = q.speaker ? dim(` (${q.speaker})`) : '';
    // A quote's own direction override stays inside its isolate, not over its speaker and number.
    lines.push(`  ${quoteStyle(`“${isolateDirection(q.text)}”`)}${speaker}  [${i + 1}]`);
  });
  let previousTitle: string | undefined;
  answer.quotes.forEach((q, i) => {
    const title = q.source.title === previousTitle ? 'same' : q.source.title;
    previousTitle = q.source.title;
    lines.push(dim(`[${i + 1}] ${title}, ${q.source.page !== undefined ? `page ${q.source.page}, ` : ''}paragraph ${q.source.paragraph}${q.source.url && title !== 'same' ? ` <${q.source.url}>` : ''}`));
  });
  if (answer.suggestions.length) lines.push(`Try: ${answer.suggestions.join(' · ')}`);
  return lines.join('\n');
}

/** The structured figures as an aligned table. */
export function renderFigures(figures: readonly Figure[]): string {
  if (!figures.length) return 'No structured figures in this corpus.';
  const rows = figures.map((f) => [f.display, f.what, f.who ?? '', f.when ?? '', `${f.source.title}, ¶${f.source.paragraph}`]);
  const header = ['figure', 'what', 'who', 'when', 'source'];
  const widths = header.map((h, c) => Math.min(c === 1 ? 60 : 40, Math.max(h.length, ...rows.map((r) => r[c]!.length))));
  const cell = (s: string, w: number) => (s.length > w ? `${s.slice(0, w - 1)}…` : s.padEnd(w));
  return [header, widths.map((w) => '-'.repeat(w)), ...rows].map((r) => r.map((s, c) => cell(s, widths[c]!)).join('  ').trimEnd()).join('\n');
}
