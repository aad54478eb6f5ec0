/**
 * Checks a message as Slack would receive it: within Block Kit's limits and
 * free of anything that pings (<!channel>, <!here>, <!everyone>, <@U…>, <!subteam^…>).
 */
import { expect } from 'vitest';
import {
  MAX_BLOCKS,
  MAX_CONTEXT_ELEMENTS,
  MAX_FALLBACK_TEXT_CHARS,
  MAX_SECTION_TEXT_CHARS,
  MAX_TOTAL_BLOCK_TEXT_CHARS,
} from '../../adapters/slack/render.js';

const PING = /<[!@]|<#/;

/** Every text string in a message: fallback, sections, context elements, buttons. */
export function textsOf(message: { text?: string; blocks?: any[] }): string[] {
  const texts: string[] = [];
  if (message.text !== undefined) texts.push(message.text);
  for (const block of message.blocks ?? []) {
    if (block.text?.text !== undefined) texts.push(block.text.text);
    for (const element of block.elements ?? []) {
      if (typeof element.text === 'string') texts.push(element.text);
      else if (element.text?.text !== undefined) texts.push(element.text.text);
    }
  }
  return texts;
}

export function expectWithinSlackLimits(message: { text?: string; blocks?: any[] }): void {
  const blocks = message.blocks ?? [];
  expect(blocks.length).toBeGreaterThan(0);
  expect(blocks.length).toBeLessThanOrEqual(MAX_BLOCKS);
  expect((message.text ?? '').length).toBeGreaterThan(0);
  expect((message.text ?? '').length).toBeLessThanOrEqual(MAX_FALLBACK_TEXT_CHARS);
  let total = 0;
  for (const block of blocks) {
    if (block.type === 'section') {
      expect(block.text.text.length).toBeLessThanOrEqual(MAX_SECTION_TEXT_CHARS);
      total += block.text.text.length;
    }
    if (block.type === 'rich_text') {
      for (const q of block.elements) for (const e of q.elements) {
        expect(e.text.length).toBeLessThanOrEqual(MAX_SECTION_TEXT_CHARS);
        total += e.text.length;
      }
    }
    if (block.type === 'context') {
      expect(block.elements.length).toBeLessThanOrEqual(MAX_CONTEXT_ELEMENTS);
      for (const e of block.elements) total += e.text.length;
    }
  }
  expect(total).toBeLessThanOrEqual(MAX_TOTAL_BLOCK_TEXT_CHARS);
}

/** No text in the message can ping anyone: Slack only pings through <!…> and <@…> markup. */
export function expectNoPings(message: { text?: string; blocks?: any[] }): void {
  // Rich text pings only through user, usergroup and broadcast elements; its text elements are literal.
  for (const block of message.blocks ?? []) {
    if (block.type !== 'rich_text') continue;
    for (const q of block.elements) for (const e of q.elements) expect(e.type).toBe('text');
  }
  for (const text of textsOf(message)) {
    expect(text).not.toMatch(PING);
    // What remains of '<' is only our own citation links: <http(s)://…|title>.
    for (const m of text.matchAll(/<([^>]*)>/g)) expect(m[1]).toMatch(/^https?:\/\/[^\s|<>]+\|[^<>]*$/);
  }
}
