import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buttonsFor,
  DEFAULT_PRIMARY_QUOTES,
  MAX_CONTENT_LENGTH,
  MAX_CUSTOM_ID,
  MAX_EMBED_DESCRIPTION,
  MAX_EMBED_FIELDS,
  MAX_EMBED_TITLE,
  MAX_EMBED_TOTAL,
  MAX_FIELD_NAME,
  MAX_FIELD_VALUE,
  customId,
  embedLength,
  fitEmbed,
  parseCustomId,
  plain,
  renderAnswer,
  renderFigures,
  renderMoreSources,
  type DiscordPayload,
} from '../../adapters/discord/render.js';
import { ELLIPSIS, fitEscaped, truncate } from '../../adapters/discord/text.js';
import { answer, figure, quote } from './stub-engine.js';

/** What Discord displays for escaped text: every backslash escape removed. */
const unescape = (s: string) => s.replace(/\\(.)/gs, '$1');

function expectWithinLimits(p: DiscordPayload): void {
  expect(p.content?.length ?? 0).toBeLessThanOrEqual(MAX_CONTENT_LENGTH);
  expect(p.allowedMentions).toEqual({ parse: [], repliedUser: false });
  for (const e of p.embeds) {
    expect(e.title?.length ?? 0).toBeLessThanOrEqual(MAX_EMBED_TITLE);
    expect(e.description?.length ?? 0).toBeLessThanOrEqual(MAX_EMBED_DESCRIPTION);
    expect(e.fields?.length ?? 0).toBeLessThanOrEqual(MAX_EMBED_FIELDS);
    for (const f of e.fields ?? []) {
      expect(f.name.length).toBeLessThanOrEqual(MAX_FIELD_NAME);
      expect(f.value.length).toBeLessThanOrEqual(MAX_FIELD_VALUE);
    }
    expect(embedLength(e)).toBeLessThanOrEqual(MAX_EMBED_TOTAL);
  }
  for (const row of p.components) for (const b of row.components) if ('custom_id' in b) expect(b.custom_id.length).toBeLessThanOrEqual(MAX_CUSTOM_ID);
}

/** A cut is acceptable when it ends with an ellipsis and what precedes it is a prefix of the original. */
function expectHonestCut(original: string, shown: string): void {
  if (shown === original) return;
  expect(shown.endsWith(ELLIPSIS)).toBe(true);
  expect(original.startsWith(shown.slice(0, -ELLIPSIS.length))).toBe(true);
}

describe('truncate', () => {
  it('returns text that fits unchanged', () => {
    expect(truncate('InvestAI mobilises €200 billion.', 100)).toBe('InvestAI mobilises €200 billion.');
  });

  it('cuts at a word boundary and adds an ellipsis', () => {
    const out = truncate('the European AI Champions initiative', 20);
    expect(out).toBe('the European AI…');
  });

  it('cuts inside a word only when there is no space nearby, and then with an ellipsis', () => {
    const out = truncate('x'.repeat(500), 100);
    expect(out).toHaveLength(100);
    expect(out.endsWith(ELLIPSIS)).toBe(true);
  });

  it('never splits a surrogate pair', () => {
    const out = truncate('😀'.repeat(100), 11);
    expect(out.length).toBeLessThanOrEqual(11);
    expect(out).toBe('😀'.repeat(5) + ELLIPSIS);
  });

  it('keeps within the limit and cuts honestly for any text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), fc.integer({ min: 2, max: 300 }), (text, max) => {
        const out = truncate(text, max);
        expect(out.length).toBeLessThanOrEqual(max);
        expectHonestCut(text, out);
      }),
    );
  });
});

