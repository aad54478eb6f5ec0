/**
 * A part of a stated total, asked by what it is ("what share of the total is
 * X's?") or by its size ("three quarters of the total comes from whom?"):
 * both cited figures are quoted and the share is worked out from them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { openHarbour, openSummit, type TestEngine } from '../helpers/fixtures.js';

let summit: TestEngine;
let harbour: TestEngine;
beforeAll(async () => {
  [summit, harbour] = await Promise.all([openSummit(), openHarbour()]);
});

describe('shares of a stated total', () => {
  it('names the share a named part is, with both figures quoted', () => {
    const a = summit.verbatim(summit.ask("what share of the 200bn is investai's own money?"));
    expect(a.answer).toMatch(/^€50 billion .*a quarter \(25%\) of the €200 billion/);
    expect(a.quotes.map((q) => q.text).join(' ')).toMatch(/50 billion euros[\s\S]*200 billion/);
    const h = harbour.verbatim(harbour.ask("what share of the 65 million is the council's pledge?"));
    expect(h.answer).toMatch(/^€25 million .*38\.5% of the €65 million/);
  });

  it('finds the part of the size asked for', () => {
    expect(summit.ask('three quarters of the 200 billion comes from who?').answer).toMatch(/^€150 billion .*Champions.*three quarters \(75%\)/);
    // Whether the share or the sentence giving the total ranks first is the model's call; the share names the part.
    expect(harbour.answerAs('which part makes up about 60% of the 65 million?', 'share')?.answer).toMatch(/^€40 million/);
  });

  it('answers nothing of the kind when no part has that size', () => {
    expect(summit.ask('a tenth of the 200 billion comes from who?').answer).not.toMatch(/of the €200 billion \(/);
  });
});
