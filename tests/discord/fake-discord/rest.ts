/**
 * The REST half of the fake Discord: the routes the adapter uses under
 * /api/v10, a record of every request, and scripted faults (429, 500,
 * slow answers, answers lost after the work was done). Bodies are JSON, or
 * multipart with files (payload_json plus files[n] parts), as Discord takes
 * attachments.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { APP_ID, botUser, snowflake } from './fixtures.js';
import { readBodyBytes } from '../../helpers/http.js';

export const API_PREFIX = '/api/v10';

export interface RecordedRequest {
  method: string;
  /** Decoded path below /api/v10, e.g. /webhooks/1/tok/messages/@original. */
  path: string;
  query: Record<string, string>;
  body: any;
  /** Files sent as multipart parts, with their bytes. */
  files: UploadedFile[];
  /** Whether a valid bot Authorization header came with it (the value itself is not kept). */
  authorized: boolean;
  status: number;
  /** Set when a scripted fault answered instead of the route. */
  injected?: boolean;
  /** Set when an enforced nonce matched an earlier message and nothing new was posted. */
  deduplicated?: boolean;
  at: number;
}

export interface UploadedFile {
  /** The part's field name: files[0], files[1], … */
  field: string;
  filename: string;
  contentType: string;
  bytes: Buffer;
}

export interface FaultRule {
  method?: string;
  path: RegExp;
  /** Status to answer with; omit to let the route answer (after `delayMs`). */
  status?: number;
  /** Hold the answer this long first (a slow or hung Discord). */
  delayMs?: number;
  /** Hold the answer until this settles. */
  until?: Promise<unknown>;
  body?: unknown;
  headers?: Record<string, string>;
  /** How many matching requests it answers. Default 1. */
  times?: number;
  /** Do the route's work first, then answer with the fault (a response lost after success). */
  afterProcessing?: boolean;
}

export interface FakeMessage extends Record<string, unknown> {
  id: string;
  channel_id: string;
}

interface Route {
  method: string;
  pattern: RegExp;
  auth: boolean;
  handle: (m: RegExpExecArray, body: any, req: RecordedRequest) => { status: number; body?: unknown } | undefined;
}

export class FakeRest {
  readonly requests: RecordedRequest[] = [];
  /** Messages the bot posted or edited, by id. */
  readonly messages = new Map<string, FakeMessage>();
  /** Interaction id -> token, for every interaction the gateway dispatched. */
  readonly interactions = new Map<string, string>();
  private readonly acknowledged = new Set<string>();
  private readonly originals = new Map<string, FakeMessage>();
  private readonly nonces = new Map<string, FakeMessage>();
  private readonly faults: (FaultRule & { left: number })[] = [];
  /** Extra latency on every answer, in ms (for shutdown tests). */
  delayMs = 0;
  private readonly listeners = new Set<(r: RecordedRequest) => void>();
  private readonly routes: Route[];

  constructor(
    private readonly token: string,
    private readonly gatewayUrl: () => string,
    /** What GET /gateway/bot recommends (DISCORD_SHARDS=auto). */
    private readonly recommendedShards = 1,
  ) {
    this.routes = [
      { method: 'GET', pattern: /^\/gateway\/bot$/, auth: true, handle: () => ({ status: 200, body: this.gatewayBot() }) },
      { method: 'POST', pattern: /^\/interactions\/(\d+)\/([^/]+)\/callback$/, auth: false, handle: (m, body, rec) => this.callback(m[1]!, m[2]!, body, rec) },
      { method: 'PATCH', pattern: /^\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/, auth: false, handle: (m, body, rec) => this.editOriginal(m[2]!, body, rec) },
      { method: 'POST', pattern: /^\/webhooks\/(\d+)\/([^/]+)$/, auth: false, handle: (_m, body) => ({ status: 200, body: this.store(this.message('followup', body)) }) },
      { method: 'POST', pattern: /^\/channels\/(\d+)\/messages$/, auth: true, handle: (m, body, rec) => this.createMessage(m[1]!, body, rec) },
      { method: 'PUT', pattern: /^\/applications\/(\d+)\/(?:guilds\/(\d+)\/)?commands$/, auth: true, handle: (_m, body) => ({ status: 200, body: (body as any[]).map((c) => ({ ...c, id: snowflake(), application_id: APP_ID, version: snowflake() })) }) },
    ];
  }

