import type { Answer, Quote } from '../../src/index.js';
import type { Reply } from '../shared/pipeline.js';
import { feedbackKey, withFeedbackButtons } from './feedback.js';
import { escapedLength, escapeMrkdwn, sanitize } from './markup.js';

// Slack's limits (https://docs.slack.dev/reference/block-kit/blocks).
/** Most blocks in one message. */
export const MAX_BLOCKS = 50;
/** Longest text of a section block (and of any text object). */
export const MAX_SECTION_TEXT_CHARS = 3000;
/** Most elements in a context block. */
export const MAX_CONTEXT_ELEMENTS = 10;
/**
 * Total text across all blocks. Slack rejects messages well under 50 x 3,000
 * characters with msg_blocks_too_long (observed near 13,000), so stay below.
 */
export const MAX_TOTAL_BLOCK_TEXT_CHARS = 12_000;
/** Slack's recommended ceiling for a message's top-level `text`. */
export const MAX_FALLBACK_TEXT_CHARS = 4000;
/** Longest button label. */
export const MAX_BUTTON_TEXT_CHARS = 75;
/** Longest button value. */
export const MAX_BUTTON_VALUE_CHARS = 2000;

// Our own presentation limits, well inside Slack's.
const MAX_CITATION_CHARS = 500;
const MAX_SUGGESTIONS = 5;
const MAX_SUGGESTION_CHARS = 200;
const ELLIPSIS = '…';
/** How far back a cut may move to land between words, as a share of the budget. */
const WORD_BACKOFF_SHARE = 0.5;

export const SHARE_ACTION_ID = 'share_answer';
/** The pipeline's name for the share action. */
export const SHARE_ACTION = 'share';

export interface TextObject {
  type: 'mrkdwn' | 'plain_text';
  text: string;
  verbatim?: boolean;
  emoji?: boolean;
}
export type Block =
  | { type: 'section'; text: TextObject }
  | { type: 'context'; elements: TextObject[] }
  | { type: 'divider' }
  /** Rich text takes no markup: a quote's `*`, `_` and `~` show as written. */
  | { type: 'rich_text'; elements: { type: 'rich_text_quote'; elements: { type: 'text'; text: string }[] }[] }
  | { type: 'actions'; elements: { type: 'button'; text: TextObject; action_id: string; value: string; style?: 'primary' }[] };

/** What chat.postMessage, chat.postEphemeral and response_url take. */
export interface SlackMessage {
  /** Plain fallback for notifications and clients without Block Kit. */
  text: string;
  blocks: Block[];
}

export interface RenderOptions {
  /** Blocks to keep free for the caller (a share button, a footer). Default 0. */
  reserveBlocks?: number;
  /** A short line shown under the answer (already plain text; escaped here). */
  footer?: string;
}

// verbatim: no auto-linking of names or URLs; everything we send is escaped anyway.
const mrkdwn = (text: string): TextObject => ({ type: 'mrkdwn', text, verbatim: true });
const section = (text: string): Block => ({ type: 'section', text: mrkdwn(text) });
const context = (text: string): Block => ({ type: 'context', elements: [mrkdwn(text)] });
const verbatimQuote = (text: string): Block => ({ type: 'rich_text', elements: [{ type: 'rich_text_quote', elements: [{ type: 'text', text }] }] });

/** Renders whatever the pipeline sends: an answer (with its buttons), the usage text or a notice. */
export function renderReply(reply: Reply): SlackMessage {
  if (reply.kind === 'help') return renderHelp(reply.examples);
  if (reply.kind === 'notice') return renderNotice(reply.text);
  const share = reply.actions.find((a) => a.name === SHARE_ACTION);
  const feedback = feedbackKey(reply.actions);
  // Buttons share one actions block, so one block is kept free for them.
  const message = renderAnswer(reply.answer, { reserveBlocks: share || feedback ? 1 : 0 });
  return withFeedbackButtons(share ? withShareButton(message, share.key) : message, feedback);
}

