/**
 * `npm run discord` and `npm run discord:deploy` in-process, through the
 * functions their entry files call: configuration faults, refused tokens,
 * fatal gateway closes, LOG_LEVEL, and graceful shutdown.
 */
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { deployCommands, runDeploy } from '../../adapters/discord/deploy.js';
import { inviteUrl } from '../../adapters/discord/invite.js';
import { discordService } from '../../adapters/discord/service.js';
import { runInProcess } from '../helpers/service-io.js';
import { APP_ID, FAKE_TOKEN, FakeDiscord, GUILD_ID, askInteraction } from './fake-discord/index.js';
import { waitFor } from './harness.js';
import { callbackPath, edits } from './wire.js';

let fake: FakeDiscord | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

/** No stack trace: no "    at fn (file:line)" lines. */
const STACK_LINE = /^\s+at .+:\d+/m;
// Loopback bursts must not be throttled by the client's global limit; no worker threads needed here.
const service = discordService({ rest: { globalRequestsPerSecond: 10_000 } });
const connectedTo = (f: FakeDiscord) => ({ DISCORD_TOKEN: FAKE_TOKEN, DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: f.apiUrl, ANSWER_WORKERS: '0' });

describe('configuration faults', () => {
  it('exits 1 with one message listing every missing variable', async () => {
    const run = runInProcess(service, {});
    expect(await run.exited).toBe(1);
    expect(run.stderr()).toBe('discord: configuration error:\n  - DISCORD_TOKEN is not set\n  - DISCORD_APPLICATION_ID is not set\n');
  });

  it('names every malformed variable without echoing any value', async () => {
    const run = runInProcess(service, {
      DISCORD_TOKEN: 'secret part with spaces',
      DISCORD_APPLICATION_ID: 'my-app',
      DISCORD_GUILD_ID: '12',
      DISCORD_API_URL: 'ftp://example.org',
      DISCORD_RATE_LIMIT: 'many',
      DISCORD_MESSAGE_CONTENT_INTENT: 'perhaps',
      DISCORD_SHARDS: 'lots',
      REDIS_URL: 'http://secret-host',
    });
    expect(await run.exited).toBe(1);
    const err = run.stderr();
    for (const name of ['DISCORD_TOKEN', 'DISCORD_APPLICATION_ID', 'DISCORD_GUILD_ID', 'DISCORD_API_URL', 'DISCORD_RATE_LIMIT', 'DISCORD_MESSAGE_CONTENT_INTENT', 'DISCORD_SHARDS', 'REDIS_URL']) {
      expect(err).toContain(`  - ${name} is invalid`);
    }
    for (const value of ['secret part', 'my-app', 'secret-host', 'lots']) expect(err).not.toContain(value);
    expect(err).not.toMatch(STACK_LINE);
  });

  it('refuses LOG_LEVEL=verbose with one clear message (it used to crash with a stack trace)', async () => {
    const run = runInProcess(service, { DISCORD_TOKEN: FAKE_TOKEN, DISCORD_APPLICATION_ID: APP_ID, LOG_LEVEL: 'verbose' });
    expect(await run.exited).toBe(1);
    expect(run.stderr()).toBe('discord: configuration error:\n  - LOG_LEVEL is invalid: must be one of fatal, error, warn, info, debug, trace, silent\n');
  });

  it('exits 1 with the corpus error when CORPUS_DIR cannot be read', async () => {
    const run = runInProcess(service, { DISCORD_TOKEN: FAKE_TOKEN, DISCORD_APPLICATION_ID: APP_ID, CORPUS_DIR: '/nonexistent/corpus-dir', ANSWER_WORKERS: '0' });
    expect(await run.exited).toBe(1);
    expect(run.stderr()).toMatch(/^discord: .*\/nonexistent\/corpus-dir/);
    expect(run.stderr()).not.toMatch(STACK_LINE);
    expect(run.stderr().trim().split('\n')).toHaveLength(1);
  });
});

describe('LOG_LEVEL=debug', () => {
  it('prints discord.js\'s own debug lines (it used to print nothing), never the token', async () => {
    fake = await FakeDiscord.start();
    const run = runInProcess(service, { ...connectedTo(fake), LOG_LEVEL: 'debug' });
    await waitFor(() => run.stderr().includes('connected to Discord'), { what: 'the bot to connect' });
    expect(run.logs().filter((l) => l.level === 20 && l.msg === 'discord.js').length).toBeGreaterThan(3);
    run.signal('SIGINT');
    expect(await run.exited).toBe(0);
    expect(run.stderr()).not.toContain(FAKE_TOKEN);
  });
});

