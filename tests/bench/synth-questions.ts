/**
 * Questions for a synthetic corpus, in the proportions a chat bot sees:
 * mostly answerable questions naming the corpus's programmes, companies and
 * people; some with a typing mistake; some the corpus cannot answer (these
 * exercise the engine's unknown-word paths, which are the slow ones).
 */
import type { Prng } from './synth-vocabulary.js';

export interface Pools {
  people: readonly { name: string; surname: string }[];
  orgs: readonly { name: string; short: string }[];
  programmes: readonly { name: string; acronym?: string }[];
  places: readonly { name: string }[];
  events: readonly { name: string }[];
}

/** Default number of questions per corpus. */
export const QUESTION_COUNT = 200;

type Template = (p: Pools, rng: Prng) => string;

const ANSWERABLE: Template[] = [
  (p, r) => `How much will the ${r.pick(p.programmes).name} mobilise?`,
  (p, r) => `How much did ${r.pick(p.orgs).short} pledge?`,
  (p, r) => `Who announced the ${r.pick(p.programmes).name}?`,
  (p, r) => `When was the ${r.pick(p.programmes).name} announced?`,
  (p, r) => `Where will ${r.pick(p.orgs).short} build new data centres?`,
  (p, r) => `What is the ${r.pick(p.programmes).name}?`,
  (p, r) => `How many GPUs will ${r.pick(p.orgs).short} supply?`,
  (p, r) => `What did ${r.pick(p.people).name} say at the ${r.pick(p.events).name}?`,
  (p, r) => `How many engineers will ${r.pick(p.orgs).short} hire?`,
  (p, r) => `What did ${r.pick(p.people).surname} say about energy?`,
  (p, r) => `${r.pick(p.programmes).name} budget`,
  (p, r) => `How much computing capacity will the ${r.pick(p.programmes).name} reach?`,
  (p, r) => `Which companies signed a partnership with ${r.pick(p.orgs).short}?`,
  (p, r) => `How many delegations came to the ${r.pick(p.events).name}?`,
  (p, r) => `How much did the government of ${r.pick(p.places).name} invest in AI infrastructure?`,
  (p, r) => `When will the first AI gigafactories in ${r.pick(p.places).name} open?`,
];

const MISSPELT: Template[] = [
  (p, r) => `How much will the ${typo(r.pick(p.programmes).name, r)} mobilise?`,
  (p, r) => `What did ${typo(r.pick(p.people).name, r)} announce?`,
  (p, r) => `how much did ${typo(r.pick(p.orgs).short, r).toLowerCase()} comit to datacentres`,
];

const UNANSWERABLE: Template[] = [
  (p, r) => `How much did ${r.pick(p.orgs).short} pay for the catering at the ${r.pick(p.events).name}?`,
  (p, r) => `Who won the ${r.pick(p.places).name} marathon?`,
  (p, r) => `When will the ${r.pick(p.programmes).name} launch its satellite constellation?`,
  (p, r) => `What did ${r.pick(p.people).surname} think of the opera?`,
];

/** `count` questions: 70% answerable, 15% misspelt, 15% unanswerable, interleaved. */
export function synthQuestions(p: Pools, rng: Prng, count = QUESTION_COUNT): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const slot = i % 20;
    const pool = slot < 14 ? ANSWERABLE : slot < 17 ? MISSPELT : UNANSWERABLE;
    out.push(pool[Math.floor(i / 20 + slot) % pool.length]!(p, rng));
  }
  return out;
}

/** Swaps two neighbouring letters inside the longest word: the commonest typing mistake. */
function typo(text: string, rng: Prng): string {
  const words = text.split(' ');
  const longest = words.reduce((a, b) => (b.length > a.length ? b : a));
  if (longest.length < 5) return text;
  const i = rng.int(1, longest.length - 3);
  const changed = longest.slice(0, i) + longest[i + 1] + longest[i] + longest.slice(i + 2);
  return words.map((w) => (w === longest ? changed : w)).join(' ');
}
