/**
 * The one path a chat question takes, whatever the platform: dedupe, rate
 * limit (and its notice), help, acknowledgement, conversation context, the
 * answer (off the event loop, within a time budget), buttons, delivery,
 * logging and in-flight tracking for shutdown. A platform only turns its
 * events into an `Incoming` and renders a `Reply` (see README.md here).
 */
import type { Answer } from '../../src/index.js';
import { ActionKeys, type ActionLookup } from './actions.js';
import { TimeBudgetExceeded, type Answerer } from './answerer.js';
import { boundedId, capQuestion, MAX_REMEMBERED_QUESTION_CHARS, MAX_REMEMBERED_QUESTIONS } from './limits.js';
import type { Logger } from './logger.js';
import { rateLimitMessage, type RateLimit } from './rate-limit.js';
import type { Outcome } from './retry.js';
import type { StateStore } from './state/store.js';

/** A question as a platform hands it over. */
export interface Incoming {
  /** Platform and way of asking, for logs: 'slack:mention', 'discord:slash'. */
  surface: string;
  /** The platform's event, interaction or message id, qualified by platform: a repeat is answered once. */
  eventId: string;
  /** Platform-qualified user id: the rate-limit key and the owner of the answer's buttons. */
  user: string;
  /** From the platform's conversation module. */
  conversation: string;
  question: string;
  /** Only the asker sees the answer: it never feeds the shared conversation. */
  private: boolean;
  /** 'always': a rate-limited user is told every time (privately); 'once' per window (in a channel). */
  notify: 'always' | 'once';
  /** Buttons the platform would put under this answer; keys are made only for the ones named. */
  offer?(answer: Answer): readonly string[];
}

/** An action offered under an answer: the platform renders `name`, and its button carries `key`. */
export interface OfferedAction {
  name: string;
  key: string;
}

/** A file to send with an answer (for instance a chart); platforms that cannot attach files skip it. */
export interface Attachment {
  filename: string;
  contentType: string;
  /**
   * The bytes, made on first call (then kept): a platform may deliver the
   * answer first and the file after it. Never rejects; undefined when the
   * file could not be made (failed, or past its time budget).
   */
  content(): Promise<Uint8Array | undefined>;
  /** What the file shows, in words (alt text). */
  description: string;
  /** A short title, where the platform shows one. */
  title?: string;
}

export type NoticeReason = 'rate-limited' | 'failed' | 'too-slow' | 'expired' | 'forbidden' | 'done';

export type Reply =
  | { kind: 'answer'; answer: Answer; question: string; private: boolean; actions: OfferedAction[]; attachments: Attachment[] }
  | { kind: 'help'; examples: readonly string[] }
  | { kind: 'notice'; reason: NoticeReason; text: string };

/** How the pipeline talks back for one event. */
export interface Turn {
  /** Acknowledge before answering (Discord's deferred reply); false when it could not be. */
  acknowledge?(): Promise<boolean>;
  /** Delivers a reply with the shared retry helper; the outcome is logged by the pipeline. */
  send(reply: Reply): Promise<Outcome<unknown>>;
}

/** What the pipeline knows of an answer besides the answer itself. */
export interface AnsweredContext {
  /** The question as asked of the engine (trimmed and capped). */
  question: string;
  /** Time the answer took, queueing in the pool included. */
  latencyMs: number;
}

/** What an extension adds to an answer. */
export interface Decoration {
  /** Button names; they get the answer's key. */
  actions?: readonly string[];
  attachments?: readonly Attachment[];
  /** Kept with the answer's key, for the extension's own button handler (`record.extra`). */
  extra?: Record<string, string>;
}

/** Adds buttons or files to answers: the hook for feedback buttons, the question log and charts. */
export interface AnswerExtension {
  decorate(answer: Answer, incoming: Incoming, context: AnsweredContext): Promise<Decoration>;
}

export interface PipelineOptions {
  answerer: Answerer;
  store: StateStore;
  rateLimit: RateLimit;
  logger: Logger;
  /** Examples for help texts. Default: asked of the answerer on first use. */
  examples?: readonly string[];
  extensions?: readonly AnswerExtension[];
  /** How long an event id is remembered. Default 15 minutes (Slack retries after 1 and 5). */
  eventTtlMs?: number;
  /** How long a conversation is remembered after its last question. Default 30 minutes. */
  conversationTtlMs?: number;
  /** How long an answer's buttons work. Default 30 minutes. */
  actionTtlMs?: number;
}

