/**
 * Slack text in both directions: incoming message markup turned into a plain
 * question, and outgoing text escaped so nothing can ping or link.
 */

/** Slack's three control characters; escaping them defuses <!channel>, <@U123> and <url|label>. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Length of one UTF-16 unit once escaped. */
export function escapedLength(char: string): number {
  return char === '&' ? 5 : char === '<' || char === '>' ? 4 : 1;
}

// Lone surrogates cannot be encoded as UTF-8 on the wire; C0 controls (bar tab
// and newline) and DEL have no business in a chat message.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F]/g;

/** Makes text safe to send: well-formed UTF-16, no control characters. */
export function sanitize(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD').replace(CONTROL, (c) => (c === '\r' ? '' : ' '));
}

/**
 * Turns the text of a Slack message into the plain question a person typed:
 * drops the bot's own mention, renders other markup as readable words
 * (<@U1|ana> -> @ana, <!channel> -> @channel, <https://x|y> -> y) and decodes
 * Slack's entity escapes.
 */
export function questionFromSlack(text: string, botUserId?: string): string {
  const withoutBot = botUserId ? text.split(new RegExp(`<@${escapeRegExp(botUserId)}(?:\\|[^>]*)?>`, 'g')).join(' ') : text;
  const plain = withoutBot.replace(/<([^<>]*)>/g, (_m, inner: string) => {
    const [target = '', label] = splitOnce(inner, '|');
    if (target.startsWith('@')) return `@${label ?? target.slice(1)}`;
    if (target.startsWith('#')) return `#${label ?? target.slice(1)}`;
    if (target.startsWith('!')) {
      const special = target.slice(1).split('^')[0] ?? '';
      return label ?? `@${special}`;
    }
    return label ?? target;
  });
  return plain.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').trim();
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
