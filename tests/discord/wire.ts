/**
 * Reading what the bot put on the wire, as recorded by the fake Discord.
 */
import type { Engine, Answer } from '../../src/index.js';
import type { FakeDiscord, RecordedRequest } from './fake-discord/index.js';
import { waitFor } from './harness.js';

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function callbackPath(interaction: { id: string; token: string }): RegExp {
  return new RegExp(`^/interactions/${interaction.id}/${escapeRe(interaction.token)}/callback$`);
}

export function originalPath(interaction: { token: string }): RegExp {
  return new RegExp(`^/webhooks/\\d+/${escapeRe(interaction.token)}/messages/@original$`);
}

/** Successful callbacks for an interaction. */
export function callbacks(fake: FakeDiscord, interaction: { id: string; token: string }): RecordedRequest[] {
  return fake.rest.find('POST', callbackPath(interaction));
}

/** Successful edits of an interaction's original response. */
export function edits(fake: FakeDiscord, interaction: { token: string }): RecordedRequest[] {
  return fake.rest.find('PATCH', originalPath(interaction));
}

/** Waits for the edit that carries the answer to a deferred /ask. */
export function waitForEdit(fake: FakeDiscord, interaction: { token: string }): Promise<RecordedRequest> {
  return waitFor(() => edits(fake, interaction)[0], { what: `the edit of @original for ${interaction.token}` });
}

/** Waits for a callback of the given type (4 = reply, 5 = deferred). */
export function waitForCallback(fake: FakeDiscord, interaction: { id: string; token: string }, type?: number): Promise<RecordedRequest> {
  return waitFor(() => callbacks(fake, interaction).find((r) => type === undefined || r.body?.type === type), { what: `a callback for interaction ${interaction.id}` });
}

/** Successful message posts in a channel. */
export function posts(fake: FakeDiscord, channelId: string): RecordedRequest[] {
  return fake.rest.find('POST', new RegExp(`^/channels/${channelId}/messages$`)).filter((r) => !r.deduplicated);
}

/** Waits for the bot's reply to a given message. */
export function waitForReplyTo(fake: FakeDiscord, channelId: string, messageId: string): Promise<RecordedRequest> {
  return waitFor(() => posts(fake, channelId).find((r) => r.body?.message_reference?.message_id === messageId), { what: `a reply to message ${messageId}` });
}

/** Every request by which the bot sent or edited something a person reads. */
export function outgoingMessages(fake: FakeDiscord): RecordedRequest[] {
  return fake.rest.requests.filter(
    (r) =>
      (r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.path)) ||
      (r.method === 'PATCH' && /\/messages\/@original$/.test(r.path)) ||
      (r.method === 'POST' && /\/callback$/.test(r.path) && r.body?.type === 4),
  );
}

/** The message body of an outgoing request (callbacks nest it under data). */
export function messageBody(r: RecordedRequest): any {
  return /\/callback$/.test(r.path) ? r.body?.data : r.body;
}

/** Wraps an engine to record which conversation each question was asked in. */
export function recording(engine: Engine): Engine & { calls: { question: string; conversation?: string; answer: Answer }[] } {
  const calls: { question: string; conversation?: string; answer: Answer }[] = [];
  return {
    calls,
    ask(question, options) {
      const answer = engine.ask(question, options);
      calls.push({ question, ...(options?.conversation !== undefined ? { conversation: options.conversation } : {}), answer });
      return answer;
    },
    explain: (question, options) => engine.explain(question, options),
    forget: (conversation) => engine.forget(conversation),
    get documents() {
      return engine.documents;
    },
    get figures() {
      return engine.figures;
    },
    get examples() {
      return engine.examples;
    },
    conversationCount: () => engine.conversationCount(),
    documentText: (id) => engine.documentText(id),
  };
}
