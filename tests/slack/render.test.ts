import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Answer, Quote } from '../../src/index.js';
import { escapeMrkdwn, questionFromSlack, sanitize } from '../../adapters/slack/markup.js';
import {
  MAX_BLOCKS,
  MAX_SECTION_TEXT_CHARS,
  SHARE_ACTION_ID,
  citation,
  cutToBudget,
  fitEscaped,
  quoteMrkdwn,
  renderAnswer,
  renderHelp,
  renderNotice,
  withShareButton,
} from '../../adapters/slack/render.js';
import { expectNoPings, expectWithinSlackLimits, textsOf } from './limits.js';

function quote(text: string, overrides: Partial<Quote['source']> = {}, speaker?: string): Quote {
  return { text, source: { documentId: 'doc-1', title: 'Summit article', paragraph: 3, start: 0, end: text.length, ...overrides }, ...(speaker ? { speaker } : {}) };
}

function answer(overrides: Partial<Answer> = {}): Answer {
  return { answered: true, answer: 'The sources give a figure.', quotes: [quote('InvestAI will mobilise money.')], figures: [], confidence: 0.8, kind: 'answer', suggestions: [], ...overrides };
}

const HOSTILE = '<!channel> <!here> <!everyone> <@U123> <!subteam^S1> <#C1|general> <https://evil.example|click> & done';

