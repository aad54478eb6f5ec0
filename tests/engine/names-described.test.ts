/**
 * "What's the new investment initiative called?": of the names of the kind
 * asked for, the one whose entity the question describes (its name,
 * description, defining sentences, what its figures measure), not the first
 * name in the best sentence; and "it" in the message's next question is what
 * was named. On the harbour fixture and the bundled article.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { openHarbour, openSummit, type TestEngine } from '../helpers/fixtures.js';

let harbour: TestEngine;
let summit: TestEngine;

beforeAll(async () => {
  [harbour, summit] = await Promise.all([openHarbour(), openSummit()]);
});

describe('the name a question describes', () => {
  it('harbour: the scheme and the firm, each by what the question says of it', () => {
    // (Which of the names the question could mean the model trusts most is the ranking's to say; the name proposal says which one fits.)
    const scheme = harbour.verbatim(harbour.answerAs('what is the new harbour project called?', 'name')!);
    expect(scheme.answer).toMatch(/^Container terminal, according to the source/);
    const firm = harbour.verbatim(harbour.ask('whats the name of the freight firm building the warehouse?'));
    expect(firm.answer).toMatch(/^Atlantic Freight Group, according to the source/);
  });

  it('bundled: the new investment initiative is InvestAI, the industry coalition the European AI Champions', () => {
    const initiative = summit.verbatim(summit.ask('what’s the name of the new eu fund for ai investment?'));
    expect(initiative.answer).toMatch(/^InvestAI, according to the source/);
    const coalition = summit.verbatim(summit.ask('that coalition of private firms, what’s it called?'));
    expect(coalition.answer).toMatch(/^European AI Champions initiative, according to the source/);
  });

  it('harbour and bundled: "it" in the next question of the message is what was just named', () => {
    const firm = harbour.verbatim(harbour.ask('the freight firm building the warehouse, whats it called and how much did it promise?'));
    expect(firm.answer).toMatch(/^Atlantic Freight Group, according to the source/);
    expect(firm.answer).toContain('$30 million');
    const coalition = summit.verbatim(summit.ask('the coalition of private companies, what is it called and how much did it pledge?'));
    expect(coalition.answer).toMatch(/^European AI Champions initiative/);
    expect(coalition.answer).toContain('€150 billion');
  });
});

