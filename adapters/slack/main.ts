/**
 * `npm run slack`: reads the environment, connects to Slack and answers until
 * SIGINT/SIGTERM, then finishes the answers in flight (shared/service.ts).
 */
import { runService } from '../shared/service.js';
import { createSlackApp } from './app.js';
import { loadSlackConfig, slackSecrets } from './config.js';

void runService({
  name: 'slack',
  loadConfig: loadSlackConfig,
  settings: (config) => config.chat,
  secrets: slackSecrets,
  async start({ config, logger, answerer, store }) {
    const slack = createSlackApp({ answerer, store, config, logger });
    await slack.start();
    return { stop: () => slack.stop() };
  },
});
