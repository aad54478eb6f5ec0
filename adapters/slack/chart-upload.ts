/**
 * Uploads an answer's chart (drawn by the shared chart extension) into the
 * answer's thread, after the answer itself, through Slack's upload flow: files.getUploadURLExternal, a POST of
 * the PNG to the URL it returns, files.completeUploadExternal. One attempt:
 * the answer already stands on its own, so a failed upload is logged and
 * nothing else happens.
 */
import type { Logger } from '../shared/logger.js';
import type { Attachment } from '../shared/pipeline.js';

/** Slack's limit on alt_txt. */
export const MAX_ALT_TEXT = 1000;

/** The slice of WebClient the uploader uses (Bolt's app.client fits). */
export interface FileApi {
  apiCall(method: string, options?: Record<string, unknown>): Promise<Record<string, unknown>>;
}

export interface ChartUploaderOptions {
  client: FileApi;
  logger: Logger;
  /** For the POST to the upload URL. Default globalThis.fetch. */
  fetch?: typeof fetch;
  /** Time allowed for the POST of the file. Default 10,000 ms. */
  timeoutMs?: number;
}

export type ChartUpload = { kind: 'none' } | { kind: 'uploaded'; fileId: string } | { kind: 'failed'; reason: string };

export class SlackChartUploader {
  private readonly fetchFn: typeof fetch;

  constructor(private readonly options: ChartUploaderOptions) {
    this.fetchFn = options.fetch ?? globalThis.fetch;
  }

  /** Uploads the answer's chart, if it has one, into the channel and thread given. Never throws. */
  async post(target: { channel: string; thread_ts?: string }, attachments: readonly Attachment[], conversation: string): Promise<ChartUpload> {
    const chart = attachments.find((a) => a.contentType === 'image/png');
    if (!chart) return { kind: 'none' };
    const { client, logger } = this.options;
    try {
      const png = await chart.content();
      if (!png) return { kind: 'failed', reason: 'no chart drawn' };
      const alt = chart.description;
      const ticket = await client.apiCall('files.getUploadURLExternal', {
        filename: chart.filename,
        length: png.length,
        alt_txt: alt.length > MAX_ALT_TEXT ? `${alt.slice(0, MAX_ALT_TEXT - 1)}…` : alt,
      });
      const uploadUrl = typeof ticket.upload_url === 'string' ? ticket.upload_url : undefined;
      const fileId = typeof ticket.file_id === 'string' ? ticket.file_id : undefined;
      if (!uploadUrl || !fileId) throw new Error('files.getUploadURLExternal returned no upload_url or file_id');
      const response = await this.fetchFn(uploadUrl, {
        method: 'POST',
        headers: { 'content-type': 'image/png' },
        body: new Uint8Array(png),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`the upload URL answered HTTP ${response.status}`);
      await client.apiCall('files.completeUploadExternal', {
        files: [{ id: fileId, title: chart.title ?? chart.filename }],
        channel_id: target.channel,
        ...(target.thread_ts ? { thread_ts: target.thread_ts } : {}),
      });
      logger.info({ conversation, bytes: png.length }, 'chart uploaded');
      return { kind: 'uploaded', fileId };
    } catch (error) {
      const reason = (error as { data?: { error?: string } }).data?.error ?? (error as Error).message;
      // The upload URL is a capability: the error is logged by its reason, never with the URL.
      logger.warn({ conversation, reason }, 'chart upload failed; the answer stands without it');
      return { kind: 'failed', reason };
    }
  }
}
