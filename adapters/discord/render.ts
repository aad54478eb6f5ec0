/**
 * Answer -> Discord message payloads (content, embeds, buttons), kept within
 * Discord's documented limits. Pure functions: no client, no network.
 */
import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent, type APIEmbed } from 'discord.js';
import type { Answer, Figure, Quote, Source } from '../../src/index.js';
import type { OfferedAction, Reply } from '../shared/pipeline.js';
import { feedbackRow } from './feedback.js';
import { blockQuote, fitEscaped, oneLine, safeUrl, truncate } from './text.js';

// Discord's limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits).
export const MAX_CONTENT_LENGTH = 2000;
export const MAX_EMBED_TITLE = 256;
export const MAX_EMBED_DESCRIPTION = 4096;
export const MAX_EMBED_FIELDS = 25;
export const MAX_FIELD_NAME = 256;
export const MAX_FIELD_VALUE = 1024;
export const MAX_FOOTER_TEXT = 2048;
/** Sum of title, description, field names and values, footer and author name. */
export const MAX_EMBED_TOTAL = 6000;
export const MAX_EMBEDS_PER_MESSAGE = 10;
export const MAX_BUTTONS_PER_ROW = 5;
export const MAX_CUSTOM_ID = 100;

/** Quotes shown under the answer itself; "More sources" shows the rest. */
export const DEFAULT_PRIMARY_QUOTES = 2;

/** Nothing the bot sends may ping anyone: no @everyone/@here, roles, users, nor the replied-to author. */
export const NO_MENTIONS = Object.freeze({ parse: [] as never[], repliedUser: false });

const COLOR_ANSWERED = 0x5865f2;
const COLOR_NOT_ANSWERED = 0x99aab5;

/** Component ids: `summit:<action>:<answer key>`. */
const CUSTOM_ID_PREFIX = 'summit';
export type ButtonAction = 'more' | 'figures';
const BUTTON_LABELS: Record<ButtonAction, string> = { more: 'More sources', figures: 'Show the figures' };

/** The buttons an answer has use for: more sources when some did not fit, figures when it used any. */
export function buttonsFor(answer: Answer, primaryQuotes = DEFAULT_PRIMARY_QUOTES): ButtonAction[] {
  const names: ButtonAction[] = [];
  if (answer.quotes.length > Math.max(1, primaryQuotes)) names.push('more');
  if (answer.figures.length > 0) names.push('figures');
  return names;
}

/** Renders whatever the pipeline sends: an answer (with its buttons), the usage text or a notice. */
export function renderReply(reply: Reply, options: { question?: string } = {}): DiscordPayload {
  if (reply.kind === 'help') return renderHelp(reply.examples);
  if (reply.kind === 'notice') return plain(reply.text);
  return renderAnswer(reply.answer, { ...options, actions: reply.actions });
}

/** How to use the bot, for an empty mention or "help". */
export function renderHelp(examples: readonly string[]): DiscordPayload {
  const usage = [
    'I answer questions about the AI Action Summit (Paris, February 2025) from its sources, quoting them word for word and citing each document.',
    '• `/ask question:<text>` anywhere (add `ephemeral:True` so only you see the answer).',
    '• Mention me in a channel; reply to my answer to follow up.',
    '• Mention me in a thread, or send me a direct message: the whole thread or DM is one conversation.',
  ];
  const embed: APIEmbed | undefined = examples.length ? { title: 'Try', color: COLOR_ANSWERED, description: examples.slice(0, 5).map((e) => `• ${fitEscaped(oneLine(e), 300)}`).join('\n') } : undefined;
  return { content: truncate(usage.join('\n'), MAX_CONTENT_LENGTH), embeds: embed ? [fitEmbed(embed)] : [], components: [], allowedMentions: NO_MENTIONS };
}

export interface DiscordPayload {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
  allowedMentions: typeof NO_MENTIONS;
}

export interface RenderAnswerOptions {
  /** Shown as the embed title (slash commands, where the question is not otherwise visible). */
  question?: string;
  /** Buttons under the answer ('more', 'figures'), each carrying its key. */
  actions?: readonly OfferedAction[];
  /** Quotes shown under the answer. Default DEFAULT_PRIMARY_QUOTES. */
  primaryQuotes?: number;
}