  /** Calls `fn` with every request once it has been answered; returns the unsubscribe function. */
  subscribe(fn: (r: RecordedRequest) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Answers the next `times` requests matching the rule with a fault. */
  inject(rule: FaultRule): void {
    this.faults.push({ ...rule, left: rule.times ?? 1 });
  }

  /** Forgets every record and message (between load runs, so the fake's memory is not counted as the bot's). */
  forgetHistory(): void {
    this.requests.length = 0;
    for (const m of [this.messages, this.interactions, this.originals, this.nonces]) m.clear();
    this.acknowledged.clear();
  }

  /** Drops every scripted fault not yet used. */
  clearFaults(): void {
    this.faults.length = 0;
  }

  /** Requests matching a method and path pattern that the fake answered with the given status class. */
  find(method: string, path: RegExp, ok = true): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method && path.test(r.path) && (!ok || (r.status >= 200 && r.status < 300)));
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const bytes = await readBodyBytes(req);
    if (!url.pathname.startsWith(API_PREFIX)) return send(res, 404, { message: '404: Not Found', code: 0 });
    const path = url.pathname.slice(API_PREFIX.length).split('/').map(decodeURIComponent).join('/');
    let body: any;
    let files: UploadedFile[] = [];
    try {
      const contentType = req.headers['content-type'] ?? '';
      if (contentType.startsWith('multipart/form-data')) ({ body, files } = await parseMultipart(bytes, contentType));
      else body = bytes.length ? JSON.parse(bytes.toString('utf8')) : undefined;
    } catch {
      return send(res, 400, { message: 'The request body contains invalid JSON.', code: 50109 });
    }
    const rec: RecordedRequest = {
      method: req.method ?? 'GET',
      path,
      query: Object.fromEntries(url.searchParams),
      body,
      files,
      authorized: req.headers.authorization === `Bot ${this.token}`,
      status: 0,
      at: Date.now(),
    };
    this.requests.push(rec);
    if (this.delayMs > 0) await new Promise((r) => setTimeout(r, this.delayMs));

    const fault = this.faults.find((f) => f.left > 0 && f.path.test(path) && (!f.method || f.method === rec.method));
    if (fault && (fault.delayMs || fault.until)) {
      if (fault.status === undefined) fault.left -= 1;
      if (fault.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
      if (fault.until) await fault.until;
    }
    const route = this.routes.find((r) => r.method === rec.method && r.pattern.test(path));
    if (fault?.status !== undefined && !fault.afterProcessing) return this.answerFault(res, rec, fault);
    if (!route) return this.finish(res, rec, 404, { message: '404: Not Found', code: 0 });
    if (route.auth && !rec.authorized) return this.finish(res, rec, 401, { message: '401: Unauthorized', code: 0 });
    const out = route.handle(route.pattern.exec(path)!, body, rec) ?? { status: 204 };
    if (fault?.status !== undefined) return this.answerFault(res, rec, fault);
    return this.finish(res, rec, out.status, out.body);
  }

  private answerFault(res: ServerResponse, rec: RecordedRequest, fault: FaultRule & { left: number; status?: number }): void {
    fault.left -= 1;
    rec.injected = true;
    const status = fault.status ?? 500;
    const body = fault.body ?? (status === 429 ? { message: 'You are being rate limited.', retry_after: 1, global: false } : { message: 'Internal Server Error', code: 0 });
    this.finish(res, rec, status, body, fault.headers);
  }

  private finish(res: ServerResponse, rec: RecordedRequest, status: number, body?: unknown, headers: Record<string, string> = {}): void {
    rec.status = status;
    send(res, status, body, headers);
    for (const fn of this.listeners) fn(rec);
  }

