/**
 * A signed social-media post quoted in a document ("— Name (@handle) date"):
 * the signature dates the whole post and names who posted it, so "when did X
 * tweet about Y?" is answered by the signature's date though Y is named a
 * few lines above it, and "tweet" and "post" are words the corpus has. On a
 * fixture with no curation files and on the bundled article without its yaml.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { lead, openWritten, type TestEngine } from '../helpers/fixtures.js';
import { BUNDLED_CORPUS } from '../helpers/corpus.js';

const BRIDGE = `---
title: Mayor backs new river crossing
published: 2024-05-10
---
# Mayor backs new river crossing

The city council met on Thursday to discuss transport.

The Aire Bridge is going ahead.

Trams and bicycles first, cars never.

— Ines Calder (@InesCalder) May 9, 2024

The Harbour Board will meet in Hull on Monday to discuss dredging.
`;

let bridge: TestEngine & { remove(): void };
let bare: TestEngine & { remove(): void };

beforeAll(async () => {
  // The bundled article alone, as a document nobody wrote curation files for.
  const articles = Object.fromEntries(readdirSync(BUNDLED_CORPUS).filter((f) => f.endsWith('.md')).map((f) => [f, readFileSync(join(BUNDLED_CORPUS, f), 'utf8')]));
  [bridge, bare] = await Promise.all([openWritten({ 'bridge.md': BRIDGE }), openWritten(articles)]);
});
afterAll(() => {
  bridge?.remove();
  bare?.remove();
});

describe('a signed post', () => {
  it('bridge: when she tweeted about the bridge is the signature’s date', () => {
    // What the best-ranked proposal says (answering it is the threshold's call, measured on question sets).
    const a = bridge.verbatim(bridge.best('when did calder tweet about the aire bridge?')!);
    expect(lead(a)).toContain('may 9, 2024');
    expect(a.quotes[0]?.text).toContain('Aire Bridge');
    expect(a.quotes[1]?.text).toContain('@InesCalder');
  });

  it('bridge: who posted about the bridge is who signed the post', () => {
    const a = bridge.verbatim(bridge.ask('who posted about the aire bridge?'));
    expect(a.answer).toMatch(/^Ines Calder, who signed the post/);
  });

  it('bundled article without its yaml: the date of her InvestAI tweet', () => {
    const a = bare.verbatim(bare.ask('which date did von der leyen post about investai on?'));
    expect(a.answered).toBe(true);
    expect(lead(a)).toContain('february 11, 2025');
  });
});
