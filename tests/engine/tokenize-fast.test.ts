/**
 * The ASCII fast paths of the two tokenisers must give exactly the tokens the
 * Unicode regular expressions give: they exist for speed, never to change what
 * is indexed or matched.
 */
import { describe, expect, it } from 'vitest';
import { tokenizeWithOffsets } from '../../src/knowledge/entities.js';
import { tokenize } from '../../src/text/analyze.js';
import { fold } from '../../src/text/normalize.js';

// The definitions the fast paths stand in for.
const WORD = /[\p{L}\p{N}@]+(?:[.'’-][\p{L}\p{N}]+)*\.?/gu;
const TOKEN = /[\p{L}\p{N}]+(?:[.'][\p{L}\p{N}]+)*/gu;

function referenceWords(text: string): string[] {
  return [...text.matchAll(WORD)].map((m) => {
    const raw = m[0].endsWith('.') && !/^(?:\p{L}\.)+$/u.test(m[0]) ? m[0].slice(0, -1) : m[0];
    return `${m.index}:${raw}`;
  });
}

/** Random ASCII text rich in the characters that end, join and split words. */
function randomAscii(seed: number, length: number): string {
  const alphabet = "abcXYZ019 .'-@,;:!?()\"\n\tU.S.e.g.";
  let x = seed;
  let out = '';
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out += alphabet[x % alphabet.length];
  }
  return out;
}

const SAMPLES = [
  'The U.S. and the E.U. met on Feb. 11 in Paris.',
  "Mr. O'Neil's plan: €-free, well-known @handle rock-n-roll 3.5 x.y.z end.",
  'trailing dot. ..double.. -dash- \'quote\' a.b@c',
  'Café Élysée’s “plan” naïve', // not ASCII: the Unicode path itself
];

describe('ASCII fast paths', () => {
  it('entity tokens are the Unicode expression’s tokens, at the same offsets', () => {
    for (const text of [...SAMPLES, ...Array.from({ length: 300 }, (_, i) => randomAscii(i + 1, 120))]) {
      expect(tokenizeWithOffsets(text).map((t) => `${t.start}:${t.text}`)).toEqual(referenceWords(text));
    }
  });

  it('entity tokens fold the same as before: lower case, no possessive, no dots', () => {
    expect(tokenizeWithOffsets("The U.S. Commission's plan").map((t) => t.folded)).toEqual(['the', 'us', 'commission', 'plan']);
  });

  it('search tokens are the Unicode expression’s tokens', () => {
    // Without digits: amounts are rewritten before tokenising, which the answer tests cover.
    const texts = [...SAMPLES, ...Array.from({ length: 300 }, (_, i) => randomAscii(i + 7, 120))].map((t) => t.replace(/[\d€$£]/g, 'q'));
    for (const text of texts) {
      const folded = fold(text);
      expect(tokenize(text)).toEqual(folded.match(TOKEN) ?? []);
    }
  });
});
