/**
 * The report as one self-contained HTML page: inline CSS and SVG charts, no
 * script, no font, no image and no link fetched from anywhere (a strict
 * Content-Security-Policy says so to the browser). Readable on a phone.
 */
import type { DayCount, Report } from './collect.js';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const pct = (r: number | null) => (r === null ? '–' : `${Math.round(r * 100)}%`);

const W = 640;
const H = 200;
const PAD = { left: 36, right: 8, top: 12, bottom: 28 };

/** Bars of questions per day (answered darker), the answer rate as a line on a 0–100% scale. */
export function volumeChart(days: readonly DayCount[]): string {
  const n = Math.max(1, days.length);
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const max = Math.max(1, ...days.map((d) => d.questions));
  const step = innerW / n;
  const barW = Math.max(1, step * 0.7);
  const y = (v: number) => PAD.top + innerH - (v / max) * innerH;
  const bars = days
    .map((d, i) => {
      const x = PAD.left + i * step + (step - barW) / 2;
      const total = `<rect class="q" x="${x.toFixed(1)}" y="${y(d.questions).toFixed(1)}" width="${barW.toFixed(1)}" height="${(PAD.top + innerH - y(d.questions)).toFixed(1)}"><title>${d.day}: ${d.questions} questions</title></rect>`;
      const ok = `<rect class="a" x="${x.toFixed(1)}" y="${y(d.answered).toFixed(1)}" width="${barW.toFixed(1)}" height="${(PAD.top + innerH - y(d.answered)).toFixed(1)}"><title>${d.day}: ${d.answered} answered</title></rect>`;
      return total + ok;
    })
    .join('');
  const labelEvery = Math.ceil(n / 6);
  const labels = days
    .map((d, i) => (i % labelEvery === 0 ? `<text x="${(PAD.left + i * step + step / 2).toFixed(1)}" y="${H - 8}" text-anchor="middle">${d.day.slice(5)}</text>` : ''))
    .join('');
  return `<svg viewBox="0 0 ${W} ${H}" role="img" aria-label="Questions per day"><line class="axis" x1="${PAD.left}" y1="${PAD.top + innerH}" x2="${W - PAD.right}" y2="${PAD.top + innerH}"/><text x="4" y="${PAD.top + 8}">${max}</text><text x="4" y="${PAD.top + innerH}">0</text>${bars}${labels}</svg>`;
}

export function rateChart(days: readonly DayCount[]): string {
  const n = Math.max(1, days.length);
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const step = innerW / n;
  const points = days
    .map((d, i) => (d.answerRate === null ? null : `${(PAD.left + i * step + step / 2).toFixed(1)},${(PAD.top + innerH - d.answerRate * innerH).toFixed(1)}`))
    .filter((p): p is string => p !== null);
  const dots = points.map((p) => `<circle class="dot" cx="${p.split(',')[0]}" cy="${p.split(',')[1]}" r="3"/>`).join('');
  const grid = [0, 0.5, 1].map((g) => `<line class="grid" x1="${PAD.left}" x2="${W - PAD.right}" y1="${PAD.top + innerH - g * innerH}" y2="${PAD.top + innerH - g * innerH}"/><text x="2" y="${PAD.top + innerH - g * innerH + 4}">${g * 100}%</text>`).join('');
  return `<svg viewBox="0 0 ${W} ${H}" role="img" aria-label="Answer rate per day">${grid}${points.length > 1 ? `<polyline class="rate" points="${points.join(' ')}"/>` : ''}${dots}</svg>`;
}

export function renderHtml(r: Report): string {
  const table = (head: string[], rows: string[][]) =>
    `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((row) => `<tr>${row.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('') || `<tr><td colspan="${head.length}">None</td></tr>`}</tbody></table>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>Summit Q&amp;A report</title>
<style>
body{font:16px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;max-width:60rem;padding:1rem;color:#1d2330;background:#fff}
h1{font-size:1.4rem;margin:.2rem 0}h2{font-size:1.1rem;margin:1.6rem 0 .5rem}
.kpis{display:flex;flex-wrap:wrap;gap:.6rem}.kpi{flex:1 1 8rem;border:1px solid #d8dce6;border-radius:.5rem;padding:.6rem .8rem}.kpi b{display:block;font-size:1.5rem}
svg{width:100%;height:auto;display:block;background:#f6f7fb;border-radius:.5rem}svg text{font-size:11px;fill:#566}
.q{fill:#b9c3e8}.a{fill:#3b57c4}.axis,.grid{stroke:#aab;stroke-width:1}.rate{fill:none;stroke:#1a8a4a;stroke-width:2.5}.dot{fill:#1a8a4a}
table{width:100%;border-collapse:collapse;font-size:.95rem}th,td{text-align:left;vertical-align:top;padding:.4rem;border-bottom:1px solid #e3e6ee}
td.n{text-align:right;white-space:nowrap}.muted{color:#667}.legend span{margin-right:1rem}
@media (max-width:30rem){body{padding:.6rem;font-size:15px}th,td{padding:.3rem}}
</style></head><body>
<h1>Summit Q&amp;A report</h1>
<p class="muted">${esc(r.period.from.slice(0, 10))} to ${esc(r.period.to.slice(0, 10))}</p>
<div class="kpis">
<div class="kpi"><b>${r.questions}</b>questions</div>
<div class="kpi"><b>${pct(r.answerRate)}</b>answer rate</div>
<div class="kpi"><b>${r.feedback.up} / ${r.feedback.down}</b>votes up / down</div>
<div class="kpi"><b>${r.notFound}</b>not found</div>
</div>
<h2>Questions per day</h2>
<p class="legend muted"><span><span style="color:#3b57c4">■</span> answered</span><span><span style="color:#b9c3e8">■</span> all questions</span></p>
${volumeChart(r.perDay)}
<h2>Answer rate per day</h2>
${rateChart(r.perDay)}
<h2>Per surface</h2>
${table(['Surface', 'Questions', 'Answered'], r.perSurface.map((s) => [esc(s.surface), `${s.questions}`, `${s.answered}`]))}
<h2>Most asked, not answered</h2>
${table(['Count', 'Question', 'What was missing'], r.unanswered.map((g) => [`${g.count}`, `${esc(g.question)}${g.variants.length ? `<br><span class="muted">also: ${g.variants.map(esc).join(' · ')}</span>` : ''}`, esc(g.missing ?? '')]))}
<h2>Most down-voted answers</h2>
${table(['Down', 'Question and answer', 'Notes'], r.downvoted.map((d) => [`${d.count}`, `${esc(d.question)}<br><span class="muted">${esc(d.answer)}</span>`, d.notes.map(esc).join('<br>')]))}
<h2>Documents never quoted</h2>
${table(['Document', 'Id'], r.neverQuoted.map((d) => [esc(d.title), esc(d.id)]))}
</body></html>
`;
}
