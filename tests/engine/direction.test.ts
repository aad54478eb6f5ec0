/**
 * Direction controls in a document (an override such as U+202E left open):
 * the engine's answer sentence never carries one, a quote keeps its text
 * verbatim, and the terminal fences a quote holding one in an isolate so
 * its speaker and number read the right way round.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderAnswer } from '../../adapters/cli/render.js';
import { isolateDirection, withoutDirectionControls } from '../../src/text/direction.js';
import { openWritten, type TestEngine } from '../helpers/fixtures.js';

const RLO = '\u202E';
const CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;

const STORY = `---
title: Harbour fund agreed
published: 2026-03-02
---
The Northport Harbour Fund is a ${RLO}regional investment programme for the docks.

The council said the Northport Harbour Fund will invest €40 million ${RLO}in new cranes over five years.

Mayor Ines Calder announced the fund on Tuesday.
`;

let harbour: TestEngine & { remove(): void };
beforeAll(async () => {
  harbour = await openWritten({ 'harbour.md': STORY });
});
afterAll(() => harbour?.remove());

describe('direction controls from a document', () => {
  it('never reach the answer sentence, while the quotes keep them verbatim', () => {
    const answers = ['what is the Northport Harbour Fund?', 'how much will the harbour fund invest?', 'what will the fund invest in?'].map((q) => harbour.verbatim(harbour.ask(q)));
    for (const a of answers) expect(a.answer).not.toMatch(CONTROLS);
    // The check is not empty: the quotes hold the override as the document does.
    expect(answers.some((a) => a.quotes.some((q) => q.text.includes(RLO)))).toBe(true);
  });

  it('are fenced in an isolate in the terminal, so the speaker and number after a quote are not reversed', () => {
    const a = harbour.ask('how much will the harbour fund invest?');
    const quoted = a.quotes.findIndex((q) => q.text.includes(RLO));
    expect(quoted).toBeGreaterThanOrEqual(0);
    const line = renderAnswer(a).split('\n').find((l) => l.endsWith(`[${quoted + 1}]`))!;
    expect(line).toContain(`\u2068${a.quotes[quoted]!.text}\u2069`);
  });

  it('leave text without them as it is', () => {
    expect(isolateDirection('plain words')).toBe('plain words');
    expect(withoutDirectionControls('plain \u200Fmark')).toBe('plain \u200Fmark');
    expect(withoutDirectionControls(`a${RLO}b\u2066c\u2069`)).toBe('abc');
  });
});
