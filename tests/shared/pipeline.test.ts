/**
 * The shared pipeline on its own, with an in-memory store: what it remembers
 * stays bounded by bytes, ids of any length become short keys, private
 * questions stay private, and the engine keeps no conversation of its own.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Answer, type Engine } from '../../src/index.js';
import { inProcessAnswerer, type Answerer, type AskRequest } from '../../adapters/shared/answerer.js';
import { MAX_ID_CHARS, MAX_REMEMBERED_QUESTION_CHARS } from '../../adapters/shared/limits.js';
import { createLogger } from '../../adapters/shared/logger.js';
import { conversationKeys, Pipeline, type Incoming, type Reply } from '../../adapters/shared/pipeline.js';
import { createRateLimit } from '../../adapters/shared/rate-limit.js';
import { MemoryStore } from '../../adapters/shared/state/memory-store.js';

const logger = createLogger({ level: 'silent' });
const ok = async () => ({ ok: true as const, value: undefined, attempts: 1 });

let engine: Engine;
beforeAll(async () => {
  engine = await createEngine();
});

function recordingAnswerer(inner: Answerer): Answerer & { requests: AskRequest[] } {
  const requests: AskRequest[] = [];
  return { ...inner, requests, ask: (r) => (requests.push(r), inner.ask(r)) };
}

function pipelineWith(answerer: Answerer, store = new MemoryStore()) {
  return { store, pipeline: new Pipeline({ answerer, store, logger, rateLimit: createRateLimit({ limit: 1_000_000, store }) }) };
}

let n = 0;
const incoming = (o: Partial<Incoming>): Incoming => ({ surface: 'test', eventId: `e${++n}`, user: 'u1', conversation: 'c1', question: 'How much is InvestAI?', private: false, notify: 'once', ...o });

describe('bounded memory', () => {
  it('10,000 long questions in 10,000 conversations stay under the byte cap', async () => {
    const maxBytes = 4 * 1024 * 1024;
    const stub: Answerer = { ask: async () => ({ answered: true, kind: 'answer', answer: 'x', quotes: [], figures: [], confidence: 1, suggestions: [] }) as Answer, examples: async () => [], close: async () => {} };
    const { store, pipeline } = pipelineWith(stub, new MemoryStore({ maxBytes }));
    const long = 'How much is InvestAI and what does it fund? '.repeat(200); // 8,800 characters
    for (let i = 0; i < 10_000; i++) await pipeline.handle(incoming({ conversation: `conv-${i}`, user: `u${i}`, question: long }), { send: ok });
    expect(store.localBytes()).toBeLessThanOrEqual(maxBytes);
    // What is kept of each question is capped too.
    const kept = JSON.parse((await store.get('conversation:conv-9999'))!) as string[];
    expect(kept[0]!.length).toBe(MAX_REMEMBERED_QUESTION_CHARS);
  });

  it('turns a 100 KB conversation id into a short key, for the store and the engine', async () => {
    const answerer = recordingAnswerer(inProcessAnswerer(engine));
    const { store, pipeline } = pipelineWith(answerer);
    const huge = 'c'.repeat(100_000);
    const replies: Reply[] = [];
    await pipeline.handle(incoming({ conversation: huge, eventId: 'x'.repeat(100_000), user: 'u'.repeat(100_000) }), { send: async (r) => (replies.push(r), ok()) });
    await pipeline.handle(incoming({ conversation: huge, question: 'and the US?' }), { send: async (r) => (replies.push(r), ok()) });
    expect(replies.map((r) => r.kind)).toEqual(['answer', 'answer']);
    expect(answerer.requests.every((r) => r.conversation!.length <= MAX_ID_CHARS)).toBe(true);
    expect(answerer.requests[1]!.history).toEqual(['How much is InvestAI?']);
    expect(store.localBytes()).toBeLessThan(10_000);
  });

  it('leaves no conversation in the engine: context lives in the store', async () => {
    const { pipeline } = pipelineWith(inProcessAnswerer(engine));
    for (let i = 0; i < 50; i++) await pipeline.handle(incoming({ conversation: `k${i}` }), { send: ok });
    expect(engine.conversationCount()).toBe(0);
  });
});

describe('private questions', () => {
  it('read the shared context but never write to it', async () => {
    const answerer = recordingAnswerer(inProcessAnswerer(engine));
    const { store, pipeline } = pipelineWith(answerer);
    await pipeline.handle(incoming({ conversation: 'thread', question: 'What is Stargate?' }), { send: ok });
    await pipeline.handle(incoming({ conversation: 'thread', question: 'How much is InvestAI?', private: true, user: 'bob' }), { send: ok });
    await pipeline.handle(incoming({ conversation: 'thread', question: 'and the US?', user: 'alice' }), { send: ok });
    expect(answerer.requests.map((r) => r.history)).toEqual([[], ['What is Stargate?'], ['What is Stargate?']]);
    const keys = conversationKeys({ conversation: 'thread', user: 'bob', private: true });
    expect(JSON.parse((await store.get(keys.write))!)).toEqual(['What is Stargate?', 'How much is InvestAI?']);
  });
});

describe('dedupe and notices', () => {
  it('answers a repeated event once and tells a flooding user once per window', async () => {
    const store = new MemoryStore();
    const pipeline = new Pipeline({ answerer: inProcessAnswerer(engine), store, logger, rateLimit: createRateLimit({ limit: 1, windowMs: 60_000, store }) });
    const replies: Reply[] = [];
    const turn = { send: async (r: Reply) => (replies.push(r), ok()) };
    await pipeline.handle(incoming({ eventId: 'same', user: 'flood' }), turn);
    await pipeline.handle(incoming({ eventId: 'same', user: 'flood' }), turn);
    for (let i = 0; i < 3; i++) await pipeline.handle(incoming({ user: 'flood' }), turn);
    expect(replies.map((r) => (r.kind === 'notice' ? r.reason : r.kind))).toEqual(['answer', 'rate-limited']);
  });

  it('answers "help" and an empty question with the platform\'s usage text, on every platform alike', async () => {
    const { pipeline } = pipelineWith(inProcessAnswerer(engine));
    const replies: Reply[] = [];
    for (const question of ['help', '', '  ?  ', 'USAGE']) await pipeline.handle(incoming({ question }), { send: async (r) => (replies.push(r), ok()) });
    expect(replies.map((r) => r.kind)).toEqual(['help', 'help', 'help', 'help']);
  });
});
