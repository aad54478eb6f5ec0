/**
 * A figure's description goes into answer sentences ("€40 million: the
 * budget of the terminal"): one that does not read as a plain phrase (a
 * clause cut out of its sentence, a dateline, a quotation) gives way to the
 * plain default of its kind, and the quote beside the answer says the rest.
 */
import { describe, expect, it } from 'vitest';
import { plainOr } from '../../src/extract/describe.js';

describe('plain descriptions', () => {
  it.each([
    'the budget of the Skarrow Link',
    'what the US-based Stargate project promised to win over four years',
    'an earlier figure for the size of the Atlantic Compute Fund, since corrected',
    'when the bridge opened',
    'when Rhys Amberley co-founded Hushgrove',
    'the access scheme (Harbour)',
    'Revised cost estimate',
  ])('keeps a phrase that reads plainly: %s', (text) => {
    expect(plainOr(text, 'money')).toBe(text);
  });

  it.each([
    ['the length of the summit on', 'duration', 'the period the source gives'],
    ['when LISBON, (CPS)', 'date', 'the date the source gives'],
    ['when to the range', 'date', 'the date the source gives'],
    ['when the CLV Aurelia Spirit', 'date', 'the date the source gives'],
    ['what in a fund expected to raise for', 'money', 'the amount the source gives'],
    ['its chief executive, Desmond Achterburg, called the deal "a down payment', 'money', 'the amount the source gives'],
    ['they will be delivered in four tranches, beginning in the third quarter', 'count', 'the number the source gives'],
    ['when Hallberg Kabel AS has informed us that the vessel', 'date', 'the date the source gives'],
  ])('replaces a cut clause: %s', (text, kind, plain) => {
    expect(plainOr(text, kind)).toBe(plain);
  });
});