/** Renders an engine Answer as Block Kit plus a plain-text fallback, within Slack's limits. */
export function renderAnswer(answer: Answer, options: RenderOptions = {}): SlackMessage {
  const head = [section(fitEscaped(answer.answer, MAX_SECTION_TEXT_CHARS))];
  const tail: Block[] = [];
  const suggestions = answer.suggestions.slice(0, MAX_SUGGESTIONS);
  if (!answer.answered && suggestions.length > 0) {
    const lines = suggestions.map((s) => `• ${fitEscaped(s, MAX_SUGGESTION_CHARS)}`);
    tail.push(section(`*You could ask:*\n${lines.join('\n')}`));
  }
  if (options.footer) tail.push(context(fitEscaped(options.footer, MAX_CITATION_CHARS)));

  // Quotes are what gets trimmed: whole quotes are dropped from the end until
  // the message fits, never cut inside.
  const budgetBlocks = MAX_BLOCKS - (options.reserveBlocks ?? 0) - head.length - tail.length;
  let budgetChars = MAX_TOTAL_BLOCK_TEXT_CHARS - textLength(head) - textLength(tail);
  const quoteBlocks: Block[] = [];
  for (const quote of answer.quotes) {
    const pair = [verbatimQuote(quoteText(quote.text, MAX_SECTION_TEXT_CHARS)), context(citation(quote))];
    const size = textLength(pair);
    if (quoteBlocks.length + pair.length > budgetBlocks || size > budgetChars) break;
    quoteBlocks.push(...pair);
    budgetChars -= size;
  }
  return { text: fallbackText(answer), blocks: [...head, ...quoteBlocks, ...tail] };
}

/** The usage text for `/ask help`, an empty mention or "help" in a DM. */
export function renderHelp(examples: readonly string[]): SlackMessage {
  const intro =
    'I answer questions about the AI Action Summit (Paris, February 2025) from its sources, quoting them word for word and citing each document.';
  const usage = [
    '• *Mention me* in a channel: I answer in the thread, and later mentions in that thread are follow-ups.',
    '• *Send me a direct message*: the whole DM is one conversation.',
    '• `/ask &lt;question&gt;`: only you see the answer, with a button to share it in the channel.',
  ].join('\n');
  const blocks: Block[] = [section(intro), section(usage)];
  const tries = examples.slice(0, MAX_SUGGESTIONS).map((e) => `• ${fitEscaped(e, MAX_SUGGESTION_CHARS)}`);
  if (tries.length > 0) blocks.push(section(`*Try:*\n${tries.join('\n')}`));
  const text = fitEscaped(`${intro} Mention me, send me a DM, or use /ask <question>.`, MAX_FALLBACK_TEXT_CHARS);
  return { text, blocks };
}

/** A one-line notice (rate limit, expired share): plain words, escaped. */
export function renderNotice(text: string): SlackMessage {
  const escaped = fitEscaped(text, MAX_SECTION_TEXT_CHARS);
  return { text: escaped, blocks: [section(escaped)] };
}

/** Adds the "Share in channel" button to an ephemeral answer; the value is a short token. */
export function withShareButton(message: SlackMessage, shareToken: string): SlackMessage {
  if (shareToken.length > MAX_BUTTON_VALUE_CHARS) throw new RangeError('share token too long for a button value');
  const label = 'Share in channel'.slice(0, MAX_BUTTON_TEXT_CHARS);
  const button = { type: 'button' as const, text: { type: 'plain_text' as const, text: label }, action_id: SHARE_ACTION_ID, value: shareToken };
  const blocks = message.blocks.slice(0, MAX_BLOCKS - 1);
  return { text: message.text, blocks: [...blocks, { type: 'actions', elements: [button] }] };
}

/** A quote's text for a rich text element: literal (no escaping needed), made safe to send, cut only with an ellipsis. */
export function quoteText(text: string, max: number): string {
  const { kept, cut } = cutToBudget(sanitize(text), max, () => 1);
  return `${kept}${cut ? ELLIPSIS : ''}`;
}

