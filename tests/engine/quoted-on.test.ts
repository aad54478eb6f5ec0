/**
 * Two kinds of evidence a question about a speaker or a deed needs:
 * - a quotation runs on: a speaker's next paragraph may be about what the
 *   paragraph before named ("We will focus on…" after "…the Open Stacks
 *   programme…"), and answers a question naming both;
 * - "Which firm will <verb> X?": when the sources never use the verb, no name
 *   they give is the answer; the bot says what it lacks.
 * On the bundled article and on a library fixture (no curation files).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSummit, openWritten, type TestEngine } from '../helpers/fixtures.js';

const LIBRARY = `---
title: Minister presents library plan
published: 2024-09-06
---
# Minister presents library plan

Rosa Ibarra, the culture minister, spoke in Valdemoro on Friday.

“Today we can announce that the Open Stacks programme will receive €12 million. This aims to bring books to every village,” Ibarra said.

“We will focus on rural branches and mobile reading rooms. It will become the largest reading network in the region,” she added.

The Valdemoro Library Trust will run the mobile reading rooms.
`;

let libraryCorpus: TestEngine & { remove(): void };
let summit: TestEngine;
const library = (q: string) => libraryCorpus.ask(q);

beforeAll(async () => {
  [libraryCorpus, summit] = await Promise.all([openWritten({ 'stacks.md': LIBRARY }), openSummit()]);
});
afterAll(() => libraryCorpus?.remove());

describe('a quotation that runs on', () => {
  it('library: the speaker’s next paragraph answers about the programme named before', () => {
    const a = library('what did ibarra say open stacks would focus on?');
    expect(a.answered).toBe(true);
    expect(a.quotes[0]?.text).toContain('We will focus on rural branches');
  });

  it('bundled: what the initiative will concentrate on, in her words', () => {
    const a = summit.verbatim(summit.ask('according to von der leyen, what will investai concentrate on?'));
    expect(a.answered).toBe(true);
    expect(a.quotes[0]?.text).toContain('industrial and mission-critical applications');
  });
});

describe('who does a deed the sources never speak of', () => {
  it('library: no name is the painter', () => {
    const a = library('which company will paint the mobile reading rooms?');
    expect(a.answered).toBe(false);
    expect(a.answer).toContain('paint');
    const b = library('who will run the mobile reading rooms?');
    expect(b.answered).toBe(true);
    expect(b.quotes[0]?.text).toContain('Valdemoro Library Trust');
  });

  it('bundled: nobody is said to demolish anything', () => {
    const a = summit.ask('which company will demolish the gigafactories?');
    expect(a.answered).toBe(false);
  });
});