describe('fitEscaped', () => {
  it('escapes markdown so text shows as written', () => {
    const raw = '**not bold** _nor italic_ `code` # not a heading';
    const out = fitEscaped(raw, 200);
    expect(out).not.toBe(raw);
    expect(unescape(out)).toBe(raw);
  });

  it('fits escaped text within the limit even when escaping doubles its length (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('*', '_', '`', '~', '|', '>', '#', 'a', ' ', '\\'), maxLength: 3000 }), fc.integer({ min: 4, max: 2000 }), (raw, max) => {
        expect(fitEscaped(raw, max).length).toBeLessThanOrEqual(max);
      }),
    );
  });

  it('handles a megabyte of markdown characters quickly and within the limit', () => {
    const out = fitEscaped('*'.repeat(1_000_000), MAX_CONTENT_LENGTH);
    expect(out.length).toBeLessThanOrEqual(MAX_CONTENT_LENGTH);
    expect(out.endsWith(ELLIPSIS)).toBe(true);
  });
});

describe('renderAnswer', () => {
  const four = answer({
    answer: 'InvestAI aims to mobilise €200 billion.',
    quotes: [1, 2, 3, 4].map((n) => quote(`Quote number ${n} from the source.`, n, { title: `Doc ${n}` })),
    figures: [figure('InvestAI', '€200 billion')],
  });

  it('puts the short answer in the content and the first quotes, cited, in the embed', () => {
    const p = renderAnswer(four, { actions: [{ name: 'more', key: 'k1' }, { name: 'figures', key: 'k1' }] });
    expect(unescape(p.content!)).toBe(four.answer);
    const d = p.embeds[0]!.description!;
    expect(d).toContain('> Quote number 1 from the source.');
    expect(d).toContain('> Quote number 2 from the source.');
    expect(d).not.toContain('Quote number 3');
    expect(d).toContain('*Doc 1*, ¶ 1');
    expect(p.embeds[0]!.footer!.text).toContain(`1–${DEFAULT_PRIMARY_QUOTES} of 4`);
    expectWithinLimits(p);
  });

  it('offers "More sources" and "Show the figures" buttons carrying the answer key', () => {
    const p = renderAnswer(four, { actions: [{ name: 'more', key: 'k1' }, { name: 'figures', key: 'k1' }] });
    const buttons = p.components[0]!.components.map((b) => ('custom_id' in b ? [b.label, b.custom_id] : []));
    expect(buttons).toEqual([
      ['More sources', customId('more', 'k1')],
      ['Show the figures', customId('figures', 'k1')],
    ]);
  });

  it('offers no buttons when there is nothing more to show', () => {
    expect(buttonsFor(answer())).toEqual([]);
    expect(buttonsFor(four)).toEqual(['more', 'figures']);
    expect(renderAnswer(four).components).toEqual([]);
  });

  it('links the citation when the source has a web address', () => {
    const p = renderAnswer(answer({ quotes: [quote('Text.', 3, { title: 'Press release', url: 'https://example.org/a(b)' })] }));
    expect(p.embeds[0]!.description).toContain('[Press release](https://example.org/a%28b%29), ¶ 3');
  });

  it('a PDF quote cites its page before the paragraph', () => {
    const p = renderAnswer(answer({ quotes: [quote('Text.', 3, { title: 'Fact sheet', page: 2 })] }));
    expect(p.embeds[0]!.description).toContain('*Fact sheet*, p. 2, ¶ 3');
  });

  it('ignores a source address that is not http(s)', () => {
    const p = renderAnswer(answer({ quotes: [quote('Text.', 3, { title: 'T', url: 'javascript:alert(1)' })] }));
    expect(p.embeds[0]!.description).not.toContain('javascript');
  });

  it('shows the question as the title when given, on one line and escaped', () => {
    const p = renderAnswer(answer(), { question: 'How **much**\nfor InvestAI?' });
    expect(unescape(p.embeds[0]!.title!)).toBe('How **much** for InvestAI?');
  });

  it('shortens an over-long answer at a word boundary with an ellipsis', () => {
    const long = Array.from({ length: 1500 }, (_, i) => `word${i}`).join(' ');
    const p = renderAnswer(answer({ answer: long }));
    expect(p.content!.length).toBeLessThanOrEqual(MAX_CONTENT_LENGTH);
    expectHonestCut(long, p.content!);
    const cutAt = p.content!.length - ELLIPSIS.length;
    expect(long[cutAt]).toMatch(/\s/);
  });

  it('never cuts a quote mid-word without an ellipsis, even quotes far longer than the contract allows', () => {
    const text = Array.from({ length: 600 }, (_, i) => `term${i}`).join(' ');
    const p = renderAnswer(answer({ quotes: [1, 2, 3, 4].map((n) => quote(text, n)) }), { primaryQuotes: 4 });
    expectWithinLimits(p);
    const shownQuotes = p.embeds[0]!.description!.split('\n\n').map((block) => block.split('\n').slice(1).map((l) => l.slice(2)).join('\n'));
    expect(shownQuotes).toHaveLength(4);
    for (const shown of shownQuotes) {
      expectHonestCut(text, shown);
      expect(text[shown.length - ELLIPSIS.length]).toMatch(/\s/);
    }
  });

  it('keeps multi-line quotes inside the block quote and escapes their markdown', () => {
    const p = renderAnswer(answer({ quotes: [quote('first *line*\n# second line', 2)] }));
    const lines = p.embeds[0]!.description!.split('\n');
    expect(lines.slice(1)).toEqual(['> first \\*line\\*', '> \\# second line']);
  });

  it('gives the engine\'s "sources don\'t say" answer as is, with its suggestions', () => {
    const notFound = answer({
      answered: false,
      kind: 'not_found',
      answer: 'The sources do not say what the weather was.',
      quotes: [],
      confidence: 0,
      suggestions: ['How much is InvestAI?', 'What is Stargate?'],
    });
    const p = renderAnswer(notFound);
    expect(unescape(p.content!)).toBe(notFound.answer);
    expect(p.embeds[0]!.description).toBe('**You could ask:**\n• How much is InvestAI?\n• What is Stargate?');
    expect(p.components).toEqual([]);
  });

  it('leaves mentions inert: the payload never allows any', () => {
    const p = renderAnswer(answer({ answer: '@everyone @here <@&800000000000000004> <@700000000000000001>' }));
    expect(p.allowedMentions).toEqual({ parse: [], repliedUser: false });
  });

  it('stays within every Discord limit for arbitrary answers (property)', () => {
    const arbQuote = fc.record({ text: fc.string({ minLength: 1, maxLength: 600 }), paragraph: fc.integer({ min: 1, max: 999 }), title: fc.string({ maxLength: 400 }) });
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 5000 }),
        fc.array(arbQuote, { maxLength: 4 }),
        fc.array(fc.tuple(fc.string({ maxLength: 400 }), fc.string({ maxLength: 1200 })), { maxLength: 40 }),
        fc.option(fc.string({ maxLength: 2000 }), { nil: undefined }),
        (text, qs, figs, question) => {
          const a = answer({ answer: text, quotes: qs.map((q) => quote(q.text, q.paragraph, { title: q.title })), figures: figs.map(([w, d]) => figure(w, d)) });
          const opts = question === undefined ? { answerKey: 'key' } : { answerKey: 'key', question };
          expectWithinLimits(renderAnswer(a, opts));
          expectWithinLimits(renderMoreSources(a));
          expectWithinLimits(renderFigures(a));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('renderMoreSources', () => {
  it('shows the quotes after the first ones, numbered on from them', () => {
    const a = answer({ quotes: [1, 2, 3, 4].map((n) => quote(`Q${n}.`, n)) });
    const d = renderMoreSources(a).embeds[0]!.description!;
    expect(d).toMatch(/^\*\*\[3\]\*\* /);
    expect(d).toContain('> Q3.');
    expect(d).toContain('**[4]**');
    expect(d).not.toContain('Q2.');
  });

  it('says so when there is nothing more', () => {
    expect(renderMoreSources(answer()).content).toBe('There are no further sources for this answer.');
  });
});

describe('renderFigures', () => {
  it('lists each figure with its value, who and when, and its source', () => {
    const p = renderFigures(answer({ figures: [figure('InvestAI fund', '€200 billion', { who: 'European Commission', when: '2025-02-11' })] }));
    expect(p.embeds[0]!.fields).toEqual([{ name: 'InvestAI fund', value: '**€200 billion** · European Commission · 2025-02-11\n*A test document*, ¶ 1' }]);
  });

  it('shows at most 25 fields and says how many were left out', () => {
    const p = renderFigures(answer({ figures: Array.from({ length: 30 }, (_, i) => figure(`Figure ${i}`, `${i} billion`)) }));
    expect(p.embeds[0]!.fields).toHaveLength(MAX_EMBED_FIELDS);
    expect(p.embeds[0]!.footer!.text).toBe('…and 5 more not shown');
  });

  it('says so when the answer used no figures', () => {
    expect(renderFigures(answer()).content).toBe('This answer uses no structured figures.');
  });
});

describe('fitEmbed', () => {
  it('drops trailing fields until the embed is within 6,000 characters', () => {
    const fields = Array.from({ length: 10 }, (_, i) => ({ name: `f${i}`, value: 'v'.repeat(1000) }));
    const e = fitEmbed({ title: 't', fields });
    expect(embedLength(e)).toBeLessThanOrEqual(MAX_EMBED_TOTAL);
    expect(e.fields).toHaveLength(5);
  });
});

describe('custom ids', () => {
  it('round-trip and reject foreign ids', () => {
    expect(parseCustomId(customId('figures', 'abc1'))).toEqual({ action: 'figures', answerKey: 'abc1' });
    expect(parseCustomId('other:more:x')).toBeUndefined();
  });
});

describe('plain', () => {
  it('escapes and bounds a notice', () => {
    const p = plain('x'.repeat(5000));
    expect(p.content!.length).toBeLessThanOrEqual(MAX_CONTENT_LENGTH);
    expect(p.embeds).toEqual([]);
  });
});