export const EVENT_MEMORY_MS = 15 * 60_000;
export const CONVERSATION_MEMORY_MS = 30 * 60_000;

export const FAILURE_TEXT = 'Sorry, something went wrong while answering. Please try again in a moment.';
export const TOO_SLOW_TEXT = 'Sorry, that question is taking me too long to answer. Please try a shorter or more specific question.';
export const EXPIRED_TEXT = 'That answer is no longer in my memory. Please ask the question again.';
export const FORBIDDEN_TEXT = 'Only the person who asked can use this button.';

const HELP = /^(help|\?|usage)?$/i;

export class Pipeline {
  readonly actions: ActionKeys;
  private readonly inFlight = new Set<Promise<void>>();
  private stopping = false;
  private examples: Promise<readonly string[]> | undefined;

  constructor(private readonly options: PipelineOptions) {
    this.actions = new ActionKeys(options.store, options.actionTtlMs);
    if (options.examples) this.examples = Promise.resolve(options.examples);
  }

  get logger(): Logger {
    return this.options.logger;
  }

  get store(): StateStore {
    return this.options.store;
  }

  /** Answers currently being computed or delivered. */
  get pending(): number {
    return this.inFlight.size;
  }

  get isStopping(): boolean {
    return this.stopping;
  }

  /** Takes a question through the whole path. Never throws; resolves once delivered (or given up). */
  handle(incoming: Incoming, turn: Turn): Promise<void> {
    return this.track(() => this.answer(incoming, turn));
  }

  /** Marks an event as taken; false for a repeat (or while shutting down). */
  async firstDelivery(eventId: string): Promise<boolean> {
    if (this.stopping) {
      this.logger.warn({ event: eventId }, 'shutting down: event not taken');
      return false;
    }
    if (await this.options.store.setIfAbsent(`event:${boundedId(eventId)}`, '1', this.options.eventTtlMs ?? EVENT_MEMORY_MS)) return true;
    this.logger.info({ event: eventId }, 'repeated delivery of an event already taken; ignored');
    return false;
  }

  /** Runs other work (a button press) counted as in flight, with errors logged. */
  track(work: () => Promise<void>): Promise<void> {
    const running = work().catch((error: unknown) => this.logger.error({ err: error }, 'unexpected error while handling an event'));
    this.inFlight.add(running);
    void running.finally(() => this.inFlight.delete(running));
    return running;
  }

  /** The record behind a button key, if this user may use it, with a log line when refused. */
  async lookupAction(key: string, user: string, surface: string): Promise<ActionLookup> {
    const found = await this.actions.lookup(key, boundedId(user));
    if (found.status === 'forbidden') this.logger.warn({ surface }, 'a button of a private answer was used by someone else; refused');
    return found;
  }

