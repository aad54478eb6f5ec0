/**
 * A loopback fake of the parts of Slack the adapter talks to: the Web API
 * (auth.test, chat.*, conversations.*, apps.connections.open, and the file
 * upload flow: files.getUploadURLExternal, a POST to the upload URL,
 * files.completeUploadExternal), a response_url sink, and a Socket Mode
 * WebSocket endpoint. It records every request and can
 * be told to fail the next calls of a method in the ways Slack fails.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { readBodyBytes } from '../helpers/http.js';

export type Fault =
  /** HTTP 429 with a Retry-After header (seconds). */
  | { kind: 'rate_limited'; retryAfter: number }
  /** An HTTP error status; `body` is sent as is. */
  | { kind: 'http'; status: number; body?: string }
  /** HTTP 200 with { ok: false, error }. */
  | { kind: 'platform'; error: string }
  /**
   * Holds the request for `ms` before answering, or with no `ms` until the fake
   * closes (a client timeout then always fires, however slow the machine);
   * `delivered` says whether Slack acted on it.
   */
  | { kind: 'hang'; ms?: number; delivered: boolean };

export interface RecordedRequest {
  method: string;
  params: Record<string, any>;
  authorization?: string;
  /** What the fake answered: 'ok', an error code, or an HTTP status. */
  outcome: string;
}

export interface PostedMessage {
  method: 'chat.postMessage' | 'chat.postEphemeral';
  channel: string;
  thread_ts?: string;
  user?: string;
  ts: string;
  text?: string;
  blocks?: any[];
  metadata?: { event_type?: string; event_payload?: Record<string, unknown> };
  params: Record<string, any>;
}

export interface ResponseUrlPost {
  id: string;
  body: Record<string, any>;
}

/** A file shared by files.completeUploadExternal, with the bytes posted to its upload URL. */
export interface SharedFile {
  id: string;
  filename: string;
  title?: string;
  alt_txt?: string;
  channel_id?: string;
  thread_ts?: string;
  bytes: Buffer;
}

interface PendingUpload {
  id: string;
  filename: string;
  length: number;
  alt_txt?: string;
  bytes?: Buffer;
}

export interface FakeSlackOptions {
  botToken: string;
  appToken?: string;
  botUserId?: string;
  botId?: string;
  teamId?: string;
}

const JSON_PARAMS = new Set(['blocks', 'attachments', 'metadata', 'files']);

export class FakeSlack {
  readonly requests: RecordedRequest[] = [];
  /** Messages Slack accepted (and so users saw). */
  readonly messages: PostedMessage[] = [];
  readonly responses: ResponseUrlPost[] = [];
  /** Files completed into a channel or thread (and so users saw). */
  readonly files: SharedFile[] = [];
  private readonly uploads = new Map<string, PendingUpload>();
  /** Envelope ids the Socket Mode client acknowledged. */
  readonly acks: string[] = [];
  /** Modals opened with views.open. */
  readonly views: { trigger_id: string; view: Record<string, any> }[] = [];
  readonly botUserId: string;
  readonly botId: string;
  readonly teamId: string;
  private readonly faults = new Map<string, Fault[]>();
  private readonly sockets = new Set<WebSocket>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly waiters = new Set<(m: PostedMessage) => void>();
  /** The first message in each thread, and waiters for it, by `channel/thread_ts`. */
  private readonly firstInThread = new Map<string, PostedMessage>();
  private readonly threadWaiters = new Map<string, ((m: PostedMessage) => void)[]>();
  private tsCounter = 0;
  private envelopeCounter = 0;
  /** Socket Mode tickets handed out by apps.connections.open. */
  readonly tickets: string[] = [];
  private port = 0;

  private constructor(
    private readonly options: FakeSlackOptions,
    private readonly server: Server,
    private readonly wss: WebSocketServer,
  ) {
    this.botUserId = options.botUserId ?? 'UBOT';
    this.botId = options.botId ?? 'BBOT';
    this.teamId = options.teamId ?? 'T1';
  }

