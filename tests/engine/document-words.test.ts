/**
 * Questions about the published text itself ("was the article updated?"):
 * words for it stand in for each other (article, story, report, post), and a
 * question made only of such words is about them rather than about nothing.
 * On a ferry fixture (no curation) and the bundled article.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSummit, openWritten, type TestEngine } from '../helpers/fixtures.js';

const FERRY = `---
title: Ferry timetable changes
published: 2024-06-02
---
# Ferry timetable changes

The harbour authority cut two evening ferries to Skerry Island from July.

Local traders said the cuts would hurt the summer season.

The story was updated with the authority's reply on Thursday.
`;

let ferryCorpus: TestEngine & { remove(): void };
let summit: TestEngine;
const ferry = (q: string) => ferryCorpus.ask(q);

beforeAll(async () => {
  [ferryCorpus, summit] = await Promise.all([openWritten({ 'ferry.md': FERRY }), openSummit()]);
});
afterAll(() => ferryCorpus?.remove());

describe('the published text itself', () => {
  it.each(['was the article updated?', 'has this post been updated since?'])('fixture: %s', (question) => {
    const a = ferry(question);
    expect(a.answered).toBe(true);
    expect(a.quotes[0]?.text).toContain('The story was updated');
  });

  it('bundled: the update line answers, though the article calls itself a report', () => {
    const a = summit.verbatim(summit.ask('has the story been updated?'));
    expect(a.answered).toBe(true);
    expect(a.quotes[0]?.text).toContain('was updated with additional announcements');
  });
});
