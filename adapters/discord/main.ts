/**
 * `npm run discord`: reads the environment, connects to Discord and answers
 * until SIGINT/SIGTERM (shared/service.ts). With DISCORD_SHARDS it starts a
 * ShardingManager instead, which runs this same entry once per shard.
 */
import { runService } from '../shared/service.js';
import { createDiscordBot } from './bot.js';
import { loadDiscordConfig } from './config.js';
import { isShardManager, runShardManager } from './shards.js';

if (isShardManager(process.env)) {
  void runShardManager(process.argv[1]!);
} else {
  void runService({
    name: 'discord',
    loadConfig: loadDiscordConfig,
    settings: (config) => config.chat,
    secrets: (config) => [config.token],
    async start({ config, logger, answerer, store, fatal }) {
      const bot = createDiscordBot({ answerer, store, config, logger, onFatal: fatal });
      try {
        await bot.start();
      } catch (error) {
        await bot.client.destroy().catch(() => undefined);
        throw error;
      }
      return { stop: () => bot.stop() };
    },
  });
}
