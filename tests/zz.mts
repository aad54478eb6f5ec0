import { createEngine } from '../src/index.js';
const e = await createEngine({ snapshot: false, onWarning: () => {} });
e.ask('How much will InvestAI mobilise?', { conversation: 'c' });
const { answer, explanation } = e.explain('and the US?', { conversation: 'c' });
console.log(explanation.resolvedQuestion, explanation.entities, explanation.terms, '\n', answer.answer, '\n', explanation.candidates.slice(0, 3).map((c) => `${c.score} ${c.text.slice(0, 80)} | ${c.reasons.slice(0, 4).join('; ')}`).join('\n'));
