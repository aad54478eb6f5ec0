/**
 * The gateway half of the fake Discord: HELLO, IDENTIFY -> READY and
 * GUILD_CREATE, heartbeats, RESUME with replay of missed events, and the
 * controls a test needs (dispatch, op 7 RECONNECT, close codes).
 * Frames are plain JSON: discord.js compresses only when zlib-sync is installed.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { APP_ID, botUser, guildCreate } from './fixtures.js';

const Op = { Dispatch: 0, Heartbeat: 1, Identify: 2, Resume: 6, Reconnect: 7, InvalidSession: 9, Hello: 10, HeartbeatAck: 11 } as const;

/** Events kept for replay on RESUME; older ones are gone, as on Discord. */
const MAX_REPLAY = 5_000;

export interface GatewayOptions {
  token: string;
  /** Milliseconds between client heartbeats. Default 41,250 (Discord's usual). */
  heartbeatIntervalMs?: number;
}

interface Sent {
  s: number;
  t: string;
  d: unknown;
}

export class FakeGateway {
  readonly wss = new WebSocketServer({ noServer: true });
  /** Every payload the client sent (tokens replaced). */
  readonly received: { op: number; d: any }[] = [];
  identifies = 0;
  resumes = 0;
  /** Close codes the client sent when it closed the connection itself. */
  readonly clientCloses: number[] = [];
  /** Close codes the fake sent, in order. */
  readonly closes: number[] = [];
  /** When set, IDENTIFY is answered by closing with this code (e.g. 4004, 4014). */
  rejectIdentifyWith: number | undefined;
  private socket: WebSocket | undefined;
  private readonly closedByServer = new WeakSet<WebSocket>();
  private ready = false;
  private sessionId: string | undefined;
  private seq = 0;
  private log: Sent[] = [];
  private readonly heartbeatIntervalMs: number;

  constructor(
    private readonly options: GatewayOptions,
    readonly url: () => string,
  ) {
    this.heartbeatIntervalMs = options.heartbeatIntervalMs ?? 41_250;
    this.wss.on('connection', (ws) => this.onConnection(ws));
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    if (!(req.url ?? '').startsWith('/gateway')) {
      socket.destroy();
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.wss.emit('connection', ws, req));
  }

  /** Whether a client is connected and identified or resumed. */
  get connected(): boolean {
    return this.ready && this.socket?.readyState === 1;
  }

  /** Sends a dispatch now, or keeps it for the RESUME replay when no session is live. */
  dispatch(t: string, d: unknown): number {
    const s = ++this.seq;
    this.log.push({ s, t, d });
    if (this.log.length > MAX_REPLAY) this.log.splice(0, this.log.length - MAX_REPLAY);
    if (this.connected) this.send({ op: Op.Dispatch, s, t, d });
    return s;
  }

  /** op 7: Discord asks the client to reconnect and resume. */
  requestReconnect(): void {
    this.ready = false;
    this.send({ op: Op.Reconnect, d: null });
  }

  /** Closes the connection with a gateway close code (4000 resumable, 4004 not, ...). */
  closeWith(code: number, reason = ''): void {
    this.ready = false;
    this.closes.push(code);
    if (this.socket) this.closedByServer.add(this.socket);
    this.socket?.close(code, reason);
  }

  async close(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private onConnection(ws: WebSocket): void {
    if (this.socket && this.socket !== ws) this.socket.terminate();
    this.socket = ws;
    this.ready = false;
    ws.on('message', (raw) => this.onMessage(ws, raw.toString()));
    ws.on('close', (code) => {
      if (!this.closedByServer.has(ws)) this.clientCloses.push(code);
      if (this.socket === ws) this.ready = false;
    });
    this.sendTo(ws, { op: Op.Hello, d: { heartbeat_interval: this.heartbeatIntervalMs } });
  }

  private onMessage(ws: WebSocket, raw: string): void {
    let payload: { op: number; d: any };
    try {
      payload = JSON.parse(raw);
    } catch {
      ws.close(4002, 'Error while decoding payload.');
      return;
    }
    const d = payload.d && typeof payload.d === 'object' && 'token' in payload.d ? { ...payload.d, token: '[token]' } : payload.d;
    this.received.push({ op: payload.op, d });
    switch (payload.op) {
      case Op.Heartbeat:
        this.sendTo(ws, { op: Op.HeartbeatAck });
        return;
      case Op.Identify:
        return this.identify(ws, payload.d);
      case Op.Resume:
        return this.resume(ws, payload.d);
      default:
        return;
    }
  }

  private identify(ws: WebSocket, d: { token?: string }): void {
    this.identifies += 1;
    if (d.token !== this.options.token) return this.closeSocket(ws, 4004, 'Authentication failed.');
    if (this.rejectIdentifyWith !== undefined) return this.closeSocket(ws, this.rejectIdentifyWith, 'Refused.');
    this.sessionId = randomBytes(8).toString('hex');
    this.seq = 0;
    this.log = [];
    this.ready = true;
    const guild = guildCreate();
    this.dispatch('READY', {
      v: 10,
      user: botUser,
      guilds: [{ id: guild.id, unavailable: true }],
      session_id: this.sessionId,
      resume_gateway_url: this.url(),
      shard: [0, 1],
      application: { id: APP_ID, flags: 0 },
    });
    // Without GUILD_CREATE discord.js waits 15 s for the guild and drops its channels' messages.
    this.dispatch('GUILD_CREATE', guild);
  }

  private resume(ws: WebSocket, d: { token?: string; session_id?: string; seq?: number }): void {
    this.resumes += 1;
    if (d.token !== this.options.token) return this.closeSocket(ws, 4004, 'Authentication failed.');
    if (!this.sessionId || d.session_id !== this.sessionId) {
      this.sendTo(ws, { op: Op.InvalidSession, d: false });
      return;
    }
    this.ready = true;
    const after = d.seq ?? 0;
    for (const e of this.log) if (e.s > after) this.sendTo(ws, { op: Op.Dispatch, s: e.s, t: e.t, d: e.d });
    this.dispatch('RESUMED', {});
  }

  private closeSocket(ws: WebSocket, code: number, reason: string): void {
    this.ready = false;
    this.closes.push(code);
    this.closedByServer.add(ws);
    ws.close(code, reason);
  }

  private send(payload: unknown): void {
    if (this.socket) this.sendTo(this.socket, payload);
  }

  private sendTo(ws: WebSocket, payload: unknown): void {
    if (ws.readyState === 1) ws.send(JSON.stringify(payload));
  }
}
