import { describe, expect, it } from 'vitest';
import { extractKnowledge } from '../../src/extract/index.js';
import { segmentDocument } from '../../src/text/segment.js';
import type { CorpusDocument } from '../../src/corpus/document.js';

// An invented wire story in the usual shapes: a role title before a name, a converted amount in brackets,
// "from" a named investor, a surname later, an apposition saying what a company is, a change in per cent.
const body = `NORTHPORT, May 12 (Newswire) - Harbour Minister Ilse Varga on Sunday announced 40 billion euros ($43 billion) of investment in port automation over the coming decade, as the region tries to keep pace with Rotterdam and Hamburg.

The package includes 10 billion euros from Dutch investment firm Keelhaven and up to 15 billion euros from the Nordic Ports Fund, Varga said in an interview.

Tidewright Robotics, a Danish startup valued at about $2 billion, said revenue rose 35% in 2025.`;

const doc: CorpusDocument = { id: 'wire', title: 'wire', file: 'wire.md', meta: { published: '2026-05-12' }, body, ...segmentDocument(body) };

describe('wire-story shapes', () => {
  const k = extractKnowledge([doc]);
  const figure = (display: string) => k.figures.find((f) => f.display === display)!;
  const entity = (name: string) => k.entities.find((e) => e.name === name || e.aliases.includes(name));

  it('splits a role title from the name it precedes and keeps it as the description', () => {
    const varga = entity('Ilse Varga')!;
    expect(varga).toMatchObject({ kind: 'person', description: 'Harbour Minister' });
    expect(entity('Varga')).toBe(varga);
    expect(figure('40 billion euros').who).toBe(varga.id);
  });

  it('describes the bracketed amount as the same money in another currency', () => {
    expect(figure('$43 billion')).toMatchObject({ currency: 'USD', amount: 43e9 });
    expect(figure('$43 billion').what).toBe(`${figure('40 billion euros').what} (the same amount in USD)`);
    expect(figure('$43 billion').keywords).toContain('conversion');
  });

  it('reads money "from" a named investor, and the investor as an organisation', () => {
    expect(figure('10 billion euros').what).toBe('the amount from Dutch investment firm Keelhaven');
    expect(entity('Keelhaven')?.kind).toBe('organisation');
    expect(figure('up to 15 billion euros').who).toBe(entity('Ilse Varga')!.id);
  });

  it('takes the kind and description from an apposition, and a percentage as a change', () => {
    expect(entity('Tidewright Robotics')).toMatchObject({ kind: 'organisation', description: 'a Danish startup valued at about $2 billion' });
    expect(figure('35%')).toMatchObject({ kind: 'percent', what: 'the change in revenue', when: '2025' });
    expect(entity('Danish')).toBeUndefined();
  });

  it('resolves the weekday against the story date', () => {
    expect(figure('Sunday').when).toBe('2026-05-10');
  });
});

// An invented press release in the US style: month-day dates, "Inc." and a quoted short name, "led by", boilerplate.
const release = `SAN MATEO, March 4, 2026 -- Quayline Robotics, Inc. ("Quayline"), a maker of warehouse robots, today announced a $120 million Series C round led by Harrow Ventures. Quayline expects revenue of £45m next year.

The state regulator said on 3/5/2026 that it had approved the deal. Shares of rival Botco fell 4.5 per cent.

About Quayline: Quayline Robotics was founded in 2019 and employs 850 people.`;
const pr: CorpusDocument = { id: 'pr', title: 'pr', file: 'pr.md', meta: { published: '2026-03-04' }, body: release, ...segmentDocument(release) };

describe('press-release shapes', () => {
  const k = extractKnowledge([pr]);
  const figure = (display: string) => k.figures.find((f) => f.display === display)!;
  const quayline = k.entities.find((e) => e.name === 'Quayline Robotics')!;

  it('attributes the announcement to the company, not to "led by" investors', () => {
    expect(figure('$120 million')).toMatchObject({ who: quayline.id, what: 'the Series C round (Quayline Robotics)', when: '2026-03-04' });
    expect(quayline.aliases).toContain('Quayline');
    expect(quayline.description).toBe('a maker of warehouse robots');
  });

  it('reads month-day numeric dates in a document that writes "March 4", and next year from its date', () => {
    expect(figure('3/5/2026').when).toBe('2026-03-05');
    expect(figure('£45m')).toMatchObject({ currency: 'GBP', amount: 45e6, what: 'the revenue of Quayline Robotics', when: '2027' });
  });

  it('describes a share change and a founding date in boilerplate', () => {
    expect(figure('4.5 per cent').what).toBe('the change in Shares of rival Botco');
    expect(figure('2019').what).toBe('when Quayline Robotics was founded');
  });
});
