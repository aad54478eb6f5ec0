import { expect } from 'vitest';
import {
  MAX_CONTENT_LENGTH,
  MAX_EMBED_DESCRIPTION,
  MAX_EMBED_FIELDS,
  MAX_EMBED_TITLE,
  MAX_EMBED_TOTAL,
  MAX_EMBEDS_PER_MESSAGE,
  MAX_FIELD_NAME,
  MAX_FIELD_VALUE,
  embedLength,
} from '../../adapters/discord/render.js';

/** A message body as sent on the wire: within every Discord limit, and pinging no one. */
export function expectSafeOnTheWire(body: any): void {
  expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });
  expect((body.content ?? '').length).toBeLessThanOrEqual(MAX_CONTENT_LENGTH);
  const embeds: any[] = body.embeds ?? [];
  expect(embeds.length).toBeLessThanOrEqual(MAX_EMBEDS_PER_MESSAGE);
  for (const e of embeds) {
    expect((e.title ?? '').length).toBeLessThanOrEqual(MAX_EMBED_TITLE);
    expect((e.description ?? '').length).toBeLessThanOrEqual(MAX_EMBED_DESCRIPTION);
    expect((e.fields ?? []).length).toBeLessThanOrEqual(MAX_EMBED_FIELDS);
    for (const f of e.fields ?? []) {
      expect(f.name.length).toBeLessThanOrEqual(MAX_FIELD_NAME);
      expect(f.value.length).toBeLessThanOrEqual(MAX_FIELD_VALUE);
    }
    expect(embedLength(e)).toBeLessThanOrEqual(MAX_EMBED_TOTAL);
  }
  // Something to read: Discord rejects a message with neither content nor embeds.
  expect((body.content ?? '').length + embeds.length).toBeGreaterThan(0);
}