/** The reply to a question: the short answer as content, the evidence in an embed, and buttons for the rest. */
export function renderAnswer(answer: Answer, options: RenderAnswerOptions = {}): DiscordPayload {
  const primary = Math.max(1, options.primaryQuotes ?? DEFAULT_PRIMARY_QUOTES);
  const shown = answer.quotes.slice(0, primary);
  const embed: APIEmbed = { color: answer.answered ? COLOR_ANSWERED : COLOR_NOT_ANSWERED };
  if (options.question !== undefined && oneLine(options.question) !== '') {
    embed.title = fitEscaped(oneLine(options.question), MAX_EMBED_TITLE);
  }
  if (shown.length > 0) {
    embed.description = renderQuotes(shown, 1, MAX_EMBED_DESCRIPTION);
    const range = shown.length === 1 ? 'Source 1' : `Sources 1–${shown.length}`;
    embed.footer = { text: `${range} of ${answer.quotes.length}, quoted verbatim · confidence ${Math.round(answer.confidence * 100)}%` };
  } else if (answer.suggestions.length > 0) {
    embed.description = renderSuggestions(answer.suggestions);
  }
  const hasEmbed = embed.title !== undefined || embed.description !== undefined;

  const feedback = feedbackRow(options.actions ?? []);
  const buttons: APIButtonComponent[] = [];
  for (const action of options.actions ?? []) {
    const label = BUTTON_LABELS[action.name as ButtonAction];
    if (label && buttons.length < MAX_BUTTONS_PER_ROW) buttons.push(button(action.name as ButtonAction, action.key, label));
  }
  return {
    content: fitEscaped(answer.answer, MAX_CONTENT_LENGTH),
    embeds: hasEmbed ? [fitEmbed(embed)] : [],
    components: [...(buttons.length ? [{ type: ComponentType.ActionRow as const, components: buttons }] : []), ...(feedback ? [feedback] : [])],
    allowedMentions: NO_MENTIONS,
  };
}

/** "More sources": the quotes after the first `from` ones. */
export function renderMoreSources(answer: Answer, from = DEFAULT_PRIMARY_QUOTES): DiscordPayload {
  const rest = answer.quotes.slice(from);
  if (rest.length === 0) return plain('There are no further sources for this answer.');
  const embed: APIEmbed = {
    title: 'More sources',
    color: COLOR_ANSWERED,
    description: renderQuotes(rest, from + 1, MAX_EMBED_DESCRIPTION),
    footer: { text: `Sources ${from + 1}–${answer.quotes.length} of ${answer.quotes.length}, quoted verbatim` },
  };
  return { embeds: [fitEmbed(embed)], components: [], allowedMentions: NO_MENTIONS };
}

/** "Show the figures": one field per structured figure behind the answer. */
export function renderFigures(answer: Answer): DiscordPayload {
  if (answer.figures.length === 0) return plain('This answer uses no structured figures.');
  const listed = answer.figures.slice(0, MAX_EMBED_FIELDS);
  const embed: APIEmbed = {
    title: 'The figures behind this answer',
    color: COLOR_ANSWERED,
    fields: listed.map((f) => ({ name: fitEscaped(oneLine(f.what), MAX_FIELD_NAME), value: renderFigure(f) })),
  };
  const hidden = answer.figures.length - listed.length;
  if (hidden > 0) embed.footer = { text: `…and ${hidden} more not shown` };
  return { embeds: [fitEmbed(embed)], components: [], allowedMentions: NO_MENTIONS };
}

/** A plain text message (rate limit, expired buttons, failures). */
export function plain(text: string): DiscordPayload {
  return { content: fitEscaped(text, MAX_CONTENT_LENGTH), embeds: [], components: [], allowedMentions: NO_MENTIONS };
}


export function customId(action: ButtonAction, answerKey: string): string {
  return `${CUSTOM_ID_PREFIX}:${action}:${answerKey}`.slice(0, MAX_CUSTOM_ID);
}

