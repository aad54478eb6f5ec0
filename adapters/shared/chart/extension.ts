/**
 * Charts as a pipeline extension: an answer that rests on two or more amounts
 * gets its chart as a PNG attachment, with the chart in words as its
 * description (alt text). Drawing has a time budget; a chart that fails or is
 * late is logged and left out, and the answer goes out as text alone. Each
 * platform decides what to do with the file (Slack uploads it into the
 * thread, Discord attaches it to the reply).
 */
import type { Answer } from '../../../src/index.js';
import type { Logger } from '../logger.js';
import type { AnswerExtension, Attachment, Decoration } from '../pipeline.js';
import { altText, answerChart, CHART_FILE_NAME, drawChart, type ChartModel } from './index.js';

export interface ChartExtensionOptions {
  logger: Pick<Logger, 'warn'>;
  /** Longest wait for a chart before answering without it, in ms. Default 5,000 (the first chart loads the renderer). */
  budgetMs?: number;
  /** Draws the PNG. Default: the shared chart renderer on this thread (the bots pass the answer pool's). */
  draw?: (model: ChartModel) => Promise<Uint8Array>;
}

export const DEFAULT_CHART_BUDGET_MS = 5_000;

export class ChartExtension implements AnswerExtension {
  private readonly draw: (model: ChartModel) => Promise<Uint8Array>;

  constructor(private readonly options: ChartExtensionOptions) {
    this.draw = options.draw ?? (async (model) => (await drawChart(model, 'png')).data);
  }

  /** Deciding whether there is a chart is cheap; drawing it waits until a platform asks for the bytes. */
  async decorate(answer: Answer): Promise<Decoration> {
    const chart = this.attachmentFor(answer);
    return chart ? { attachments: [chart] } : {};
  }

  /** The answer's chart as a PNG attachment drawn on demand, or undefined when it rests on fewer than two amounts. */
  attachmentFor(answer: Pick<Answer, 'figures'>): Attachment | undefined {
    const model = answerChart(answer);
    if (!model) return undefined;
    let drawn: Promise<Uint8Array | undefined> | undefined;
    return {
      filename: CHART_FILE_NAME,
      contentType: 'image/png',
      description: altText(model),
      title: model.title,
      content: () => (drawn ??= this.drawWithinBudget(model)),
    };
  }

  private async drawWithinBudget(model: ChartModel): Promise<Uint8Array | undefined> {
    const budgetMs = this.options.budgetMs ?? DEFAULT_CHART_BUDGET_MS;
    let timer: NodeJS.Timeout | undefined;
    try {
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no chart within ${budgetMs} ms`)), budgetMs);
      });
      return await Promise.race([this.draw(model), late]);
    } catch (error) {
      this.options.logger.warn({ reason: (error as Error).message }, 'chart not drawn; answering without it');
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }
}
