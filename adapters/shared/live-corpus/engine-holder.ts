/**
 * An Engine that can be replaced while it serves: reload() builds a new
 * engine from the corpus in the background and swaps it in with one
 * assignment. A question is answered synchronously by whichever engine was
 * current when it arrived, so questions in flight finish on the old index;
 * a corpus that fails to load leaves the old engine serving.
 */
import { createEngine, type AskOptions, type DocumentLimits, type Engine } from '../../../src/index.js';
import { SerialReloads, type ReloadLog, type ReloadResult } from './reloads.js';

export { documents, type ReloadLog, type ReloadResult } from './reloads.js';

export interface EngineHolderOptions {
  /** Corpus directory; default the bundled corpus. */
  corpusDir?: string;
  logger: ReloadLog;
  /** What one document may cost to read, for the default build. Default: the engine's limits. */
  documentLimits?: Partial<DocumentLimits>;
  /** Builds an engine from the corpus. Default createEngine({ corpusDir, documentLimits }). */
  build?: (corpusDir: string | undefined) => Promise<Engine>;
  /** Clock for the time a reload takes. Default performance.now. */
  now?: () => number;
}

export class EngineHolder implements Engine {
  private readonly reloads: SerialReloads;

  private constructor(
    private current: Engine,
    options: EngineHolderOptions,
  ) {
    const { documentLimits } = options;
    const build = options.build ?? ((corpusDir) => createEngine({ ...(corpusDir !== undefined ? { corpusDir } : {}), ...(documentLimits !== undefined ? { documentLimits } : {}) }));
    this.reloads = new SerialReloads({
      logger: options.logger,
      ...(options.now ? { now: options.now } : {}),
      serving: () => this.current.documents.length,
      rebuild: async () => {
        const next = await build(options.corpusDir);
        this.current = next;
        return next.documents.length;
      },
    });
  }

  /** Wraps an engine already built (the first load stays the caller's, with its progress display). */
  static around(engine: Engine, options: EngineHolderOptions): EngineHolder {
    return new EngineHolder(engine, options);
  }

  /** The engine answering now. */
  get engine(): Engine {
    return this.current;
  }

  /** Rebuilds from the corpus and swaps the new engine in (serialised: see SerialReloads). */
  reload(): Promise<ReloadResult> {
    return this.reloads.reload();
  }

  /** Called after every reload attempt, with its outcome. */
  onReload(listener: (result: ReloadResult) => void): () => void {
    return this.reloads.onReload(listener);
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

  documentText(id: string): string | undefined {
    return this.current.documentText(id);
  }
}