export function parseCustomId(id: string): { action: ButtonAction; answerKey: string } | undefined {
  const m = /^summit:(more|figures):([A-Za-z0-9_-]{1,64})$/.exec(id);
  return m ? { action: m[1] as ButtonAction, answerKey: m[2]! } : undefined;
}

function button(action: ButtonAction, answerKey: string, label: string): APIButtonComponent {
  return { type: ComponentType.Button, style: ButtonStyle.Secondary, custom_id: customId(action, answerKey), label };
}

/** Numbered citation line then the verbatim quote as a block quote, within `max` for all of them. */
function renderQuotes(quotes: readonly Quote[], firstNumber: number, max: number): string {
  const separator = '\n\n';
  const share = Math.floor((max - separator.length * (quotes.length - 1)) / quotes.length);
  return quotes.map((q, i) => renderQuote(q, firstNumber + i, share)).join(separator);
}

function renderQuote(q: Quote, n: number, max: number): string {
  const speaker = q.speaker ? ` — ${fitEscaped(oneLine(q.speaker), 100)}` : '';
  const head = `**[${n}]** ${citation(q.source)}${speaker}`;
  const headLine = truncate(head, Math.floor(max / 2));
  // Each line gains "> " inside the block quote; reserve room for those before cutting the quote.
  const lines = q.text.split('\n').length;
  const room = max - headLine.length - 1 - 2 * lines;
  return `${headLine}\n${blockQuote(fitEscaped(q.text, Math.max(1, room)))}`;
}

/** "*Title*, ¶ 3" ("*Title*, p. 2, ¶ 3" for a PDF), linked to the source when it has a web address. */
export function citation(source: Source): string {
  const title = fitEscaped(oneLine(source.title) || source.documentId, 200);
  const url = safeUrl(source.url);
  const named = url ? `[${title}](${url})` : `*${title}*`;
  return `${named}, ${source.page !== undefined ? `p. ${source.page}, ` : ''}¶ ${source.paragraph}`;
}

function renderFigure(f: Figure): string {
  const details = [f.who, f.when].filter((d): d is string => !!d).map((d) => fitEscaped(oneLine(d), 200));
  const first = `**${fitEscaped(oneLine(f.display), 200)}**${details.length ? ` · ${details.join(' · ')}` : ''}`;
  return truncate(`${first}\n${citation(f.source)}`, MAX_FIELD_VALUE);
}

function renderSuggestions(suggestions: readonly string[]): string {
  const lines = suggestions.slice(0, 5).map((s) => `• ${fitEscaped(oneLine(s), 300)}`);
  return `**You could ask:**\n${lines.join('\n')}`;
}

/** Total characters Discord counts against MAX_EMBED_TOTAL. */
export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, f) => sum + f.name.length + f.value.length, 0)
  );
}

/** Enforces every per-part limit, then the per-embed total by dropping trailing fields and shortening the description. */
export function fitEmbed(input: APIEmbed): APIEmbed {
  const embed: APIEmbed = { ...input };
  if (embed.title !== undefined) embed.title = truncate(embed.title, MAX_EMBED_TITLE);
  if (embed.description !== undefined) embed.description = truncate(embed.description, MAX_EMBED_DESCRIPTION);
  if (embed.footer) embed.footer = { ...embed.footer, text: truncate(embed.footer.text, MAX_FOOTER_TEXT) };
  if (embed.fields) {
    embed.fields = embed.fields.slice(0, MAX_EMBED_FIELDS).map((f) => ({
      ...f,
      name: truncate(f.name, MAX_FIELD_NAME) || '\u200b',
      value: truncate(f.value, MAX_FIELD_VALUE) || '\u200b',
    }));
    while (embed.fields.length > 0 && embedLength(embed) > MAX_EMBED_TOTAL) embed.fields = embed.fields.slice(0, -1);
  }
  const over = embedLength(embed) - MAX_EMBED_TOTAL;
  if (over > 0 && embed.description !== undefined) embed.description = truncate(embed.description, Math.max(1, embed.description.length - over));
  return embed;
}