describe('refused by Discord', () => {
  it('exits 1 with a clear line when the token is rejected, never printing it', async () => {
    fake = await FakeDiscord.start();
    const wrong = 'wrong-token-value-0123456789';
    const run = runInProcess(service, { ...connectedTo(fake), DISCORD_TOKEN: wrong });
    expect(await run.exited).toBe(1);
    expect(run.stderr()).toContain('discord: Discord rejected DISCORD_TOKEN (401 Unauthorized)');
    expect(run.stderr()).not.toContain(wrong);
    expect(run.stderr()).not.toMatch(STACK_LINE);
  });

  it('exits 1 with a clear line when the gateway closes with 4004 while running', async () => {
    fake = await FakeDiscord.start();
    const run = runInProcess(service, connectedTo(fake));
    await waitFor(() => run.stderr().includes('connected to Discord'), { what: 'the bot to connect' });
    fake.gateway.closeWith(4004, 'Authentication failed.');
    expect(await run.exited).toBe(1);
    expect(run.stderr()).toContain('Discord closed the gateway with 4004 (authentication failed): DISCORD_TOKEN is wrong or was reset');
    expect(run.stderr()).not.toContain(FAKE_TOKEN);
  });

  it('exits 1 explaining the Message Content intent when Discord disallows it', async () => {
    fake = await FakeDiscord.start();
    fake.gateway.rejectIdentifyWith = 4014;
    const run = runInProcess(service, connectedTo(fake));
    expect(await run.exited).toBe(1);
    expect(run.stderr()).toContain('discord: Discord closed the gateway with 4014 (disallowed intents): enable "Message Content Intent"');
    expect(run.stderr()).not.toMatch(STACK_LINE);
  });
});

describe('graceful shutdown', () => {
  it('on SIGTERM finishes the answer in progress, closes the gateway and exits 0', async () => {
    fake = await FakeDiscord.start();
    const run = runInProcess(service, connectedTo(fake));
    await waitFor(() => run.stderr().includes('connected to Discord'), { what: 'the bot to connect' });
    fake.rest.delayMs = 300;
    const i = fake.sendInteraction(askInteraction('What is Stargate?'));
    await waitFor(() => fake!.rest.requests.find((r) => callbackPath(i).test(r.path)), { what: 'the deferral to reach Discord' });
    run.signal('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(edits(fake, i)).toHaveLength(1);
    await waitFor(() => fake!.gateway.clientCloses.length > 0, { what: 'the gateway close to be seen' });
    expect(fake.gateway.clientCloses).toContain(1000);
    expect(run.stderr()).toContain('"signal":"SIGTERM"');
    expect(run.stderr()).toContain('disconnected from Discord');
  });
});

describe('deploy', () => {
  const deploy = async (env: Record<string, string>) => {
    const [stdout, stderr] = [new PassThrough(), new PassThrough()];
    let out = '';
    let err = '';
    stdout.on('data', (d: Buffer) => (out += d));
    stderr.on('data', (d: Buffer) => (err += d));
    const code = await runDeploy({ env, stdout, stderr });
    return { code, stdout: out, stderr: err };
  };

  it('exits 1 with the same clear configuration message', async () => {
    const r = await deploy({ DISCORD_APPLICATION_ID: APP_ID });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('discord:deploy: configuration error:\n  - DISCORD_TOKEN is not set\n');
  });

  it('registers /ask to the guild when DISCORD_GUILD_ID is set', async () => {
    fake = await FakeDiscord.start();
    const result = await deployCommands({ token: FAKE_TOKEN, applicationId: APP_ID, guildId: GUILD_ID, apiUrl: fake.apiUrl });
    expect(result).toEqual({ scope: 'guild', commands: ['ask'] });
    const [put] = fake.rest.find('PUT', new RegExp(`^/applications/${APP_ID}/guilds/${GUILD_ID}/commands$`));
    expect(put!.authorized).toBe(true);
    expect(put!.body[0]).toMatchObject({ name: 'ask', options: [{ name: 'question', type: 3, required: true }, { name: 'ephemeral', type: 5 }] });
  });

  it('registers globally otherwise', async () => {
    fake = await FakeDiscord.start();
    const r = await deploy({ DISCORD_TOKEN: FAKE_TOKEN, DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: fake.apiUrl });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`Registered /ask globally (may take up to an hour to appear).\nInvite the bot to a server: ${inviteUrl(APP_ID)}\n`);
    expect(fake.rest.find('PUT', new RegExp(`^/applications/${APP_ID}/commands$`))).toHaveLength(1);
  });

  it('says what to check when Discord refuses the registration', async () => {
    fake = await FakeDiscord.start();
    const r = await deploy({ DISCORD_TOKEN: 'not-the-right-token-42', DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: fake.apiUrl });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('discord:deploy: could not register the commands: 401: Unauthorized. Check DISCORD_TOKEN.\n');
  });
});
