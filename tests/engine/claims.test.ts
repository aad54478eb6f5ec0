/**
 * Yes/no questions and claims are checked against the sources, value by
 * value: "No" with the contradicting value and its quote for an amount,
 * currency, day (a weekday worked out from a dated figure too), month,
 * place, person or nationality that differs; "Yes" only when the sources
 * state it; otherwise "the sources don't say so". On the bundled corpus, the
 * harbour fixture with and without its yaml, and the forum texts, where a
 * correction replaces an earlier figure.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lead, openBareHarbour, openForum, openHarbour, openSummit, openWritten, said, type TestEngine } from '../helpers/fixtures.js';

let summit: TestEngine;
let harbour: TestEngine;
let bare: TestEngine & { remove(): void };
let forum: TestEngine & { remove(): void };

beforeAll(async () => {
  [summit, harbour, bare, forum] = await Promise.all([openSummit(), openHarbour(), openBareHarbour(), openForum()]);
});
afterAll(() => {
  bare?.remove();
  forum?.remove();
});

/** A "No" that gives the value the sources hold, in the answer, backed by the first quote. */
function expectNo(t: TestEngine, question: string, truth: string | RegExp) {
  const a = t.verbatim(t.ask(question));
  expect(a.answered, question).toBe(true);
  expect(a.answer, question).toMatch(/^No\b/);
  expect(a.answer.toLowerCase()).toMatch(truth);
  expect(a.quotes[0]!.text.toLowerCase()).toMatch(truth);
  return a;
}

function expectYes(t: TestEngine, question: string, evidence: string | RegExp) {
  const a = t.verbatim(t.ask(question));
  expect(a.answer, question).toMatch(/^Yes\b/);
  expect(lead(a)).toMatch(evidence);
  return a;
}

/** Neither yes nor no: the sources don't state it. */
/** The checked claim's own answer (the claim proposal, whether or not the model prefers it to a sentence) is No with the truth. */
function expectClaimNo(t: TestEngine, question: string, truth: string | RegExp) {
  const a = t.answerAs(question, 'claim');
  expect(a, question).toBeDefined();
  t.verbatim(a!);
  expect(a!.answer, question).toMatch(/^No\b/);
  expect(a!.answer.toLowerCase()).toMatch(truth);
  return a!;
}

