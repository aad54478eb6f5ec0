/**
 * Builds and sends requests the way Slack does in HTTP mode: signed with the
 * signing secret (v0 = HMAC-SHA256 of `v0:timestamp:body`), JSON for events,
 * form-encoded for slash commands and `payload=<json>` for block actions.
 */
import { createHmac } from 'node:crypto';

let counter = 0;
/** A fresh Slack-like timestamp ("1700000123.000456"). */
export function nextTs(): string {
  counter += 1;
  return `${1_700_000_000 + counter}.${String(counter).padStart(6, '0')}`;
}

export function sign(secret: string, body: string, timestamp = Math.floor(Date.now() / 1000)): Record<string, string> {
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return { 'x-slack-signature': signature, 'x-slack-request-timestamp': String(timestamp) };
}

export interface SendOptions {
  /** Sets x-slack-retry-num (and a retry reason), as Slack does on redelivery. */
  retryNum?: number;
  /** Overrides the signing timestamp (seconds), e.g. to send a stale request. */
  timestamp?: number;
  /** Signs with this secret instead (a bad signature). */
  secret?: string;
}

export async function postSigned(url: string, secret: string, body: string, contentType: string, options: SendOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': contentType, ...sign(options.secret ?? secret, body, options.timestamp) };
  if (options.retryNum !== undefined) {
    headers['x-slack-retry-num'] = String(options.retryNum);
    headers['x-slack-retry-reason'] = 'http_timeout';
  }
  return fetch(url, { method: 'POST', headers, body });
}

export function postEvent(url: string, secret: string, payload: Record<string, unknown>, options?: SendOptions): Promise<Response> {
  return postSigned(url, secret, JSON.stringify(payload), 'application/json', options);
}

export function postCommand(url: string, secret: string, fields: Record<string, string>, options?: SendOptions): Promise<Response> {
  return postSigned(url, secret, new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded', options);
}

export function postAction(url: string, secret: string, payload: Record<string, unknown>, options?: SendOptions): Promise<Response> {
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  return postSigned(url, secret, body, 'application/x-www-form-urlencoded', options);
}

let eventCounter = 0;
const nextEventId = () => `Ev${String(++eventCounter).padStart(8, '0')}`;

/** An Events API envelope around `event`. */
export function envelope(event: Record<string, unknown>, options: { teamId?: string; eventId?: string } = {}): Record<string, unknown> {
  return {
    token: 'legacy-verification-token',
    team_id: options.teamId ?? 'T1',
    api_app_id: 'A1',
    type: 'event_callback',
    event_id: options.eventId ?? nextEventId(),
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: options.teamId ?? 'T1', user_id: 'UBOT', is_bot: true, is_enterprise_install: false }],
    event,
  };
}

export function mention(o: { channel: string; user: string; text: string; ts?: string; thread_ts?: string; bot_id?: string }): Record<string, unknown> {
  const ts = o.ts ?? nextTs();
  return { type: 'app_mention', channel: o.channel, user: o.user, text: o.text, ts, event_ts: ts, ...(o.thread_ts ? { thread_ts: o.thread_ts } : {}), ...(o.bot_id ? { bot_id: o.bot_id } : {}) };
}

export function directMessage(o: { channel: string; user: string; text: string; ts?: string; subtype?: string; bot_id?: string }): Record<string, unknown> {
  const ts = o.ts ?? nextTs();
  return { type: 'message', channel_type: 'im', channel: o.channel, user: o.user, text: o.text, ts, event_ts: ts, ...(o.subtype ? { subtype: o.subtype } : {}), ...(o.bot_id ? { bot_id: o.bot_id } : {}) };
}

export function slashCommand(o: { text: string; channel: string; user: string; responseUrl: string }): Record<string, string> {
  return {
    token: 'legacy-verification-token',
    team_id: 'T1',
    team_domain: 'fake',
    channel_id: o.channel,
    channel_name: 'general',
    user_id: o.user,
    user_name: 'someone',
    command: '/ask',
    text: o.text,
    api_app_id: 'A1',
    response_url: o.responseUrl,
    trigger_id: `trigger-${++eventCounter}`,
  };
}

export function shareClick(o: { value: string; channel: string; user: string; responseUrl: string }): Record<string, unknown> {
  return {
    type: 'block_actions',
    team: { id: 'T1', domain: 'fake' },
    user: { id: o.user, name: 'someone', team_id: 'T1' },
    api_app_id: 'A1',
    token: 'legacy-verification-token',
    container: { type: 'message', message_ts: nextTs(), channel_id: o.channel, is_ephemeral: true },
    trigger_id: `trigger-${++eventCounter}`,
    channel: { id: o.channel, name: 'general' },
    response_url: o.responseUrl,
    actions: [{ type: 'button', action_id: 'share_answer', block_id: 'b1', text: { type: 'plain_text', text: 'Share in channel' }, value: o.value, action_ts: nextTs() }],
  };
}

/** A click on a 👍/👎 button (action_id feedback_up / feedback_down) of a message in a channel. */
export function feedbackClick(o: { actionId: string; value: string; channel: string; user: string; threadTs?: string; responseUrl: string }): Record<string, unknown> {
  return {
    type: 'block_actions',
    team: { id: 'T1', domain: 'fake' },
    user: { id: o.user, name: 'someone', team_id: 'T1' },
    api_app_id: 'A1',
    token: 'legacy-verification-token',
    container: { type: 'message', message_ts: nextTs(), channel_id: o.channel, is_ephemeral: false, ...(o.threadTs ? { thread_ts: o.threadTs } : {}) },
    trigger_id: `trigger-${++eventCounter}`,
    channel: { id: o.channel, name: 'general' },
    response_url: o.responseUrl,
    actions: [{ type: 'button', action_id: o.actionId, block_id: 'fb', text: { type: 'plain_text', text: 'vote' }, value: o.value, action_ts: nextTs() }],
  };
}

/** The submission of a modal the bot opened (`view` as views.open received it), with text typed into its inputs. */
export function viewSubmission(o: { view: Record<string, any>; user: string; values: Record<string, Record<string, string>> }): Record<string, unknown> {
  const values: Record<string, Record<string, { type: string; value: string }>> = {};
  for (const [block, inputs] of Object.entries(o.values)) {
    values[block] = Object.fromEntries(Object.entries(inputs).map(([action, value]) => [action, { type: 'plain_text_input', value }]));
  }
  return {
    type: 'view_submission',
    team: { id: 'T1', domain: 'fake' },
    user: { id: o.user, name: 'someone', team_id: 'T1' },
    api_app_id: 'A1',
    token: 'legacy-verification-token',
    trigger_id: `trigger-${++eventCounter}`,
    view: { id: 'V1', team_id: 'T1', type: 'modal', ...o.view, state: { values }, hash: 'h1', app_id: 'A1', bot_id: 'BBOT' },
  };
}
