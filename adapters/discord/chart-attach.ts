/**
 * A chart attachment (from the shared chart extension) on a Discord reply:
 * the PNG as a file, the embed's image pointing at it
 * (attachment://figures.png), and the chart in words as the attachment's
 * description. If Discord refuses the message with the file, the answer is
 * sent again without it: the text never waits on the picture.
 */
import type { APIEmbed } from 'discord.js';
import type { Attachment } from '../shared/pipeline.js';
import type { Outcome } from '../shared/retry.js';
import type { DiscordPayload } from './render.js';

/** Discord's limit on an attachment's description (its alt text). */
export const MAX_ATTACHMENT_DESCRIPTION = 1024;

export interface ChartFile {
  attachment: Buffer;
  name: string;
  description: string;
}

export type PayloadWithChart = DiscordPayload & { files?: ChartFile[] };

/** Adds the first image attachment as a file, shown as the image of the first embed; unchanged when there is none or it could not be drawn. */
export async function withAttachedChart(payload: DiscordPayload, attachments: readonly Attachment[]): Promise<PayloadWithChart> {
  const chart = attachments.find((a) => a.contentType === 'image/png');
  const data = await chart?.content();
  if (!chart || !data) return payload;
  const image = { url: `attachment://${chart.filename}` };
  const embeds: APIEmbed[] = payload.embeds.length ? payload.embeds.map((e, i) => (i === 0 ? { ...e, image } : e)) : [{ image }];
  const alt = chart.description;
  const description = alt.length > MAX_ATTACHMENT_DESCRIPTION ? `${alt.slice(0, MAX_ATTACHMENT_DESCRIPTION - 1)}…` : alt;
  return { ...payload, embeds, files: [{ attachment: Buffer.from(data), name: chart.filename, description }] };
}

/**
 * Sends the payload with its chart; when that fails for good (the file refused,
 * or Discord keeps failing), sends it again without the chart and logs why.
 */
export async function sendWithChart<T>(
  rendered: DiscordPayload,
  attachments: readonly Attachment[],
  send: (payload: DiscordPayload | PayloadWithChart, what: string) => Promise<Outcome<T>>,
  warn: (why: Record<string, unknown>, msg: string) => void,
): Promise<Outcome<T>> {
  const withChart = await withAttachedChart(rendered, attachments);
  if (withChart === rendered) return send(rendered, 'answer');
  const outcome = await send(withChart, 'answer with its chart');
  if (outcome.ok) return outcome;
  warn({ reason: outcome.reason }, 'the answer with its chart could not be sent; sending it without the chart');
  return send(rendered, 'answer without its chart');
}
