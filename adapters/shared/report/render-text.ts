/** The report as plain text for a terminal. */
import type { Report } from './collect.js';

const pct = (r: number | null) => (r === null ? '–' : `${Math.round(r * 100)}%`);
const oneLine = (s: string, max = 120) => {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
};

export function renderText(r: Report): string {
  const out: string[] = [];
  out.push(`Summit Q&A report, ${r.period.from.slice(0, 10)} to ${r.period.to.slice(0, 10)}`);
  out.push('');
  out.push(`Questions: ${r.questions}   answered: ${r.answered}   not found: ${r.notFound}   answer rate: ${pct(r.answerRate)}`);
  out.push(`Feedback: ${r.feedback.up} 👍   ${r.feedback.down} 👎`);
  if (r.latencyMs.p50 !== null) out.push(`Answer time: p50 ${r.latencyMs.p50} ms, p95 ${r.latencyMs.p95} ms`);
  out.push('');
  out.push('Per surface:');
  if (r.perSurface.length === 0) out.push('  (no questions)');
  for (const s of r.perSurface) out.push(`  ${s.surface.padEnd(10)} ${String(s.questions).padStart(6)} questions, ${s.answered} answered`);
  out.push('');
  out.push('Per day (questions, answer rate):');
  const busiest = Math.max(1, ...r.perDay.map((d) => d.questions));
  for (const d of r.perDay.filter((d) => d.questions > 0)) {
    out.push(`  ${d.day} ${String(d.questions).padStart(5)} ${pct(d.answerRate).padStart(5)} ${'█'.repeat(Math.max(1, Math.round((d.questions / busiest) * 30)))}`);
  }
  out.push('');
  out.push('Most asked questions the sources could not answer:');
  if (r.unanswered.length === 0) out.push('  (none)');
  for (const g of r.unanswered) {
    out.push(`  ${String(g.count).padStart(4)}×  ${oneLine(g.question)}`);
    if (g.variants.length) out.push(`         also asked as: ${g.variants.map((v) => `"${oneLine(v, 60)}"`).join(', ')}`);
    if (g.missing) out.push(`         missing: ${oneLine(g.missing)}`);
  }
  out.push('');
  out.push('Most down-voted answers:');
  if (r.downvoted.length === 0) out.push('  (none)');
  for (const d of r.downvoted) {
    out.push(`  ${String(d.count).padStart(4)}👎 ${d.up ? `${d.up}👍 ` : ''} Q: ${oneLine(d.question)}`);
    out.push(`         A: ${oneLine(d.answer)}`);
    for (const n of d.notes) out.push(`         note: ${oneLine(n)}`);
  }
  out.push('');
  out.push('Documents never quoted in this period:');
  if (r.neverQuoted.length === 0) out.push('  (none)');
  for (const d of r.neverQuoted) out.push(`  ${d.title} [${d.id}]`);
  return `${out.join('\n')}\n`;
}
