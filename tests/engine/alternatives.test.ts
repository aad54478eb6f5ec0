/**
 * "Is it closed or collaborative?", "in Paris or London?": a question
 * offering two alternatives is answered by the one the evidence states
 * (never by "Yes"), and left to the reader when the evidence holds both or
 * neither. On the harbour fixture and the bundled article.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { HARBOUR_FIXTURE, openHarbour, openRefusing, openSummit, type TestEngine } from '../helpers/fixtures.js';

let harbour: TestEngine;
let summit: TestEngine;

beforeAll(async () => {
  [harbour, summit] = await Promise.all([openHarbour(), openSummit()]);
});

describe('two alternatives offered', () => {
  it('harbour: the terminal open or closed to small lines; the work starting in March or May', () => {
    const open = harbour.verbatim(harbour.ask('will the terminal be open or closed to small shipping lines?'));
    expect(open.answer).toMatch(/^Open, according to the source: The terminal will open to every shipping line/);
    const month = harbour.verbatim(harbour.ask('does construction start in march or may?'));
    expect(month.answer).toMatch(/^March, according to the source/);
    // The preposition said again before the second ("in March or in May").
    expect(harbour.verbatim(harbour.ask('does construction start in march or in may?')).answer).toMatch(/^March, according to the source/);
  });

  it('bundled: the approach is collaborative, the summit in Paris, her speech on Monday', () => {
    expect(summit.verbatim(summit.ask('is europe’s approach to ip development closed or collaborative?')).answer).toMatch(/^Collaborative, according to the source: .*collaborative approach/);
    expect(summit.verbatim(summit.ask('will the gigafactories be open or closed to the best talent?')).answer).toMatch(/^Open, according to the source/);
    expect(summit.verbatim(summit.ask('is the summit in paris or london?')).answer).toMatch(/^Paris, according to the source/);
    expect(summit.verbatim(summit.ask('was the summit in paris or in brussels?')).answer).toMatch(/^Paris, according to the source/);
    expect(summit.verbatim(summit.ask('was the gigafactory speech on monday or tuesday?')).answer).toMatch(/^Monday, according to the source/);
  });

  it('bundled: both alternatives in the same evidence are not decided', () => {
    expect(summit.ask('is investai public or private?').answer).not.toMatch(/^(?:Public|Private|Yes|No)\b/);
  });

  it('bundled: the alternatives may qualify a noun ("a closed or collaborative approach to IP")', () => {
    expect(summit.verbatim(summit.ask('does the eu favour a closed or collaborative approach to ip?')).answer).toMatch(/^Collaborative, according to the source/);
  });
});

describe('a word used as a verb', () => {
  it('harbour: a word mostly a noun, used before an object, is phrasing, not a missing subject', async () => {
    expect(harbour.ask('does the council favour the terminal?').answer).not.toMatch(/don't mention/);
    // A noun the corpus lacks still is one: a telling word, named when the sources don't answer.
    const ferry = harbour.engine.explain('how much will the council pay for the ferry?').explanation.terms;
    expect(ferry).toContainEqual(expect.stringMatching(/^ferri \(unknown, weight 0\.9/));
    expect((await openRefusing(HARBOUR_FIXTURE)).ask('how much will the council pay for the ferry?').answer).toBe("The sources don't mention ferry.");
  });
});
