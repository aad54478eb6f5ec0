/**
 * DISCORD_SHARDS: runs the bot as several shards through discord.js's
 * ShardingManager, each a process running this same entry (discord.js hands
 * it SHARDS and SHARD_COUNT). Shards share the state store (REDIS_URL).
 */
import { REST, Routes, ShardingManager } from 'discord.js';
import { isUserFacing } from '../../src/index.js';
import { createLogger, redact } from '../shared/logger.js';
import { loadDiscordConfig, type DiscordConfig } from './config.js';

/** True in the parent process of a sharded run (children carry SHARDS). */
export function isShardManager(env: NodeJS.ProcessEnv): boolean {
  return (env.DISCORD_SHARDS ?? '').trim() !== '' && env.SHARDS === undefined;
}

/** How long a shard may take to become ready before the manager gives up. */
const SHARD_READY_TIMEOUT_MS = 60_000;
/** Between two shards' starts when Discord allows one identify at a time (discord.js's default). */
const IDENTIFY_INTERVAL_MS = 5_500;

export async function runShardManager(entry: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  let config: DiscordConfig;
  try {
    config = loadDiscordConfig(env);
  } catch (error) {
    process.stderr.write(`discord: ${isUserFacing(error) ? error.message : String(error)}\n`);
    return process.exit(1);
  }
  const logger = createLogger({ secrets: [config.token], level: config.chat.logLevel ?? 'info' });
  try {
    const gateway = await gatewayInfo(config);
    const totalShards = config.shards === 'auto' ? gateway.shards : (config.shards ?? 1);
    const manager = new ShardingManager(entry, {
      totalShards,
      token: config.token,
      respawn: true,
      // A TypeScript entry (run from source) needs tsx in each shard process.
      execArgv: entry.endsWith('.ts') ? ['--import', 'tsx'] : [],
    });
    manager.on('shardCreate', (shard) => logger.info({ shard: shard.id, of: totalShards }, 'shard started'));
    const stop = (signal: string) => {
      logger.info({ signal }, 'stopping every shard');
      manager.respawn = false;
      const deaths = [...manager.shards.values()].map((shard) => new Promise<void>((resolve) => (shard.process ? (shard.once('death', () => resolve()), shard.process.kill('SIGTERM')) : resolve())));
      void Promise.all(deaths).then(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    // Discord lets max_concurrency shards identify at once; otherwise one every 5 s (discord.js's default delay).
    const delay = gateway.maxConcurrency >= totalShards ? 0 : IDENTIFY_INTERVAL_MS;
    await manager.spawn({ amount: totalShards, delay, timeout: SHARD_READY_TIMEOUT_MS });
    logger.info({ shards: totalShards }, 'every shard is ready');
  } catch (error) {
    process.stderr.write(`discord: could not start the shards: ${redact(error instanceof Error ? error.message : String(error), [config.token])}\n`);
    process.exit(1);
  }
}

/** Discord's recommended shard count and identify concurrency (GET /gateway/bot), from the configured API. */
async function gatewayInfo(config: DiscordConfig): Promise<{ shards: number; maxConcurrency: number }> {
  const rest = new REST({ api: config.apiUrl }).setToken(config.token);
  const info = (await rest.get(Routes.gatewayBot())) as { shards: number; session_start_limit?: { max_concurrency?: number } };
  return { shards: Math.max(1, info.shards), maxConcurrency: info.session_start_limit?.max_concurrency ?? 1 };
}
