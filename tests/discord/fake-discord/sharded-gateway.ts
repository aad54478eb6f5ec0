/**
 * A sharded gateway for the fake Discord: several connections, each
 * identifying as one shard [id, count], each sent READY and GUILD_CREATE for
 * only the guilds that belong to it ((guild_id >> 22) % count, as Discord
 * does), and each guild's events dispatched only to its shard. No resume:
 * the sharding tests do not drop connections.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { APP_ID, botUser } from './fixtures.js';

const Op = { Dispatch: 0, Heartbeat: 1, Identify: 2, Hello: 10, HeartbeatAck: 11 } as const;

/** The shard a guild belongs to. */
export function shardOf(guildId: string, count: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(count));
}

interface Connection {
  ws: WebSocket;
  shard: number;
  seq: number;
}

export class ShardedGateway {
  readonly wss = new WebSocketServer({ noServer: true });
  /** Shard ids that identified, in order. */
  readonly identified: number[] = [];
  /** Which shard each dispatched event went to: [event type, guild id, shard]. */
  readonly routed: [string, string | undefined, number][] = [];
  private readonly connections = new Map<number, Connection>();

  constructor(
    private readonly token: string,
    readonly shardCount: number,
    private readonly guilds: () => Record<string, any>[],
  ) {
    this.wss.on('connection', (ws) => this.onConnection(ws));
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(req, socket, head, (ws) => this.wss.emit('connection', ws, req));
  }

  /** Whether every shard has identified. */
  get allReady(): boolean {
    return this.connections.size === this.shardCount;
  }

  /** Sends a guild event to the shard of its guild (a DM event to shard 0, as Discord does). */
  dispatch(t: string, event: object): void {
    const d = event as { guild_id?: string };
    const shard = d.guild_id ? shardOf(d.guild_id, this.shardCount) : 0;
    const connection = this.connections.get(shard);
    if (!connection) throw new Error(`shard ${shard} is not connected`);
    this.routed.push([t, d.guild_id, shard]);
    this.send(connection, t, d);
  }

  async close(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private onConnection(ws: WebSocket): void {
    ws.on('message', (raw) => {
      const payload = JSON.parse(raw.toString()) as { op: number; d: any };
      if (payload.op === Op.Heartbeat) ws.send(JSON.stringify({ op: Op.HeartbeatAck }));
      if (payload.op === Op.Identify) this.identify(ws, payload.d);
    });
    ws.send(JSON.stringify({ op: Op.Hello, d: { heartbeat_interval: 41_250 } }));
  }

  private identify(ws: WebSocket, d: { token?: string; shard?: [number, number] }): void {
    const [shard, count] = d.shard ?? [0, 1];
    if (d.token !== this.token || count !== this.shardCount) return void ws.close(count !== this.shardCount ? 4011 : 4004);
    const connection: Connection = { ws, shard, seq: 0 };
    this.connections.set(shard, connection);
    this.identified.push(shard);
    const own = this.guilds().filter((g) => shardOf(g.id, count) === shard);
    this.send(connection, 'READY', {
      v: 10,
      user: botUser,
      guilds: own.map((g) => ({ id: g.id, unavailable: true })),
      session_id: `session-${shard}`,
      resume_gateway_url: 'ws://127.0.0.1:1/unused',
      shard: [shard, count],
      application: { id: APP_ID, flags: 0 },
    });
    for (const guild of own) this.send(connection, 'GUILD_CREATE', guild);
  }

  private send(connection: Connection, t: string, d: unknown): void {
    if (connection.ws.readyState === 1) connection.ws.send(JSON.stringify({ op: Op.Dispatch, s: ++connection.seq, t, d }));
  }
}
