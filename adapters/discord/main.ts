/**
 * `npm run discord`: reads the environment, connects to Discord and answers
 * until SIGINT/SIGTERM (shared/service.ts). With DISCORD_SHARDS it starts a
 * ShardingManager instead, which runs this same entry once per shard.
 */
import { runService } from '../shared/service.js';
import { discordService } from './service.js';
import { isShardManager, runShardManager } from './shards.js';

if (isShardManager(process.env)) void runShardManager(process.argv[1]!);
else void runService(discordService());
