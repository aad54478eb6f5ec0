/**
 * The occasion of someone's words: a report introduces a speech once
 * ("Speaking in Leeds on Thursday, the mayor…") and quotes it after, so the
 * day and place of a person's speech about a topic are those of the
 * introduction, where the same document has the person speak of the topic;
 * a claim about that day or place is checked against it. On a fixture with
 * no curation files (a bridge, a mayor, a speech) and on the bundled article.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lead, openSummit, openWritten, type TestEngine } from '../helpers/fixtures.js';

const BRIDGE = `---
title: Mayor backs new river crossing
published: 2024-05-10
---
# Mayor backs new river crossing

Speaking at the transport forum in Leeds on Thursday, Mayor Ines Calder set out her plans for the city centre.

“The Aire Bridge will carry trams and bicycles, and it will open to everyone,” Calder said.

“We will ask the Northern Transit Fund to pay for half of the Aire Bridge,” she added.

The Harbour Board will meet in Hull on Monday to discuss dredging.
`;

let bridge: TestEngine & { remove(): void };
let summit: TestEngine;

beforeAll(async () => {
  [bridge, summit] = await Promise.all([openWritten({ 'bridge.md': BRIDGE }), openSummit()]);
});
afterAll(() => bridge?.remove());

describe('the day and place of a speech about a topic', () => {
  it('bridge: the day and place of her Aire Bridge speech are the forum’s', () => {
    const when = bridge.verbatim(bridge.ask('what day was calder’s aire bridge speech?'));
    expect(when.answered).toBe(true);
    expect(lead(when)).toContain('thursday');
    const where = bridge.verbatim(bridge.ask('where did the mayor give her aire bridge speech?'));
    expect(where.answered).toBe(true);
    expect(lead(where)).toContain('leeds');
    expect(lead(where)).not.toContain('hull');
  });

  // The check of the claim is the claim proposal's; whether the model trusts it over a sentence is the ranking's.
  it('bridge: a claim of another day or place is answered No, with the introduction', () => {
    const day = bridge.verbatim(bridge.answerAs('was the aire bridge speech on monday?', 'claim')!);
    expect(day.answer).toMatch(/^No\b/);
    expect(day.answer).toContain('Thursday');
    const place = bridge.verbatim(bridge.answerAs('calder made her aire bridge pitch in hull, right?', 'claim')!);
    expect(place.answer).toMatch(/^No\b/);
    expect(place.answer).toContain('Leeds');
  });

  it('bridge: a question about the deed, not the speaking, gets no day from the speech', () => {
    const a = bridge.ask('when will the aire bridge open?');
    expect(a.answered).toBe(false);
  });

  it('bundled: the day and place of her gigafactory speech, and a wrong day or place corrected', () => {
    const when = summit.verbatim(summit.ask('on which day did von der leyen give her talk on gigafactories?'));
    expect(lead(when)).toContain('monday');
    const where = summit.verbatim(summit.ask('where did von der leyen give her gigafactory speech'));
    expect(lead(where)).toContain('paris');
    expect(summit.verbatim(summit.answerAs('did von der leyen give the gigafactory speech on tuesday?', 'claim')!).answer).toMatch(/^No: .*Monday/);
    expect(summit.verbatim(summit.answerAs('the gigafactory pitch was in london, wasn’t it?', 'claim')!).answer).toMatch(/^No: .*Paris/);
  });
});
