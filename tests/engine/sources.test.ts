/**
 * Answers drawn from several documents: figures the sources disagree on are
 * shown side by side, each with its quote; a published correction is
 * preferred and the figure it replaces is named; sources that agree are not
 * reported as differing. On the forum texts and on the harbour press release
 * with a correction and a blog post about it (no yaml), so no curation helps.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/index.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { tempCorpus, type TempCorpus } from '../helpers/corpus.js';
import { HARBOUR_FIXTURE, openForum, openSummit, type TestEngine } from '../helpers/fixtures.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Answer } from '../../src/index.js';

const HARBOUR_CORRECTION = `---
title: "CORRECTED-Northport harbour story: dredging pledge"
published: 2024-05-16
publisher: Coastal Wire
kind: correction
---
NORTHPORT, May 16 (Coastal Wire) - In a story published on May 14 about the Northport harbour expansion, Coastal Wire misstated the regional council's pledge for dredging. An earlier version said €25 million; the correct figure is €28 million.

The €40 million for the container terminal was reported correctly.
`;

const HARBOUR_BLOG = `---
title: Dockside notes on the harbour plan
published: 2024-05-15
publisher: Dockside Blog
kind: blog post
---
# Dockside notes on the harbour plan

According to the company's own statement, the Atlantic Freight Group promised $35 million to build the warehouse.

Construction starts in March 2025, as planned.
`;

let forum: TestEngine & { remove(): void };
let summit: TestEngine;
let ports: { ask: (q: string) => Answer; bodies: Map<string, string> };
let portsDir: TempCorpus;

beforeAll(async () => {
  portsDir = tempCorpus();
  portsDir.write('harbour-plan.md', readFileSync(join(HARBOUR_FIXTURE, 'harbour-plan.md')));
  portsDir.write('harbour-correction.md', HARBOUR_CORRECTION);
  portsDir.write('dockside-blog.md', HARBOUR_BLOG);
  const corpus = await loadCorpus(portsDir.dir);
  const engine = await createEngine({ corpus });
  ports = { ask: (q) => engine.ask(q), bodies: new Map(corpus.documents.map((d) => [d.id, d.body])) };
  [forum, summit] = await Promise.all([openForum(), openSummit()]);
});
afterAll(() => {
  forum?.remove();
  portsDir?.remove();
});

const documentsOf = (a: Answer) => new Set(a.quotes.map((q) => q.source.documentId));

function portsVerbatim(a: Answer): Answer {
  for (const q of a.quotes) expect(ports.bodies.get(q.source.documentId)?.slice(q.source.start, q.source.end)).toBe(q.text);
  return a;
}

describe('a correction is preferred, and the earlier figure named', () => {
  it('forum: the Atlantic Compute Fund, €12 billion corrected to €14 billion', () => {
    // Composed from the correction notice's sentence (which sentence the model prefers is measured on question sets).
    const a = forum.verbatim(forum.answerFrom('how big is the atlantic compute fund?', 'the correct figure is €14 billion')!);
    expect(a.answer).toMatch(/^€14 billion/);
    expect(a.answer).toMatch(/corrects the €12 billion/);
    expect(a.quotes[0]!.source.documentId).toBe('cps-correction-2026-03-05');
    expect(a.quotes[0]!.text).toContain('€14 billion');
    // The corrected story is cited too, so the reader sees where €12 billion came from.
    expect(a.quotes.some((q) => q.text.includes('€12 billion') && q.source.documentId !== 'cps-correction-2026-03-05')).toBe(true);
  });

  it('harbour: the dredging pledge, €25 million corrected to €28 million', () => {
    const a = portsVerbatim(ports.ask('how much did the council pledge for dredging?'));
    expect(a.answer).toMatch(/^€28 million/);
    expect(a.answer).toMatch(/corrects the €25 million/);
    expect(a.quotes[0]!.source.documentId).toBe('harbour-correction');
    expect(a.quotes.some((q) => q.source.documentId === 'northport-harbour-plan' && q.text.includes('€25 million'))).toBe(true);
  });

  it('a claim of the earlier figure is answered No', () => {
    const a = ports.ask('is the dredging pledge 25 million?');
    expect(a.answer).toMatch(/^No\b/);
    expect(a.answer).toContain('€28 million');
    expect(a.answer).toMatch(/earlier figure, since corrected/);
  });

  it('a figure the correction says was right stays as it was', () => {
    const a = portsVerbatim(ports.ask('how much is the terminal?'));
    expect(a.answer).toMatch(/^€40 million/);
    expect(a.answer).not.toMatch(/corrects|differ/);
  });
});

describe('disagreeing figures side by side', () => {
  it.each([
    ['how much did the key investors pledge?', '€8 billion', /€9\.4 ?b(?:illio)?n/],
    ['how many delegates registered?', '1,214', '1,200+'],
    ['what is the quillon deal worth?', '€3.2 billion', '$3.5bn'],
  ])('forum: %s', (question, one, other) => {
    const a = forum.verbatim(forum.ask(question));
    expect(a.answered).toBe(true);
    expect(a.answer).toMatch(/The sources differ/);
    expect(a.answer).toContain(one);
    expect(a.answer).toMatch(other);
    expect(a.quotes.some((q) => q.text.includes(one))).toBe(true);
    expect(a.quotes.some((q) => (typeof other === 'string' ? q.text.includes(other) : other.test(q.text)))).toBe(true);
    expect(documentsOf(a).size).toBeGreaterThan(1);
  });

  it('harbour: a blog gives another figure for the warehouse', () => {
    const a = portsVerbatim(ports.ask('how much did atlantic freight promise?'));
    expect(a.answer).toMatch(/The sources differ/);
    expect(a.answer).toContain('$35 million');
    expect(a.answer).toContain('$30 million');
    expect(documentsOf(a)).toEqual(new Set(['dockside-blog', 'northport-harbour-plan']));
  });
});

describe('sources that agree', () => {
  it('are cited together without a disagreement', () => {
    // "€500m", "half a billion euros" and "€500 million" are one amount.
    const a = forum.verbatim(forum.ask('how much will portugal put into sines?'));
    expect(a.answer).toMatch(/500/);
    expect(a.answer).not.toMatch(/differ/);
    expect(documentsOf(a).size).toBeGreaterThan(1);
    const b = portsVerbatim(ports.ask('when does construction start?'));
    expect(b.answer).toMatch(/^March 2025/);
    expect(b.answer).not.toMatch(/differ/);
    expect(documentsOf(b)).toEqual(new Set(['dockside-blog', 'northport-harbour-plan']));
  });

  it('one document stating a figure twice is not a disagreement', () => {
    const a = summit.verbatim(summit.ask('how much will InvestAI mobilise?'));
    expect(a.answer).toMatch(/^€200 billion/);
    expect(a.answer).not.toMatch(/differ/);
  });
});
