/**
 * "What's her twitter handle?": the @-name a document gives for the one
 * asked about (from a signature or a mention), quoted; when the documents
 * give none for them, the bot says so instead of answering something else.
 * The words for a handle or a platform are never a missing subject.
 * On a harbour post (no curation) and the bundled article.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSummit, openWritten, type TestEngine } from '../helpers/fixtures.js';

const POST = `---
title: Mayor's post on the terminal
published: 2024-05-14
---
# Mayor's post on the terminal

The new container terminal will open to every shipping line. Thanks to @NorthportHarbour for the tour today.

— Ines Calder (@InesCalderNP) May 14, 2024

The regional council pledged €25 million for dredging the channel.
`;

let harbourCorpus: TestEngine & { remove(): void };
let summit: TestEngine;
const harbour = (q: string) => harbourCorpus.ask(q);

beforeAll(async () => {
  [harbourCorpus, summit] = await Promise.all([openWritten({ 'post.md': POST }), openSummit()]);
});
afterAll(() => harbourCorpus?.remove());

describe('handles', () => {
  it.each(["what's ines calder's twitter handle?", 'what is the username of calder on x?', 'which account is calder on bluesky'])('fixture: %s', (question) => {
    // The handle proposal ranks first and gives the signature's handle (answering it is the threshold's call).
    const a = harbourCorpus.verbatim(harbourCorpus.best(question)!);
    expect(a.answer).toMatch(/^@InesCalderNP \(Ines Calder\)/);
    expect(a.quotes[0]?.text).toContain('(@InesCalderNP)');
  });

  it('fixture: none given for the council, and it says so', () => {
    const a = harbour("what's the regional council's handle?");
    expect(a.answered).toBe(false);
    expect(a.answer).toMatch(/no handle for (?:the )?regional council/i);
  });

  it('bundled: her handle, from the signature of her post', () => {
    const a = summit.verbatim(summit.ask("what's von der leyen's handle on twitter?"));
    expect(a.answered).toBe(true);
    expect(a.answer).toMatch(/^@vonderleyen/);
    expect(a.quotes[0]?.text).toContain('(@vonderleyen)');
  });
});
