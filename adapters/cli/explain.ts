/** Readable form of the engine's Explanation, for --explain and :explain. */
import type { Explanation } from '../../src/index.js';

export function renderExplanation(ex: Explanation): string {
  const lines = [
    '--- explain',
    `question:   ${ex.question}`,
    ...(ex.resolvedQuestion ? [`understood: ${ex.resolvedQuestion}`] : []),
    `type:       ${ex.type}`,
    `entities:   ${ex.entities.join(', ') || '(none)'}`,
    `terms:      ${ex.terms.join(', ') || '(none)'}`,
    `expanded:   ${ex.expandedTerms.join(', ') || '(none)'}`,
    `decision:   ${ex.decision}`,
    // Some decisions (a greeting, an unreadable question) rank no passage: say so rather than print an empty list.
    ex.candidates.length ? 'candidates:' : 'candidates: (none ranked for this decision)',
    ...ex.candidates.map(
      (c, i) => `  ${String(i + 1).padStart(2)}. ${c.score.toFixed(3)} (search ${c.searchScore.toFixed(3)}) ${c.ref}: ${c.text.slice(0, 90)}${c.text.length > 90 ? '…' : ''}\n      ${c.reasons.join('; ')}`,
    ),
  ];
  return lines.join('\n');
}
