/**
 * DISCORD_SHARDS=auto: `npm run discord` starts discord.js's ShardingManager,
 * which asks the (fake) API how many shards to run and starts one process per
 * shard, all sharing one real redis-server. Each shard receives and answers
 * only its own guilds' events. This is the one process-spawning test of the
 * sharded mode.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ID, BOT_ID, FAKE_TOKEN, FakeDiscord, botUser, guildCreate, messageCreate } from './fake-discord/index.js';
import { shardOf } from './fake-discord/sharded-gateway.js';
import { installed, REDIS_SERVER } from '../helpers/machine-tools.js';
import { startRedis, type RedisServer } from '../helpers/redis-server.js';
import { waitFor } from '../helpers/wait-for.js';
import { run, type Running } from './spawn.js';
import { waitForReplyTo, posts } from './wire.js';

const SHARDS = 2;

/** A copy of the fixture guild under other ids, so that it falls on `shard`. */
function guildOnShard(shard: number, seed: bigint): Record<string, any> {
  let id = seed;
  while (shardOf(String(id), SHARDS) !== shard) id += 1n << 22n;
  const guild = guildCreate() as Record<string, any>;
  const gid = String(id);
  const channel = String(id + 1n);
  return {
    ...guild,
    id: gid,
    roles: guild.roles.map((r: any, i: number) => (i === 0 ? { ...r, id: gid } : r)),
    channels: guild.channels.map((c: any) => ({ ...c, id: channel, guild_id: gid })),
    threads: [],
  };
}

const guilds = [guildOnShard(0, 810000000000000000n), guildOnShard(1, 820000000000000000n)];
const channelOf = (g: Record<string, any>) => g.channels[0].id as string;

let redis: RedisServer;
let fake: FakeDiscord;
let manager: Running;

beforeAll(async () => {
  [redis, fake] = await Promise.all([startRedis(), FakeDiscord.start({ sharded: { shards: SHARDS, guilds } })]);
  manager = run('adapters/shared/launch.mjs', {
    DISCORD_TOKEN: FAKE_TOKEN,
    DISCORD_APPLICATION_ID: APP_ID,
    DISCORD_API_URL: fake.apiUrl,
    DISCORD_SHARDS: 'auto',
    REDIS_URL: redis.url,
    ANSWER_WORKERS: '0',
    LOG_LEVEL: 'info',
  }, ['adapters/discord/main']);
  // Each shard logs once it is connected; the manager once every shard reported ready. Either can come first.
  const connectedLines = () => manager.stderr().split('\n').filter((l) => l.includes('"msg":"connected to Discord"')).length;
  await waitFor(() => fake.sharded!.allReady && manager.stderr().includes('every shard is ready') && connectedLines() === SHARDS, { intervalMs: 50, what: 'both shards to connect' });
});

afterAll(async () => {
  if (manager.child.exitCode === null) manager.child.kill('SIGTERM');
  await manager.exited();
  await fake.close();
  await redis.close();
});

describe.skipIf(!installed(REDIS_SERVER, import.meta.url))('sharded Discord bot', () => {
  it('runs the recommended number of shards, each holding only its own guilds', () => {
    expect(fake.sharded!.identified.sort()).toEqual([0, 1]);
    const connected = manager
      .stderr()
      .split('\n')
      .filter((l) => l.includes('"msg":"connected to Discord"'))
      .map((l) => JSON.parse(l) as { shards: number[]; guilds: number });
    expect(connected.map((c) => c.shards[0]).sort()).toEqual([0, 1]);
    for (const c of connected) expect(c.guilds).toBe(1);
  });

  it('answers a mention in each guild once, from the shard that owns the guild', async () => {
    const sent = guilds.map((g) => fake.sendMessage(messageCreate(`<@${BOT_ID}> What is Stargate?`, { guildId: g.id, channelId: channelOf(g), mentions: [botUser] })));
    for (const [i, g] of guilds.entries()) await waitForReplyTo(fake, channelOf(g), sent[i]!.id);
    for (const g of guilds) expect(posts(fake, channelOf(g))).toHaveLength(1);
    expect(fake.sharded!.routed.filter(([t]) => t === 'MESSAGE_CREATE').map(([, guild, shard]) => [guild, shard])).toEqual(guilds.map((g, i) => [g.id, i]));
  });

  it('stops every shard on SIGTERM and exits 0', async () => {
    manager.child.kill('SIGTERM');
    expect(await manager.exited()).toBe(0);
    expect(manager.stderr()).not.toContain(FAKE_TOKEN);
  });
});