/** A quote as mrkdwn blockquote lines, escaped, cut only with an ellipsis. */
export function quoteMrkdwn(text: string, max: number): string {
  const PREFIX = '> ';
  const NEWLINE_COST = 1 + PREFIX.length;
  const { kept, cut } = cutToBudget(sanitize(text), max - PREFIX.length, (c) => (c === '\n' ? NEWLINE_COST : escapedLength(c)));
  const lines = kept.split('\n').map((line) => `${PREFIX}${escapeMrkdwn(line)}`);
  return `${lines.join('\n')}${cut ? ELLIPSIS : ''}`;
}

/** "— Speaker, <url|Title>, paragraph 3" (", page 2, paragraph 3" for a PDF), escaped. */
export function citation(quote: Quote): string {
  const { source, speaker } = quote;
  const title = fitEscaped(source.title || source.documentId, MAX_CITATION_CHARS / 2);
  const url = safeUrl(source.url);
  const where = url ? `<${url}|${title}>` : `_${title}_`;
  const who = speaker ? `${fitEscaped(speaker, MAX_CITATION_CHARS / 4)}, ` : '';
  return `— ${who}${where}, ${source.page !== undefined ? `page ${source.page}, ` : ''}paragraph ${source.paragraph}`;
}

/** Escapes text and, if it is too long, cuts it between words and adds an ellipsis. */
export function fitEscaped(text: string, max: number): string {
  const { kept, cut } = cutToBudget(sanitize(text), max, escapedLength);
  return `${escapeMrkdwn(kept)}${cut ? ELLIPSIS : ''}`;
}

/**
 * The longest prefix of `text` whose cost fits `max` (keeping room for an
 * ellipsis when cut), moved back to a word boundary when one is near, and
 * never splitting a surrogate pair.
 */
export function cutToBudget(text: string, max: number, cost: (char: string) => number): { kept: string; cut: boolean } {
  let total = 0;
  for (let i = 0; i < text.length; i++) total += cost(text[i]!);
  if (total <= max) return { kept: text, cut: false };
  const budget = max - ELLIPSIS.length;
  let end = 0;
  let used = 0;
  // Walk whole code points so a surrogate pair is kept or dropped as one.
  for (const ch of text) {
    let c = 0;
    for (let i = 0; i < ch.length; i++) c += cost(ch[i]!);
    if (used + c > budget) break;
    used += c;
    end += ch.length;
  }
  let at = end;
  if (!/\s/.test(text[end] ?? ' ')) {
    const space = text.slice(0, end).search(/\s\S*$/);
    if (space >= 0 && space >= end * WORD_BACKOFF_SHARE) at = space;
  }
  return { kept: text.slice(0, at).trimEnd(), cut: true };
}

function fallbackText(answer: Answer): string {
  let text = fitEscaped(answer.answer, MAX_SECTION_TEXT_CHARS);
  for (const quote of answer.quotes) {
    const line = `\n${quoteMrkdwn(quote.text, MAX_SECTION_TEXT_CHARS)}\n${citation({ ...quote, source: { ...quote.source, url: undefined } })}`;
    if (text.length + line.length > MAX_FALLBACK_TEXT_CHARS) break;
    text += line;
  }
  return text;
}

function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const trimmed = url.trim();
  if (!/^https?:\/\/[^\s<>|]+$/.test(trimmed)) return undefined;
  return trimmed.replace(/&/g, '&amp;');
}

function textLength(blocks: Block[]): number {
  let n = 0;
  for (const block of blocks) {
    if (block.type === 'section') n += block.text.text.length;
    else if (block.type === 'context') for (const e of block.elements) n += e.text.length;
    else if (block.type === 'rich_text') for (const q of block.elements) for (const e of q.elements) n += e.text.length;
  }
  return n;
}