function expectNotSaid(t: TestEngine, question: string) {
  const a = t.verbatim(t.ask(question));
  expect(a.answer, question).not.toMatch(/^(?:Yes|No)\b/);
  expect(a.answer).toMatch(/don't say so/);
  return a;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

describe('amounts', () => {
  it('a wrong amount gets No with the figure the sources give', () => {
    const a = expectNo(summit, 'is the french package 500 billion?', /112 billion/);
    expect(a.answer).toMatch(/not 500 billion/);
    expectNo(harbour, 'is the terminal 50 million?', /40 million/);
    expectNo(bare, 'is the terminal 50 million?', /40 million/);
  });

  it('a wrong amount for the right subject, not the asked amount said of another', () => {
    // €40 million is in the sources, but for the terminal, not the council.
    expectNo(harbour, 'did the council pledge the 40 million?', /25 million/);
    expectNo(harbour, 'did atlantic freight pledge 25 million?', /30 million/);
  });

  it('the right amount gets Yes', () => {
    expectYes(summit, 'is investai 200 billion?', /200 billion/);
    expectYes(harbour, 'did the council pledge 25 million?', /25 million/);
  });

  it('the right number in the wrong currency gets No', () => {
    const a = expectNo(harbour, 'is the warehouse 30 million euros?', /\$30 million/);
    expect(a.answer).toMatch(/not €30 million/);
    expectYes(harbour, 'is the warehouse 30 million dollars?', /\$30 million/);
  });
});

describe('days and months', () => {
  it('a wrong weekday gets No with the day the sources say', () => {
    expectNo(harbour, 'was the terminal announced on Monday?', /tuesday/);
    expectNo(bare, 'was the terminal announced on a Monday?', /tuesday/);
    expectYes(harbour, 'was the terminal announced on Tuesday?', /tuesday/);
  });

  it('the weekday of a dated figure is worked out from its date', () => {
    const post = summit.engine.figures.find((f) => f.kind === 'date' && f.when === '2025-02-11');
    expect(post).toBeDefined();
    const weekday = WEEKDAYS[new Date(`${post!.when}T12:00:00Z`).getUTCDay()]!;
    const other = WEEKDAYS[(WEEKDAYS.indexOf(weekday) + 1) % 7]!;
    const no = summit.ask(`was investai announced on a ${other.toLowerCase()}?`);
    expect(no.answer).toMatch(/^No\b/);
    expect(no.answer).toContain(weekday);
    expect(summit.ask(`was investai announced on a ${weekday.toLowerCase()}?`).answer).toMatch(/^Yes\b/);
  });

  it('a wrong month gets No', () => {
    expectNo(summit, 'was stargate announced in march?', /january/);
    expectNo(harbour, 'does construction start in April 2025?', /march/);
    expectNo(bare, 'does construction start in April 2025?', /march/);
    expectYes(harbour, 'does construction start in march?', /march 2025/);
  });
});

describe('places, people, nationality', () => {
  it('a wrong place gets No', () => {
    // A place the sources never name: the proposal ranked first says No with the place they give (whether it
    // clears the answer threshold, against a question naming what the sources lack, is measured on the question sets).
    const berlin = summit.verbatim(summit.best('was the summit in berlin?')!);
    expect(berlin.answer).toMatch(/^No\b.*Paris, not Berlin/);
    expectNo(harbour, 'is the terminal in Southport?', /northport/);
    expectNo(bare, 'is the terminal in Southport?', /northport/);
    expectYes(summit, 'did the summit take place in paris?', /paris/);
  });

  it('a wrong person gets No with who it was', () => {
    const a = summit.verbatim(summit.ask('did macron announce investai?'));
    expect(a.answer).toMatch(/^No\b/);
    expect(a.answer).toContain('Ursula von der Leyen');
    expect(a.quotes[0]!.speaker).toBe('Ursula von der Leyen');
    expectYes(harbour, 'did calder announce the terminal?', /calder announced/);
  });

  it('a wrong nationality gets No', () => {
    const a = expectNo(summit, 'is stargate european?', /us-based|united states/);
    expect(a.answer).toMatch(/not Europe/);
  });
});

describe('what the sources do not state', () => {
  it('is neither confirmed nor denied', () => {
    expectNotSaid(summit, 'did von der leyen announce stargate?');
    expectNotSaid(harbour, 'is the council french?');
    expectNotSaid(bare, 'is the council french?');
  });

  it('covered words alone do not make a Yes', () => {
    // Every content word is in the harbour document; the claim is not.
    expect(harbour.ask('will the terminal be closed to small lines?').answer).not.toMatch(/^Yes\b/);
    expect(summit.ask('is the EU wooing the private sector?').answer).not.toMatch(/^No\b/);
  });
});

describe('corrected figures (forum texts)', () => {
  it('a claim of the figure since corrected gets No, the correction, and the earlier figure named', () => {
    const a = expectClaimNo(forum, 'is the atlantic compute fund 12 billion?', /14 billion/);
    expect(a.answer).toMatch(/earlier figure, since corrected/);
    expect(a.quotes[0]!.source.documentId).toBe('cps-correction-2026-03-05');
    expectClaimNo(forum, 'was the atlantic compute fund €12bn?', /14 billion/);
  });

  it('the corrected figure gets Yes, also asked by the fund\'s abbreviation', () => {
    expectYes(forum, 'is the acf 14 billion euros?', /14 billion/);
  });
});

describe('a claim scoped to the corpus’s setting', () => {
  // A place most passages name is where everything happens: "…in Valdemoro" adds nothing the evidence must repeat.
  const SURVEY = `---
title: Valdemoro reading survey
published: 2024-10-01
---
# Valdemoro reading survey

The Valdemoro council published a reading survey on Monday.

Valdemoro has twelve public libraries and two mobile reading rooms.

Rosa Ibarra, the culture minister, presented the results.

“Reading among teenagers is far from where it should be,” she said.

The survey in Valdemoro counted 4,000 regular readers.
`;

  it('fixture: her words are the evidence, though they do not name the town', async () => {
    const survey = await openWritten({ 'survey.md': SURVEY });
    try {
      for (const question of ['does she reckon reading among teenagers in valdemoro is going well?', 'did she say valdemoro teenagers read enough?']) {
        const a = survey.verbatim(survey.ask(question));
        expect(a.answered).toBe(true);
        expect(a.quotes[0]?.text).toContain('far from where it should be');
      }
    } finally {
      survey.remove();
    }
  });

  it('bundled: what she says of adoption, for a claim about adoption in Europe', () => {
    const a = summit.verbatim(summit.ask('does she say the adoption of ai in europe is widespread?'));
    expect(a.answered).toBe(true);
    expect(a.quotes[0]?.text).toContain('far from wide adoption');
  });
});