  static async start(options: FakeSlackOptions): Promise<FakeSlack> {
    const server = createServer();
    const wss = new WebSocketServer({ noServer: true });
    const fake = new FakeSlack(options, server, wss);
    server.on('request', (req, res) => void fake.handle(req, res));
    server.on('upgrade', (req, socket, head) => {
      if (!req.url?.startsWith('/socket')) return socket.destroy();
      wss.handleUpgrade(req, socket, head, (ws) => fake.onSocket(ws));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    fake.port = (server.address() as AddressInfo).port;
    return fake;
  }

  /** The Web API base, as SLACK_API_URL. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  /** A response_url whose posts are recorded under `id`. */
  responseUrl(id: string): string {
    return `http://127.0.0.1:${this.port}/respond/${encodeURIComponent(id)}`;
  }

  /** Fails the next calls of `method` ('response_url' for the sink), in order. */
  failNext(method: string, ...faults: Fault[]): void {
    this.faults.set(method, [...(this.faults.get(method) ?? []), ...faults]);
  }

  /** Messages accepted in a channel (and thread, when given). */
  messagesIn(channel: string, thread_ts?: string): PostedMessage[] {
    return this.messages.filter((m) => m.channel === channel && (thread_ts === undefined || m.thread_ts === thread_ts));
  }

  /**
   * Resolves with the first accepted message matching `predicate`, as soon as it
   * is recorded (no polling: used for timing), or rejects after `timeoutMs`.
   */
  nextMessage(predicate: (m: PostedMessage) => boolean, timeoutMs = 120_000): Promise<PostedMessage> {
    const already = this.messages.find(predicate);
    if (already) return Promise.resolve(already);
    return new Promise((resolve, reject) => {
      const waiter = (m: PostedMessage) => {
        if (!predicate(m)) return;
        clearTimeout(timer);
        this.waiters.delete(waiter);
        resolve(m);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`no matching message within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  /**
   * The first message (or ephemeral notice) in one thread, found by its key
   * rather than by a predicate every message is shown to: a load of thousands
   * of waiting threads costs one lookup per message, not thousands. Resolves
   * at once when the thread already has a message.
   */
  nextMessageIn(channel: string, threadTs: string, timeoutMs = 120_000): Promise<PostedMessage> {
    const key = `${channel}/${threadTs}`;
    const already = this.firstInThread.get(key);
    if (already) return Promise.resolve(already);
    return new Promise((resolve, reject) => {
      const waiter = (m: PostedMessage) => {
        clearTimeout(timer);
        resolve(m);
      };
      const timer = setTimeout(() => {
        const left = (this.threadWaiters.get(key) ?? []).filter((w) => w !== waiter);
        if (left.length) this.threadWaiters.set(key, left);
        else this.threadWaiters.delete(key);
        reject(new Error(`no message in ${key} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.threadWaiters.set(key, [...(this.threadWaiters.get(key) ?? []), waiter]);
    });
  }

  callsOf(method: string): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method);
  }

  get connectedSockets(): number {
    return this.sockets.size;
  }

  /** Sends an Events API payload over every open socket; returns the envelope id. */
  sendSocketEvent(body: Record<string, unknown>, retry?: { attempt: number; reason: string }): string {
    return this.sendEnvelope('events_api', body, retry);
  }

  /** Sends a slash command or interactive payload over the socket. */
  sendSocketPayload(type: 'slash_commands' | 'interactive', body: Record<string, unknown>): string {
    return this.sendEnvelope(type, body);
  }

  async close(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    for (const ws of this.sockets) ws.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private sendEnvelope(type: string, payload: Record<string, unknown>, retry?: { attempt: number; reason: string }): string {
    const envelope_id = `env-${++this.envelopeCounter}`;
    const frame = { envelope_id, type, payload, accepts_response_payload: type !== 'events_api', retry_attempt: retry?.attempt ?? 0, retry_reason: retry?.reason ?? '' };
    for (const ws of this.sockets) ws.send(JSON.stringify(frame));
    return envelope_id;
  }

  private onSocket(ws: WebSocket): void {
    this.sockets.add(ws);
    ws.on('close', () => this.sockets.delete(ws));
    ws.on('message', (data) => {
      try {
        const msg = JSON.parse(String(data)) as { envelope_id?: string };
        if (msg.envelope_id) this.acks.push(msg.envelope_id);
      } catch {
        // not an ack
      }
    });
    ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A1' }, debug_info: { host: 'fake' } }));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const bytes = await readBodyBytes(req);
    const raw = bytes.toString('utf8');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/upload/')) return this.handleUpload(decodeURIComponent(url.pathname.slice('/upload/'.length)), bytes, res);
    if (url.pathname.startsWith('/respond/')) return this.handleResponseUrl(decodeURIComponent(url.pathname.slice('/respond/'.length)), raw, res);
    if (!url.pathname.startsWith('/api/')) return void res.writeHead(404).end();
    const method = url.pathname.slice('/api/'.length);
    const params = parseParams(raw, req.headers['content-type']);
    const authorization = req.headers.authorization;
    const record: RecordedRequest = { method, params, authorization, outcome: 'pending' };
    this.requests.push(record);

    const fault = this.faults.get(method)?.shift();
    if (fault && fault.kind !== 'hang') return this.applyFault(fault, record, res);
    if (fault?.kind === 'hang') {
      const answer = fault.delivered ? this.answer(method, params, authorization, record) : undefined;
      record.outcome = fault.delivered ? `held, then ${record.outcome}` : 'held, dropped';
      if (fault.ms === undefined) return; // close() drops the connection
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        if (answer) sendJson(res, 200, answer);
        else res.destroy();
      }, fault.ms);
      this.timers.add(timer);
      return;
    }
    sendJson(res, 200, this.answer(method, params, authorization, record));
  }

