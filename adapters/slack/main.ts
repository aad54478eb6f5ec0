/**
 * `npm run slack`: reads the environment, connects to Slack and answers until
 * SIGINT/SIGTERM, then finishes the answers in flight (shared/service.ts).
 */
import { runService } from '../shared/service.js';
import { slackService } from './service.js';

void runService(slackService);
