/** The Slack surface as a service (shared/service.ts): configuration, secrets and start-up. */
import type { ServiceSpec } from '../shared/service.js';
import { createSlackApp } from './app.js';
import { loadSlackConfig, slackSecrets, type SlackConfig } from './config.js';

export const slackService: ServiceSpec<SlackConfig> = {
  name: 'slack',
  loadConfig: loadSlackConfig,
  settings: (config) => config.chat,
  secrets: slackSecrets,
  async start({ config, logger, answerer, store, feedback }) {
    const slack = createSlackApp({ answerer, store, config, logger, ...(feedback ? { feedback } : {}), ...(answerer.drawChart ? { drawChart: (model) => answerer.drawChart!(model) } : {}) });
    await slack.start();
    return { stop: () => slack.stop() };
  },
};
