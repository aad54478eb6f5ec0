/**
 * One corpus rebuild at a time, whatever is rebuilt (an engine on this
 * thread, or the answer pool's workers): calls made while a rebuild runs are
 * folded into one more rebuild after it, so the last change is always picked
 * up and two builds never race. Each attempt is logged in one line, with the
 * document count and the time taken.
 */
export interface ReloadLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export type ReloadResult = { ok: true; documents: number; ms: number } | { ok: false; reason: string; ms: number };

export interface SerialReloadsOptions {
  /** Builds the new index and swaps it in; resolves to its document count. Rejects to keep the old one. */
  rebuild(): Promise<number>;
  /** Documents served now (for the failure line). */
  serving(): number;
  logger: ReloadLog;
  /** Clock for the time a reload takes. Default performance.now. */
  now?: () => number;
}

export const documents = (n: number) => `${n.toLocaleString('en')} document${n === 1 ? '' : 's'}`;

export class SerialReloads {
  private running: Promise<ReloadResult> | undefined;
  private queued: Promise<ReloadResult> | undefined;
  private readonly listeners = new Set<(result: ReloadResult) => void>();

  constructor(private readonly options: SerialReloadsOptions) {}

  reload(): Promise<ReloadResult> {
    if (this.running) {
      // One follow-up build for every call made meanwhile.
      this.queued ??= this.running.then(() => {
        this.queued = undefined;
        return this.reload();
      });
      return this.queued;
    }
    this.running = this.attempt().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Called after every reload attempt, with its outcome. */
  onReload(listener: (result: ReloadResult) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async attempt(): Promise<ReloadResult> {
    const now = this.options.now ?? (() => performance.now());
    const { logger } = this.options;
    const started = now();
    let result: ReloadResult;
    try {
      const count = await this.options.rebuild();
      result = { ok: true, documents: count, ms: Math.round(now() - started) };
      logger.info({ documents: result.documents, ms: result.ms }, `corpus reloaded: ${documents(result.documents)} in ${result.ms} ms`);
    } catch (error) {
      const reason = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim();
      result = { ok: false, reason, ms: Math.round(now() - started) };
      const serving = this.options.serving();
      logger.warn({ reason, documents: serving }, `corpus reload failed, still serving the previous ${documents(serving)}: ${reason}`);
    }
    for (const listener of this.listeners) listener(result);
    return result;
  }
}
