/**
 * An Engine that can be replaced while it serves: reload() builds a new
 * engine from the corpus in the background and swaps it in with one
 * assignment. A question is answered synchronously by whichever engine was
 * current when it arrived, so questions in flight finish on the old index;
 * a corpus that fails to load leaves the old engine serving.
 */
import { createEngine, type AskOptions, type Engine } from '../../../src/index.js';

export interface ReloadLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface EngineHolderOptions {
  /** Corpus directory; default the bundled corpus. */
  corpusDir?: string;
  logger: ReloadLog;
  /** Builds an engine from the corpus. Default createEngine({ corpusDir }). */
  build?: (corpusDir: string | undefined) => Promise<Engine>;
  /** Clock for the time a reload takes. Default performance.now. */
  now?: () => number;
}

export type ReloadResult = { ok: true; documents: number; ms: number } | { ok: false; reason: string; ms: number };

export class EngineHolder implements Engine {
  private running: Promise<ReloadResult> | undefined;
  private queued: Promise<ReloadResult> | undefined;
  private readonly listeners = new Set<(result: ReloadResult) => void>();
  private readonly build: (corpusDir: string | undefined) => Promise<Engine>;
  private readonly now: () => number;

  private constructor(
    private current: Engine,
    private readonly options: EngineHolderOptions,
  ) {
    this.build = options.build ?? ((corpusDir) => createEngine(corpusDir === undefined ? {} : { corpusDir }));
    this.now = options.now ?? (() => performance.now());
  }

  /** Wraps an engine already built (the first load stays the caller's, with its progress display). */
  static around(engine: Engine, options: EngineHolderOptions): EngineHolder {
    return new EngineHolder(engine, options);
  }

  /** The engine answering now. */
  get engine(): Engine {
    return this.current;
  }

  /**
   * Rebuilds from the corpus and swaps the new engine in. Calls made while a
   * rebuild runs are folded into one more rebuild after it, so the last change
   * is always picked up and two builds never race.
   */
  reload(): Promise<ReloadResult> {
    if (this.running) {
      // One follow-up build for every call made meanwhile.
      this.queued ??= this.running.then(() => {
        this.queued = undefined;
        return this.reload();
      });
      return this.queued;
    }
    this.running = this.rebuild().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Called after every reload attempt, with its outcome. */
  onReload(listener: (result: ReloadResult) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async rebuild(): Promise<ReloadResult> {
    const started = this.now();
    let result: ReloadResult;
    try {
      const next = await this.build(this.options.corpusDir);
      this.current = next;
      result = { ok: true, documents: next.documents.length, ms: Math.round(this.now() - started) };
      this.options.logger.info({ documents: result.documents, ms: result.ms }, `corpus reloaded: ${documents(result.documents)} in ${result.ms} ms`);
    } catch (error) {
      const reason = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim();
      result = { ok: false, reason, ms: Math.round(this.now() - started) };
      this.options.logger.warn({ reason, documents: this.current.documents.length }, `corpus reload failed, still serving the previous ${documents(this.current.documents.length)}: ${reason}`);
    }
    for (const listener of this.listeners) listener(result);
    return result;
  }

  ask(question: string, options?: AskOptions) {
    return this.current.ask(question, options);
  }

  explain(question: string, options?: AskOptions) {
    return this.current.explain(question, options);
  }

  forget(conversation: string): void {
    this.current.forget(conversation);
  }

  get documents() {
    return this.current.documents;
  }

  get figures() {
    return this.current.figures;
  }

  get examples() {
    return this.current.examples;
  }

  conversationCount(): number {
    return this.current.conversationCount();
  }
}

export const documents = (n: number) => `${n.toLocaleString('en')} document${n === 1 ? '' : 's'}`;
