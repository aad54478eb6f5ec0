/**
 * Measures French reading on a small set of French questions about the
 * bundled article and the forum fixture (reading-questions.json): how many
 * the engine answers, how many answers hold what was expected, how many
 * French words were left unread, and what one reading costs (p50, p99).
 *
 *   npx tsx tests/french/reading-measure.ts [--list]
 *
 * --list prints each question's English reading and outcome.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { createEngine, type Engine } from '../../src/index.js';
import { loadFrenchLexicon, readFrench } from '../../src/understand/french/index.js';

interface Question {
  corpus: 'summit' | 'forum';
  question: string;
  expect: string;
}

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const { questions } = JSON.parse(readFileSync(here('./reading-questions.json'), 'utf8')) as { questions: Question[] };
const list = process.argv.includes('--list');

async function forumEngine(): Promise<{ engine: Engine; remove(): void }> {
  const from = here('../fixtures/forum/');
  const dir = mkdtempSync(join(tmpdir(), 'french-measure-'));
  for (const name of readdirSync(from)) if (name !== 'README.md' && !name.endsWith('.pdf')) cpSync(join(from, name), join(dir, name));
  return { engine: await createEngine({ corpusDir: dir, snapshot: false }), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

const summit = await createEngine();
const forum = await forumEngine();
const lexicon = loadFrenchLexicon();
readFrench('premier passage', lexicon);

let answered = 0;
let correct = 0;
let unread = 0;
for (const [i, q] of questions.entries()) {
  const engine = q.corpus === 'summit' ? summit : forum.engine;
  const { answer, explanation } = engine.explain(q.question, { conversation: `measure-${i}` });
  const text = [answer.answer, ...answer.quotes.map((x) => x.text)].join('\n').replace(/\u00A0/g, ' ');
  const ok = answer.answered && new RegExp(q.expect, 'i').test(text);
  const reading = readFrench(q.question, lexicon);
  answered += answer.answered ? 1 : 0;
  correct += ok ? 1 : 0;
  unread += reading.notTranslated.filter((w) => !/^\p{Lu}/u.test(w)).length;
  if (list) console.log(`${ok ? 'ok  ' : answer.answered ? 'miss' : 'no  '} ${q.question}\n     ${explanation.translated ?? reading.english}${reading.notTranslated.length ? `   [unread: ${reading.notTranslated.join(', ')}]` : ''}${ok ? '' : `\n     -> ${answer.answer.slice(0, 160)}`}`);
}

// Cost of reading alone: every question read 20 times, after a first pass that fills the caches. Wall time counts
// whatever else the machine runs meanwhile; the thread's own CPU time does not.
const wall: number[] = [];
const cpu: number[] = [];
for (let round = 0; round < 20; round++) {
  for (const q of questions) {
    const start = performance.now();
    const startCpu = process.cpuUsage();
    readFrench(q.question, lexicon);
    const used = process.cpuUsage(startCpu);
    wall.push(performance.now() - start);
    cpu.push((used.user + used.system) / 1000);
  }
}
const percentile = (times: number[], p: number) => [...times].sort((a, b) => a - b)[Math.min(times.length - 1, Math.floor(p * times.length))]!.toFixed(3);
console.log(`${questions.length} questions: ${answered} answered, ${correct} answered with what was expected, ${unread} lower-case French words left unread`);
console.log(`readFrench over ${wall.length} readings: wall p50 ${percentile(wall, 0.5)} ms, p99 ${percentile(wall, 0.99)} ms; CPU p50 ${percentile(cpu, 0.5)} ms, p99 ${percentile(cpu, 0.99)} ms`);
forum.remove();
