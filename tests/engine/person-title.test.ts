/**
 * "What's her title?", "what job does X have?": of a person, a question for a
 * title, job, role or position asks who they are; the sentence that puts the
 * title before the name is the quote. On a library fixture (no curation) and
 * the bundled article.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSummit, openWritten, type TestEngine } from '../helpers/fixtures.js';

const LIBRARY_WEEK = `---
title: Library week opens
published: 2024-10-01
---
# Library week opens

Library week opened on Monday with readings in forty towns.

“Every village should have books within reach,” Rosa Ibarra said at the opening.

Culture Minister Rosa Ibarra also announced a reading prize for teenagers.

Rosa Ibarra, the culture minister, will present the prize in December.
`;

let libraryCorpus: TestEngine & { remove(): void };
let summit: TestEngine;
const library = (q: string) => libraryCorpus.ask(q);

beforeAll(async () => {
  [libraryCorpus, summit] = await Promise.all([openWritten({ 'week.md': LIBRARY_WEEK }), openSummit()]);
});
afterAll(() => libraryCorpus?.remove());

describe('a person’s title', () => {
  it.each(["what's rosa ibarra's job?", 'what title does ibarra have?'])('fixture: %s', (question) => {
    const a = library(question);
    expect(a.answered).toBe(true);
    expect(a.answer).toMatch(/^Rosa Ibarra: .*minister/i);
    expect(a.quotes[0]?.text).toContain('Culture Minister Rosa Ibarra');
  });

  it('bundled: the sentence giving her title is the quote', () => {
    const a = summit.verbatim(summit.ask('what position does von der leyen hold?'));
    expect(a.answered).toBe(true);
    expect(a.answer).toMatch(/^Ursula von der Leyen: /);
    expect(a.quotes[0]?.text).toContain('EU President Ursula');
  });
});
