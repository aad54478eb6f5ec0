/**
 * `npm run discord:deploy`: registers the slash commands, to DISCORD_GUILD_ID
 * when set (available at once, for testing) and globally otherwise, and prints
 * the link that invites the bot with the permissions it needs.
 */
import { pathToFileURL } from 'node:url';
import { REST, Routes } from 'discord.js';
import { isUserFacing } from '../../src/index.js';
import { redact } from '../shared/logger.js';
import { allCommands } from './commands.js';
import { loadDiscordConfig, type DiscordConfig } from './config.js';
import { describeError } from './delivery.js';
import { inviteUrl } from './invite.js';

export interface DeployResult {
  scope: 'guild' | 'global';
  commands: string[];
}

/** Overwrites the application's commands with ours (a PUT is idempotent, so re-running is safe). */
export async function deployCommands(
  config: Pick<DiscordConfig, 'token' | 'applicationId' | 'guildId' | 'apiUrl'>,
  rest: REST = new REST({ api: config.apiUrl }).setToken(config.token),
): Promise<DeployResult> {
  const route = config.guildId
    ? Routes.applicationGuildCommands(config.applicationId, config.guildId)
    : Routes.applicationCommands(config.applicationId);
  const body = allCommands();
  await rest.put(route, { body });
  return { scope: config.guildId ? 'guild' : 'global', commands: body.map((c) => c.name) };
}

export interface DeployIo {
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/** `npm run discord:deploy` as a function: two lines on stdout (what was registered, the invite link) when done, one on stderr and 1 when not. */
export async function runDeploy(io: DeployIo): Promise<number> {
  let config: DiscordConfig;
  try {
    config = loadDiscordConfig(io.env);
  } catch (error) {
    if (!isUserFacing(error)) throw error;
    io.stderr.write(`discord:deploy: ${error.message}\n`);
    return 1;
  }
  try {
    const result = await deployCommands(config);
    const where = result.scope === 'guild' ? `to guild ${config.guildId} (available now)` : 'globally (may take up to an hour to appear)';
    io.stdout.write(`Registered /${result.commands.join(', /')} ${where}.\nInvite the bot to a server: ${inviteUrl(config.applicationId)}\n`);
    return 0;
  } catch (error) {
    const d = describeError(error);
    const hint = d.status === 401 ? ' Check DISCORD_TOKEN.' : d.status === 403 || d.status === 404 ? ' Check DISCORD_APPLICATION_ID and DISCORD_GUILD_ID, and that the bot was invited with the applications.commands scope.' : '';
    io.stderr.write(`discord:deploy: could not register the commands: ${redact(String(d.message), [config.token])}.${hint}\n`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await runDeploy({ env: process.env, stdout: process.stdout, stderr: process.stderr });
}
