import { GatewayCloseCodes } from 'discord.js';

/**
 * One clear line for each gateway close code discord.js gives up on, saying
 * what the person running the bot should do. Other codes are resumed.
 */
export function fatalCloseReason(code: number): string {
  switch (code) {
    case GatewayCloseCodes.AuthenticationFailed:
      return 'Discord closed the gateway with 4004 (authentication failed): DISCORD_TOKEN is wrong or was reset; copy it again from the Developer Portal, Bot page.';
    case GatewayCloseCodes.DisallowedIntents:
      return 'Discord closed the gateway with 4014 (disallowed intents): enable "Message Content Intent" under Bot > Privileged Gateway Intents in the Developer Portal, or set DISCORD_MESSAGE_CONTENT_INTENT=false.';
    case GatewayCloseCodes.InvalidIntents:
      return 'Discord closed the gateway with 4013 (invalid intents): the requested intents are not valid.';
    case GatewayCloseCodes.InvalidShard:
      return 'Discord closed the gateway with 4010 (invalid shard).';
    case GatewayCloseCodes.ShardingRequired:
      return 'Discord closed the gateway with 4011 (sharding required): the bot is in too many servers for one connection.';
    case GatewayCloseCodes.InvalidAPIVersion:
      return 'Discord closed the gateway with 4012 (invalid API version): update discord.js.';
    default:
      return `Discord closed the gateway with code ${code} and will not take the bot back.`;
  }
}