  /** Stops taking events and waits (bounded) for the ones in flight. */
  async stop(graceMs: number): Promise<boolean> {
    this.stopping = true;
    let timer: NodeJS.Timeout | undefined;
    const finished = await Promise.race([
      Promise.allSettled([...this.inFlight]).then(() => true),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), graceMs))),
    ]);
    clearTimeout(timer);
    if (!finished) this.logger.warn({ abandoned: this.inFlight.size }, 'stopped with answers still in flight');
    return finished;
  }

  private async answer(incoming: Incoming, turn: Turn): Promise<void> {
    const { logger } = this.options;
    const log = { surface: incoming.surface, conversation: boundedId(incoming.conversation) };
    if (!(await this.firstDelivery(incoming.eventId))) return;

    const decision = await this.options.rateLimit.take(incoming.user);
    if (!decision.allowed) {
      const told = incoming.notify === 'always' || (await this.options.store.setIfAbsent(`notice:${boundedId(incoming.user)}`, '1', this.options.rateLimit.windowMs));
      logger.info({ ...log, retryAfterMs: decision.retryAfterMs, noticeSent: told }, 'rate limited');
      if (told) await this.deliver(turn, { kind: 'notice', reason: 'rate-limited', text: rateLimitMessage(decision.retryAfterMs) }, log);
      return;
    }

    if (turn.acknowledge && !(await turn.acknowledge())) return;
    const question = capQuestion(incoming.question.trim());
    if (HELP.test(question)) {
      await this.deliver(turn, { kind: 'help', examples: await this.helpExamples() }, log);
      return;
    }

    const started = performance.now();
    const memory = conversationKeys(incoming);
    const history = await this.history(memory.read);
    let answer: Answer;
    try {
      answer = await this.options.answerer.ask({ question, conversation: log.conversation, history });
    } catch (error) {
      const slow = error instanceof TimeBudgetExceeded;
      logger[slow ? 'warn' : 'error']({ ...log, questionChars: question.length, ms: Math.round(performance.now() - started), err: slow ? undefined : error }, slow ? 'question exceeded its time budget' : 'the engine failed on a question');
      await this.deliver(turn, { kind: 'notice', reason: slow ? 'too-slow' : 'failed', text: slow ? TOO_SLOW_TEXT : FAILURE_TEXT }, log);
      return;
    }
    if (answer.kind !== 'invalid') await this.remember(memory.write, history, question);

    const reply = await this.decorate(answer, incoming, { question, latencyMs: performance.now() - started });
    const outcome = await this.deliver(turn, reply, log);
    if (outcome.ok) {
      logger.info({ ...log, kind: answer.kind, answered: answer.answered, questionChars: question.length, ms: Math.round(performance.now() - started), attempts: outcome.attempts }, 'answered');
    }
  }

  private async decorate(answer: Answer, incoming: Incoming, context: AnsweredContext): Promise<Reply> {
    const { question } = context;
    const names = [...(incoming.offer?.(answer) ?? [])];
    const attachments: Attachment[] = [];
    let kept: Record<string, string> | undefined;
    for (const extension of this.options.extensions ?? []) {
      let extra: Decoration;
      try {
        extra = await extension.decorate(answer, incoming, context);
      } catch (error) {
        // An extension (a chart, the log) costs its own part of the reply, never the answer.
        this.logger.warn({ surface: incoming.surface, err: error }, 'an answer extension failed; answered without it');
        continue;
      }
      names.push(...(extra.actions ?? []));
      attachments.push(...(extra.attachments ?? []));
      if (extra.extra) kept = { ...kept, ...extra.extra };
    }
    const actions: OfferedAction[] = [];
    if (names.length > 0) {
      // One key for all of an answer's buttons; the button says which action.
      const key = await this.actions.keep({ owner: boundedId(incoming.user), private: incoming.private, question, answer, conversation: boundedId(incoming.conversation), ...(kept ? { extra: kept } : {}) });
      for (const name of new Set(names)) actions.push({ name, key });
    }
    return { kind: 'answer', answer, question, private: incoming.private, actions, attachments };
  }

  private async deliver(turn: Turn, reply: Reply, log: Record<string, unknown>): Promise<Outcome<unknown>> {
    const outcome = await turn.send(reply);
    if (!outcome.ok) this.options.logger.error({ ...log, reason: outcome.reason }, 'question could not be answered');
    return outcome;
  }

  private async helpExamples(): Promise<readonly string[]> {
    this.examples ??= this.options.answerer.examples().catch(() => []);
    return this.examples;
  }

  private async history(key: string | readonly string[]): Promise<string[]> {
    for (const k of typeof key === 'string' ? [key] : key) {
      const raw = await this.options.store.get(k);
      if (raw !== undefined) return JSON.parse(raw) as string[];
    }
    return [];
  }

  private async remember(key: string, history: readonly string[], question: string): Promise<void> {
    const next = [...history, question.slice(0, MAX_REMEMBERED_QUESTION_CHARS)].slice(-MAX_REMEMBERED_QUESTIONS);
    await this.options.store.set(key, JSON.stringify(next), this.options.conversationTtlMs ?? CONVERSATION_MEMORY_MS);
  }
}

/**
 * Where a question's context is read from and written to. A private question
 * may follow up the shared conversation it was asked in, but only ever
 * writes to the asker's own memory of it, so it never shows in public.
 */
export function conversationKeys(incoming: Pick<Incoming, 'conversation' | 'user' | 'private'>): { read: string[]; write: string } {
  const shared = `conversation:${boundedId(incoming.conversation)}`;
  if (!incoming.private) return { read: [shared], write: shared };
  const own = `conversation:${boundedId(`${incoming.conversation}|private:${incoming.user}`)}`;
  return { read: [own, shared], write: own };
}
