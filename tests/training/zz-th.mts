import { createEngine } from '../../src/index.js';
import { evaluate } from '../../adapters/cli/evaluate.js';
import { readQuestionFile } from '../../adapters/cli/eval-run.js';
const sets: [string, string | undefined][] = [['../shared/eval/questions.json', undefined], ['../shared/eval/casual.json', undefined], ['tests/eval/fresh-chat.json', undefined], ['tests/eval/fresh-clean.json', undefined], ['../shared/eval/forum/questions.json', '../shared/eval/forum/corpus']];
for (const threshold of [0]) {
  for (const [f, corpus] of sets) {
    const engine = await createEngine({ ...(corpus ? { corpusDir: corpus } : {}), snapshot: false, onWarning: () => {}, decide: { threshold } });
    const cases = readQuestionFile(f);
    const s = evaluate(engine, cases);
    console.log(f, `answerable ${s.answerablePassed}/${s.answerable}`);
    if (f.includes('forum')) for (const r of s.results) if (!r.abstain && !r.pass) { const c: any = cases.find((x) => x.id === r.id); console.log(`  Q ${r.question}\n     GOT ${(r.firstQuote ?? r.answer).slice(0, 110)} || ${r.answer.slice(0,80)}\n     WANT ${(c.any ?? c.all).join('|')}`); }
  }
}
