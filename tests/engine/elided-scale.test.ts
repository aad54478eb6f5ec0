/**
 * "The subheading says 20 billion but the body says 50 — which is InvestAI's?":
 * a bare number beside an amount takes its scale and currency, and of the
 * figures of the amounts a question states, the one about what it names
 * answers. On the harbour fixture and the bundled article.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { findMoneyWithElidedScale } from '../../src/text/quantities.js';
import { lead, openHarbour, openSummit, type TestEngine } from '../helpers/fixtures.js';

let harbour: TestEngine;
let summit: TestEngine;

beforeAll(async () => {
  [harbour, summit] = await Promise.all([openHarbour(), openSummit()]);
});

describe('amounts with an elided scale', () => {
  it('a bare number takes the scale and currency of the amount beside it', () => {
    const values = (t: string) => findMoneyWithElidedScale(t).map((a) => [a.value, a.currency]);
    expect(values('is it €5m or 8?')).toEqual([[5e6, 'EUR'], [8e6, 'EUR']]);
    expect(values('20 billion but the body says 50 — which?')).toEqual([[20e9, undefined], [50e9, undefined]]);
  });

  it('leaves alone numbers with a unit or a percent sign, and amounts of different scales', () => {
    const values = (t: string) => findMoneyWithElidedScale(t).map((a) => a.value);
    expect(values('is the 112bn package 50% private?')).toEqual([112e9]);
    expect(values('did 3 countries pledge 20 billion?')).toEqual([20e9]);
    expect(values('€5m or €8bn, or 7?')).toEqual([5e6, 8e9]);
  });

  it('harbour: of 25 or 40 million, the council’s figure', () => {
    const a = harbour.verbatim(harbour.best('one line says 40 million, another 25 — which was the regional council’s?')!);
    expect(a.answer).toMatch(/^€25 million/);
  });

  it('bundled: of 20 or 50 billion, the InvestAI figure', () => {
    const a = summit.verbatim(summit.ask('one line says 20 billion, another says 50 — which one is investai’s own contribution?'));
    expect(lead(a)).toContain('50 billion');
    expect(a.answer).not.toMatch(/^€20 billion/);
  });
});