describe('renderAnswer', () => {
  it('puts the answer in a section, each quote in a rich text quote with its citation, and a fallback text', () => {
    const a = answer({ quotes: [quote('First quoted line.'), quote('Second one.', { paragraph: 7, url: 'https://example.org/a' }, 'A Speaker')] });
    const message = renderAnswer(a);
    expect(message.blocks[0]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: a.answer, verbatim: true } });
    expect(message.blocks[1]).toEqual({ type: 'rich_text', elements: [{ type: 'rich_text_quote', elements: [{ type: 'text', text: 'First quoted line.' }] }] });
    expect(message.blocks[2]).toMatchObject({ type: 'context', elements: [{ text: '— _Summit article_, paragraph 3' }] });
    expect(message.blocks[3]).toMatchObject({ type: 'rich_text', elements: [{ elements: [{ text: 'Second one.' }] }] });
    expect(message.blocks[4]).toMatchObject({ type: 'context', elements: [{ text: '— A Speaker, <https://example.org/a|Summit article>, paragraph 7' }] });
    expect(message.text.startsWith(a.answer)).toBe(true);
    expect(message.text).toContain('> First quoted line.');
    expectWithinSlackLimits(message);
  });

  it('shows an unanswered question with what is missing and the suggestions', () => {
    const a = answer({ answered: false, kind: 'not_found', answer: 'The sources do not say who paid for lunch.', quotes: [], suggestions: ['How much is InvestAI?', 'What is <!here>?'] });
    const message = renderAnswer(a);
    expect(message.text).toBe(a.answer);
    expect(message.blocks[0]).toMatchObject({ text: { text: a.answer } });
    expect(message.blocks[1]).toMatchObject({ text: { text: '*You could ask:*\n• How much is InvestAI?\n• What is &lt;!here&gt;?' } });
    expectNoPings(message);
  });

  it('escapes &, < and > from the answer, quotes, titles and speakers so nothing can ping', () => {
    const a = answer({ answer: HOSTILE, quotes: [quote(HOSTILE, { title: HOSTILE }, HOSTILE)], suggestions: [HOSTILE] });
    const message = renderAnswer(a);
    expectNoPings(message);
    expect(message.blocks[0]).toMatchObject({ text: { text: escapeMrkdwn(HOSTILE) } });
    // Rich text takes no markup: the quote is shown literally and pings no one.
    expect(message.blocks[1]).toMatchObject({ type: 'rich_text', elements: [{ elements: [{ type: 'text', text: HOSTILE }] }] });
    for (const text of textsOf(message)) expect(text).not.toMatch(/&(?!amp;|lt;|gt;)/);
  });

  it('a PDF quote cites its page before the paragraph', () => {
    expect(citation(quote('q', { page: 2 }))).toBe('— _Summit article_, page 2, paragraph 3');
  });

  it('links a citation only to a plain http(s) URL', () => {
    for (const url of ['javascript:alert(1)', 'https://x.example/a|b', 'https://x.example/<!channel>', 'ftp://x.example']) {
      expect(citation(quote('q', { url }))).toBe('— _Summit article_, paragraph 3');
    }
    expect(citation(quote('q', { url: 'https://x.example/?a=1&b=2' }))).toBe('— <https://x.example/?a=1&amp;b=2|Summit article>, paragraph 3');
  });

  it('keeps an over-long answer within a section, cut between words with an ellipsis', () => {
    const long = Array.from({ length: 2000 }, (_, i) => `word${i}`).join(' ');
    const message = renderAnswer(answer({ answer: long }));
    const text = (message.blocks[0] as { text: { text: string } }).text.text;
    expect(text.length).toBeLessThanOrEqual(MAX_SECTION_TEXT_CHARS);
    expect(text.endsWith('…')).toBe(true);
    const kept = text.slice(0, -1);
    expect(long.startsWith(kept)).toBe(true);
    expect(long[kept.length]).toBe(' ');
    expectWithinSlackLimits(message);
  });

  it('trims whole quotes from the end when there are more than the blocks allow', () => {
    const quotes = Array.from({ length: 60 }, (_, i) => quote(`Quote number ${i} says something.`));
    const message = renderAnswer(answer({ quotes }));
    expectWithinSlackLimits(message);
    const shown = message.blocks.filter((b) => b.type === 'rich_text');
    expect(shown.length).toBeGreaterThan(10);
    expect(shown.length).toBeLessThan(60);
    shown.forEach((b, i) => expect(b).toMatchObject({ elements: [{ elements: [{ text: `Quote number ${i} says something.` }] }] }));
  });

  it('trims whole quotes when their text would exceed the total size Slack accepts', () => {
    const para = Array.from({ length: 700 }, () => 'a&b').join(' '); // 2,799 chars
    const message = renderAnswer(answer({ quotes: Array.from({ length: 8 }, () => quote(para)) }));
    expectWithinSlackLimits(message);
    const quoteBlocks = message.blocks.filter((b) => b.type === 'rich_text');
    expect(quoteBlocks.length).toBeGreaterThanOrEqual(1);
    expect(quoteBlocks.length).toBeLessThan(8);
    for (const b of quoteBlocks) expect(b).toMatchObject({ elements: [{ elements: [{ text: para }] }] });
  });

  it('shows a quote\'s *, _ and ~ literally: rich text takes no formatting markup', () => {
    const source = 'the *AI* _GigaFactories_ ~ €20 billion, said *nobody*';
    const message = renderAnswer(answer({ quotes: [quote(source)] }));
    const [block] = message.blocks.filter((b) => b.type === 'rich_text');
    expect(block).toEqual({ type: 'rich_text', elements: [{ type: 'rich_text_quote', elements: [{ type: 'text', text: source }] }] });
  });

  it('leaves room for the share button', () => {
    const quotes = Array.from({ length: 60 }, (_, i) => quote(`Quote ${i}.`));
    const message = withShareButton(renderAnswer(answer({ quotes }), { reserveBlocks: 1 }), 'token-1');
    expect(message.blocks.length).toBeLessThanOrEqual(MAX_BLOCKS);
    expect(message.blocks.at(-1)).toEqual({
      type: 'actions',
      elements: [{ type: 'button', text: { type: 'plain_text', text: 'Share in channel' }, action_id: SHARE_ACTION_ID, value: 'token-1' }],
    });
    // The last quote kept still has its citation.
    expect(message.blocks.at(-2)).toMatchObject({ type: 'context' });
  });

  it('adds an escaped footer', () => {
    const message = renderAnswer(answer(), { footer: 'Question: <!channel> & more' });
    expect(message.blocks.at(-1)).toMatchObject({ type: 'context', elements: [{ text: 'Question: &lt;!channel&gt; &amp; more' }] });
  });
});

