/**
 * A loopback Discord: one HTTP server on 127.0.0.1 serving REST under
 * /api/v10 and the WebSocket gateway at /gateway.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FAKE_TOKEN } from './fixtures.js';
import { FakeGateway, type GatewayOptions } from './gateway.js';
import { FakeRest } from './rest.js';
import { ShardedGateway } from './sharded-gateway.js';

export * from './fixtures.js';
export type { FaultRule, RecordedRequest, FakeMessage } from './rest.js';

export interface FakeDiscordOptions extends Partial<GatewayOptions> {
  /** Run a sharded gateway with this many shards, serving these guilds (GUILD_CREATE payloads). */
  sharded?: { shards: number; guilds: Record<string, any>[] };
}

export class FakeDiscord {
  readonly rest: FakeRest;
  readonly gateway: FakeGateway;
  /** Set when started with `sharded`: guild events go only to their shard. */
  readonly sharded: ShardedGateway | undefined;
  private readonly server: Server;
  private port = 0;

  private constructor(options: FakeDiscordOptions) {
    const token = options.token ?? FAKE_TOKEN;
    const wsUrl = () => `ws://127.0.0.1:${this.port}/gateway`;
    this.rest = new FakeRest(token, wsUrl, options.sharded?.shards ?? 1);
    this.gateway = new FakeGateway({ ...options, token }, wsUrl);
    const guilds = options.sharded?.guilds ?? [];
    this.sharded = options.sharded ? new ShardedGateway(token, options.sharded.shards, () => guilds) : undefined;
    this.server = createServer((req, res) => {
      this.rest.handle(req, res).catch((error: unknown) => {
        res.writeHead(500).end(String(error));
      });
    });
    this.server.on('upgrade', (req, socket, head) => (this.sharded ?? this.gateway).handleUpgrade(req, socket, head));
  }

  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const fake = new FakeDiscord(options);
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    fake.port = (fake.server.address() as AddressInfo).port;
    return fake;
  }

  /** What DISCORD_API_URL should be: the REST base without the version. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  /** Sends an INTERACTION_CREATE and lets the REST side accept its callback. */
  sendInteraction<T extends { id: string; token: string }>(interaction: T): T {
    this.rest.interactions.set(interaction.id, interaction.token);
    if (this.sharded) this.sharded.dispatch('INTERACTION_CREATE', interaction);
    else this.gateway.dispatch('INTERACTION_CREATE', interaction);
    return interaction;
  }

  sendMessage<T extends { id: string }>(message: T): T {
    if (this.sharded) this.sharded.dispatch('MESSAGE_CREATE', message);
    else this.gateway.dispatch('MESSAGE_CREATE', message);
    return message;
  }

  async close(): Promise<void> {
    await this.gateway.close();
    await this.sharded?.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