  private gatewayBot() {
    // A sharded fake lets all its shards identify at once, as Discord does for large bots (max_concurrency 16).
    const maxConcurrency = this.recommendedShards > 1 ? 16 : 1;
    return { url: this.gatewayUrl(), shards: this.recommendedShards, session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: maxConcurrency } };
  }

  private callback(id: string, token: string, body: any, rec: RecordedRequest) {
    if (this.interactions.get(id) !== token) return { status: 404, body: { message: 'Unknown interaction', code: 10062 } };
    if (this.acknowledged.has(id)) return { status: 400, body: { message: 'Interaction has already been acknowledged.', code: 40060 } };
    this.acknowledged.add(id);
    if (body?.type === 4) this.originals.set(token, this.store({ ...this.message('original', body.data ?? {}), ...attachmentsOf(body.data, rec.files) }));
    if (body?.type === 5) this.originals.set(token, this.store(this.message('original', { content: '', flags: body.data?.flags ?? 0 })));
    return { status: 204 };
  }

  private editOriginal(token: string, body: any, rec: RecordedRequest) {
    const original = this.originals.get(token);
    if (!original) return { status: 404, body: { message: 'Unknown Webhook', code: 10015 } };
    Object.assign(original, pick(body), attachmentsOf(body, rec.files), { edited_timestamp: new Date().toISOString() });
    return { status: 200, body: original };
  }

  private createMessage(channelId: string, body: any, rec: RecordedRequest) {
    const key = `${channelId}:${body?.nonce}`;
    if (body?.enforce_nonce && body.nonce !== undefined && this.nonces.has(key)) {
      rec.deduplicated = true;
      return { status: 200, body: this.nonces.get(key) };
    }
    const msg = this.store({ ...this.message(channelId, body), ...attachmentsOf(body, rec.files) });
    if (body?.enforce_nonce && body.nonce !== undefined) this.nonces.set(key, msg);
    return { status: 200, body: msg };
  }

  private message(channelId: string, body: any): FakeMessage {
    const reference = body?.message_reference;
    return {
      id: snowflake(),
      channel_id: channelId,
      author: botUser,
      content: '',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: [],
      components: [],
      pinned: false,
      type: reference ? 19 : 0,
      flags: 0,
      ...pick(body),
      ...(reference ? { message_reference: { type: 0, ...reference, channel_id: channelId } } : {}),
    };
  }

  private store(m: FakeMessage): FakeMessage {
    this.messages.set(m.id, m);
    return m;
  }
}

/** The message fields a send or edit may set. */
function pick(body: any): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of ['content', 'embeds', 'components', 'flags', 'nonce']) if (body && body[k] !== undefined) out[k] = body[k];
  return out;
}

/** Attachments as Discord lists them on a message: the files sent, described by the payload's `attachments`. */
function attachmentsOf(body: any, files: UploadedFile[]): Record<string, unknown> {
  if (files.length === 0) return {};
  const described = new Map<string, any>((body?.attachments ?? []).map((a: any) => [String(a.id), a]));
  return {
    attachments: files.map((f, i) => {
      const meta = described.get(/^files\[(\d+)\]$/.exec(f.field)?.[1] ?? String(i)) ?? {};
      return { id: snowflake(), filename: meta.filename ?? f.filename, description: meta.description, content_type: f.contentType, size: f.bytes.length, url: `https://cdn.fake.discord.test/attachments/${f.filename}` };
    }),
  };
}

/** A multipart body: the JSON of the payload_json part and the file parts, parsed with the platform's own parser. */
async function parseMultipart(bytes: Buffer, contentType: string): Promise<{ body: any; files: UploadedFile[] }> {
  const form = await new Response(new Uint8Array(bytes), { headers: { 'content-type': contentType } }).formData();
  const json = form.get('payload_json');
  const files: UploadedFile[] = [];
  for (const [field, value] of form.entries()) {
    if (typeof value === 'string') continue;
    files.push({ field, filename: value.name, contentType: value.type, bytes: Buffer.from(await value.arrayBuffer()) });
  }
  return { body: typeof json === 'string' ? JSON.parse(json) : undefined, files };
}

function send(res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}): void {
  if (status === 204 || body === undefined) {
    res.writeHead(status, headers).end();
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
}