describe('quoteMrkdwn', () => {
  it('prefixes every line of a multi-line quote and keeps its words', () => {
    expect(quoteMrkdwn('one\ntwo & three', 100)).toBe('> one\n> two &amp; three');
  });

  it('never cuts a quote mid-word without an ellipsis', () => {
    const text = Array.from({ length: 1200 }, (_, i) => `w${i}`).join(' ');
    const out = quoteMrkdwn(text, MAX_SECTION_TEXT_CHARS);
    expect(out.length).toBeLessThanOrEqual(MAX_SECTION_TEXT_CHARS);
    expect(out.endsWith('…')).toBe(true);
    const kept = out.slice(2, -1);
    expect(text.startsWith(kept)).toBe(true);
    expect(text[kept.length]).toBe(' ');
  });
});

describe('fitEscaped', () => {
  it('cuts inside a word only when there is no space to fall back to, and then with an ellipsis', () => {
    expect(fitEscaped('x'.repeat(50), 10)).toBe(`${'x'.repeat(9)}…`);
  });

  it('counts escaped length, never splitting an entity', () => {
    const out = fitEscaped('&'.repeat(100), 23);
    expect(out).toBe(`${'&amp;'.repeat(4)}…`);
  });

  it('never splits a surrogate pair', () => {
    const out = fitEscaped('😀'.repeat(10), 8);
    expect(out).toBe('😀😀😀…'); // 3 x 2 UTF-16 units + 1
  });

  it('holds for any text: within the limit, escaped, a prefix, ellipsis exactly when cut', () => {
    const arbitraryText = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 400 }),
      fc.string({ unit: fc.constantFrom('a', ' ', '&', '<', '>', '\n', '\u0000', '\uD800', '😀', 'ש', '!', '@'), maxLength: 400 }),
    );
    fc.assert(
      fc.property(arbitraryText, fc.integer({ min: 2, max: 300 }), (text, max) => {
        const out = fitEscaped(text, max);
        const full = escapeMrkdwn(sanitize(text));
        expect(out.length).toBeLessThanOrEqual(Math.max(max, 1));
        expect(out).not.toMatch(/[<>]/);
        expect(out).not.toMatch(/&(?!amp;|lt;|gt;)/);
        expect(out).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
        if (out === full) return;
        expect(out.endsWith('…')).toBe(true);
        expect(full.startsWith(out.slice(0, -1))).toBe(true);
      }),
    );
  });

  it('cutToBudget reports whether it cut', () => {
    expect(cutToBudget('short', 10, () => 1)).toEqual({ kept: 'short', cut: false });
    expect(cutToBudget('one two three', 10, () => 1)).toEqual({ kept: 'one two', cut: true });
    expect(cutToBudget('ab cdefghijkl', 10, () => 1)).toEqual({ kept: 'ab cdefgh', cut: true });
  });
});

describe('renderHelp and renderNotice', () => {
  it('explains mentions, DMs and /ask with escaped examples', () => {
    const message = renderHelp(['How much is InvestAI?', 'Who said <!here>?']);
    const all = textsOf(message).join('\n');
    expect(all).toContain('/ask');
    expect(all).toContain('• How much is InvestAI?');
    expect(all).toContain('Who said &lt;!here&gt;?');
    expectNoPings(message);
    expectWithinSlackLimits(message);
  });

  it('renders a notice as escaped text', () => {
    expect(renderNotice('wait <@U1>')).toEqual({ text: 'wait &lt;@U1&gt;', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'wait &lt;@U1&gt;', verbatim: true } }] });
  });
});

describe('questionFromSlack', () => {
  it('drops the bot mention and turns markup into readable words', () => {
    expect(questionFromSlack('<@UBOT> how much is <https://x.example|InvestAI> &amp; who said <@U2|ana> to <!channel>?', 'UBOT')).toBe(
      'how much is InvestAI & who said @ana to @channel?',
    );
    expect(questionFromSlack('<@UBOT|summit> and the US? <#C1|general> <!subteam^S1|@team>', 'UBOT')).toBe('and the US? #general @team');
    expect(questionFromSlack('&lt;script&gt; <https://plain.example>')).toBe('<script> https://plain.example');
  });
});
