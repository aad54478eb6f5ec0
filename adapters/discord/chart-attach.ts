/**
 * Attaches the chart of an answer to its Discord reply: the PNG as a file,
 * the embed's image pointing at it (attachment://figures.png), and the chart
 * in words as the attachment's description. If drawing fails or takes longer
 * than its budget, the reply goes out as text, exactly as without charts.
 */
import type { APIEmbed } from 'discord.js';
import type { Answer } from '../../src/index.js';
import { altText, answerChart, CHART_FILE_NAME, drawChart, type ChartModel } from '../shared/chart/index.js';
import type { Logger } from '../shared/logger.js';
import type { DiscordPayload } from './render.js';
import { describeError, withRetry, type RetryOptions } from './retry.js';

/** Discord's limit on an attachment's description (its alt text). */
export const MAX_ATTACHMENT_DESCRIPTION = 1024;

export interface ChartFile {
  attachment: Buffer;
  name: string;
  description: string;
}

export type PayloadWithChart = DiscordPayload & { files?: ChartFile[] };

export interface DiscordChartsOptions {
  logger: Logger;
  /** Longest wait for a chart before replying without it, in ms. Default 5,000 (the first chart loads the renderer). */
  budgetMs?: number;
  /** Draws the PNG. Default: the shared chart renderer. */
  draw?: (model: ChartModel) => Promise<Buffer>;
}

export class DiscordCharts {
  private readonly draw: (model: ChartModel) => Promise<Buffer>;

  constructor(private readonly options: DiscordChartsOptions) {
    this.draw = options.draw ?? (async (model) => (await drawChart(model, 'png')).data);
  }

  /** The payload with the answer's chart attached, or the payload unchanged when there is none. Never throws. */
  async attach(payload: DiscordPayload, answer: Answer, conversation: string): Promise<PayloadWithChart> {
    const model = answerChart(answer);
    if (!model) return payload;
    let timer: NodeJS.Timeout | undefined;
    try {
      const budget = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no chart within ${this.options.budgetMs ?? 5000} ms`)), this.options.budgetMs ?? 5000);
      });
      const png = await Promise.race([this.draw(model), budget]);
      return withAttachedChart(payload, png, altText(model));
    } catch (error) {
      this.options.logger.warn({ conversation, reason: (error as Error).message }, 'chart not drawn; replying without it');
      return payload;
    } finally {
      clearTimeout(timer);
    }
  }
}

/** Adds the PNG as a file and shows it as the image of the first embed (a new one when there is none). */
export function withAttachedChart(payload: DiscordPayload, png: Buffer, alt: string): PayloadWithChart {
  const image = { url: `attachment://${CHART_FILE_NAME}` };
  const embeds: APIEmbed[] = payload.embeds.length ? payload.embeds.map((e, i) => (i === 0 ? { ...e, image } : e)) : [{ image }];
  const description = alt.length > MAX_ATTACHMENT_DESCRIPTION ? `${alt.slice(0, MAX_ATTACHMENT_DESCRIPTION - 1)}…` : alt;
  return { ...payload, embeds, files: [{ attachment: png, name: CHART_FILE_NAME, description }] };
}

/** What sendAnswer needs of the bot's context. */
export interface AnswerSender {
  charts?: DiscordCharts;
  logger: Logger;
  retry: RetryOptions;
  deliver<T>(what: string, conversation: string, send: () => Promise<T>): Promise<T | undefined>;
}

/**
 * Sends a rendered answer with its chart when it has one. If the message with
 * the chart cannot be sent (Discord refuses the file, or keeps failing), the
 * answer is sent again without it: the text never waits on the picture.
 */
export async function sendAnswer<T>(
  ctx: AnswerSender,
  what: string,
  conversation: string,
  rendered: DiscordPayload,
  answer: Answer | undefined,
  send: (payload: DiscordPayload | PayloadWithChart) => Promise<T>,
): Promise<T | undefined> {
  const withChart = answer && ctx.charts ? await ctx.charts.attach(rendered, answer, conversation) : rendered;
  if (withChart === rendered) return ctx.deliver(what, conversation, () => send(rendered));
  try {
    return await withRetry(() => send(withChart), ctx.retry);
  } catch (error) {
    ctx.logger.warn({ conversation, what, err: describeError(error) }, 'the answer with its chart could not be sent; sending it without the chart');
  }
  return ctx.deliver(what, conversation, () => send(rendered));
}