  private applyFault(fault: Exclude<Fault, { kind: 'hang' }>, record: RecordedRequest, res: ServerResponse): void {
    if (fault.kind === 'rate_limited') {
      record.outcome = '429';
      res.writeHead(429, { 'retry-after': String(fault.retryAfter), 'content-type': 'application/json' }).end('{"ok":false,"error":"ratelimited"}');
    } else if (fault.kind === 'http') {
      record.outcome = String(fault.status);
      res.writeHead(fault.status, { 'content-type': 'text/plain' }).end(fault.body ?? 'server error');
    } else {
      record.outcome = fault.error;
      sendJson(res, 200, { ok: false, error: fault.error });
    }
  }

  /** The Web API's answer to a call; side effects (posting) happen here. */
  private answer(method: string, params: Record<string, any>, authorization: string | undefined, record: RecordedRequest): Record<string, unknown> {
    const expected = method === 'apps.connections.open' ? this.options.appToken : this.options.botToken;
    const token = authorization?.replace(/^Bearer /, '') ?? params.token;
    if (!expected || token !== expected) {
      record.outcome = 'invalid_auth';
      return { ok: false, error: 'invalid_auth' };
    }
    record.outcome = 'ok';
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://fake.slack.test/', team: 'Fake', user: 'summit-bot', team_id: this.teamId, user_id: this.botUserId, bot_id: this.botId };
      case 'apps.connections.open':
        // A ticket is a one-time credential for the socket: tests check it never reaches a log.
        this.tickets.push(`fake-ticket-${Math.random().toString(36).slice(2)}-${this.tickets.length}`);
        return { ok: true, url: `ws://127.0.0.1:${this.port}/socket?ticket=${this.tickets.at(-1)}` };
      case 'chat.postMessage':
      case 'chat.postEphemeral': {
        const ts = this.nextTs();
        const message: PostedMessage = {
          method,
          channel: params.channel,
          thread_ts: params.thread_ts,
          user: params.user,
          ts,
          text: params.text,
          blocks: params.blocks,
          metadata: params.metadata,
          params,
        };
        this.messages.push(message);
        for (const waiter of [...this.waiters]) waiter(message);
        const thread = `${message.channel}/${message.thread_ts}`;
        if (!this.firstInThread.has(thread)) this.firstInThread.set(thread, message);
        const inThread = this.threadWaiters.get(thread);
        this.threadWaiters.delete(thread);
        for (const waiter of inThread ?? []) waiter(message);
        return method === 'chat.postMessage'
          ? { ok: true, channel: params.channel, ts, message: { type: 'message', ts, text: params.text, bot_id: this.botId, user: this.botUserId } }
          : { ok: true, message_ts: ts };
      }
      case 'views.open': {
        const view = typeof params.view === 'string' ? (JSON.parse(params.view) as Record<string, any>) : params.view;
        this.views.push({ trigger_id: params.trigger_id, view });
        return { ok: true, view: { id: `V${this.views.length}`, ...view } };
      }
      case 'conversations.replies':
      case 'conversations.history': {
        const found = this.messages
          .filter((m) => m.method === 'chat.postMessage' && m.channel === params.channel)
          .filter((m) => (method === 'conversations.replies' ? m.thread_ts === params.ts : true))
          .map((m) => ({ type: 'message', ts: m.ts, thread_ts: m.thread_ts, text: m.text, bot_id: this.botId, user: this.botUserId, metadata: m.metadata }));
        return { ok: true, messages: found, has_more: false };
      }
      case 'files.getUploadURLExternal': {
        const length = Number(params.length);
        if (!params.filename || !Number.isInteger(length) || length <= 0) {
          record.outcome = 'invalid_arguments';
          return { ok: false, error: 'invalid_arguments' };
        }
        const id = `F${String(this.uploads.size + 1).padStart(6, '0')}`;
        this.uploads.set(id, { id, filename: String(params.filename), length, alt_txt: params.alt_txt });
        return { ok: true, upload_url: `http://127.0.0.1:${this.port}/upload/${id}`, file_id: id };
      }
      case 'files.completeUploadExternal': {
        const listed = Array.isArray(params.files) ? (params.files as { id?: string; title?: string }[]) : [];
        // Slack refuses to complete a file whose bytes never arrived, or arrived short.
        const missing = listed.filter((f) => {
          const upload = f.id ? this.uploads.get(f.id) : undefined;
          return !upload?.bytes || upload.bytes.length !== upload.length;
        });
        if (listed.length === 0 || missing.length > 0) {
          record.outcome = 'file_not_found';
          return { ok: false, error: 'file_not_found' };
        }
        for (const f of listed) {
          const upload = this.uploads.get(f.id!)!;
          this.files.push({ id: upload.id, filename: upload.filename, title: f.title, alt_txt: upload.alt_txt, channel_id: params.channel_id, thread_ts: params.thread_ts, bytes: upload.bytes! });
        }
        return { ok: true, files: listed.map((f) => ({ id: f.id, title: f.title })) };
      }
      default:
        record.outcome = 'unknown_method';
        return { ok: false, error: 'unknown_method' };
    }
  }

  /** The upload URL: takes the file's raw bytes; 'upload' faults apply. */
  private handleUpload(id: string, bytes: Buffer, res: ServerResponse): void {
    const record: RecordedRequest = { method: 'upload', params: { id, bytes: bytes.length }, outcome: 'ok' };
    this.requests.push(record);
    const fault = this.faults.get('upload')?.shift();
    if (fault && fault.kind !== 'hang') return this.applyFault(fault, record, res);
    const upload = this.uploads.get(id);
    if (!upload) {
      record.outcome = '404';
      return void res.writeHead(404).end();
    }
    upload.bytes = bytes;
    res.writeHead(200, { 'content-type': 'text/plain' }).end(`OK - ${bytes.length}`);
  }

  private handleResponseUrl(id: string, raw: string, res: ServerResponse): void {
    const fault = this.faults.get('response_url')?.shift();
    const record: RecordedRequest = { method: 'response_url', params: { id }, outcome: 'ok' };
    this.requests.push(record);
    if (fault && fault.kind !== 'hang') return this.applyFault(fault, record, res);
    let body: Record<string, any> = {};
    try {
      body = JSON.parse(raw) as Record<string, any>;
    } catch {
      record.outcome = 'bad_json';
    }
    if (fault?.kind === 'hang') {
      if (fault.delivered) this.responses.push({ id, body });
      if (fault.ms === undefined) return; // close() drops the connection
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        if (fault.delivered) res.writeHead(200).end('ok');
        else res.destroy();
      }, fault.ms);
      this.timers.add(timer);
      return;
    }
    this.responses.push({ id, body });
    res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  }

  private nextTs(): string {
    this.tsCounter += 1;
    return `1700000000.${String(this.tsCounter).padStart(6, '0')}`;
  }
}


function parseParams(raw: string, contentType: string | undefined): Record<string, any> {
  if (contentType?.includes('application/json')) {
    try {
      return JSON.parse(raw) as Record<string, any>;
    } catch {
      return {};
    }
  }
  const params: Record<string, any> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    if (JSON_PARAMS.has(key)) {
      try {
        params[key] = JSON.parse(value);
        continue;
      } catch {
        // keep the raw string
      }
    }
    params[key] = value;
  }
  return params;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.destroyed) return;
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
