/** The Discord surface as a service (shared/service.ts): configuration, secrets and start-up. */
import type { ServiceSpec } from '../shared/service.js';
import { createDiscordBot, type DiscordBotOptions } from './bot.js';
import { loadDiscordConfig, type DiscordConfig } from './config.js';

/** `bot` layers test options (REST rates, retries) over the defaults. */
export function discordService(bot: Partial<DiscordBotOptions> = {}): ServiceSpec<DiscordConfig> {
  return {
    name: 'discord',
    loadConfig: loadDiscordConfig,
    settings: (config) => config.chat,
    secrets: (config) => [config.token],
    async start({ config, logger, answerer, store, feedback, fatal }) {
      const client = createDiscordBot({ answerer, store, config, logger, onFatal: fatal, ...(feedback ? { feedback } : {}), ...(answerer.drawChart ? { drawChart: (model) => answerer.drawChart!(model) } : {}), ...bot });
      try {
        await client.start();
      } catch (error) {
        await client.client.destroy().catch(() => undefined);
        throw error;
      }
      return { stop: () => client.stop() };
    },
  };
}
