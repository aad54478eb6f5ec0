/**
 * `npm run discord` and `npm run discord:deploy` as processes: configuration
 * faults, refused tokens, fatal gateway closes and graceful shutdown.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { deployCommands } from '../../adapters/discord/deploy.js';
import { APP_ID, FAKE_TOKEN, FakeDiscord, GUILD_ID, askInteraction } from './fake-discord/index.js';
import { waitFor } from './harness.js';
import { run } from './spawn.js';
import { edits, callbackPath } from './wire.js';

const MAIN = 'adapters/discord/main.ts';
const DEPLOY = 'adapters/discord/deploy.ts';

let fake: FakeDiscord | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

/** No stack trace: no "    at fn (file:line)" lines. */
const STACK_LINE = /^\s+at .+:\d+/m;

describe('configuration faults', () => {
  it('exits 1 with one message listing every missing variable', async () => {
    const p = run(MAIN, {});
    expect(await p.exited()).toBe(1);
    expect(p.stderr()).toBe('discord: configuration error:\n  - DISCORD_TOKEN is not set\n  - DISCORD_APPLICATION_ID is not set\n');
    expect(p.stdout()).toBe('');
  });

  it('names every malformed variable without echoing any value', async () => {
    const p = run(MAIN, {
      DISCORD_TOKEN: 'secret part with spaces',
      DISCORD_APPLICATION_ID: 'my-app',
      DISCORD_GUILD_ID: '12',
      DISCORD_API_URL: 'ftp://example.org',
      DISCORD_RATE_LIMIT: 'many',
      DISCORD_MESSAGE_CONTENT_INTENT: 'perhaps',
    });
    expect(await p.exited()).toBe(1);
    const err = p.stderr();
    for (const name of ['DISCORD_TOKEN', 'DISCORD_APPLICATION_ID', 'DISCORD_GUILD_ID', 'DISCORD_API_URL', 'DISCORD_RATE_LIMIT', 'DISCORD_MESSAGE_CONTENT_INTENT']) {
      expect(err).toContain(`  - ${name} is invalid`);
    }
    expect(err).not.toContain('secret part');
    expect(err).not.toContain('my-app');
    expect(err).not.toMatch(STACK_LINE);
  });

  it('exits 1 with the corpus error when CORPUS_DIR cannot be read', async () => {
    const p = run(MAIN, { DISCORD_TOKEN: FAKE_TOKEN, DISCORD_APPLICATION_ID: APP_ID, CORPUS_DIR: '/nonexistent/corpus-dir' });
    expect(await p.exited()).toBe(1);
    expect(p.stderr()).toMatch(/^discord: .*\/nonexistent\/corpus-dir/);
    expect(p.stderr()).not.toMatch(STACK_LINE);
    expect(p.stderr().trim().split('\n')).toHaveLength(1);
  });

  it('deploy exits 1 with the same clear message', async () => {
    const p = run(DEPLOY, { DISCORD_APPLICATION_ID: APP_ID });
    expect(await p.exited()).toBe(1);
    expect(p.stderr()).toBe('discord:deploy: configuration error:\n  - DISCORD_TOKEN is not set\n');
  });
});

describe('refused by Discord', () => {
  it('exits 1 with a clear line when the token is rejected, never printing it', async () => {
    fake = await FakeDiscord.start();
    const wrong = 'wrong-token-value-0123456789';
    const p = run(MAIN, { DISCORD_TOKEN: wrong, DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: fake.apiUrl });
    expect(await p.exited()).toBe(1);
    expect(p.stderr()).toContain('discord: Discord rejected DISCORD_TOKEN (401 Unauthorized)');
    expect(p.stderr()).not.toContain(wrong);
    expect(p.stderr()).not.toMatch(STACK_LINE);
  });

  it('exits 1 with a clear line when the gateway closes with 4004 while running', async () => {
    fake = await FakeDiscord.start();
    const p = run(MAIN, { DISCORD_TOKEN: FAKE_TOKEN, DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: fake.apiUrl });
    await waitFor(() => p.stderr().includes('connected to Discord'), { timeoutMs: 15_000, what: 'the bot to connect' });
    fake.gateway.closeWith(4004, 'Authentication failed.');
    expect(await p.exited()).toBe(1);
    expect(p.stderr()).toContain('Discord closed the gateway with 4004 (authentication failed): DISCORD_TOKEN is wrong or was reset');
    expect(p.stderr()).not.toContain(FAKE_TOKEN);
  });

  it('exits 1 explaining the Message Content intent when Discord disallows it', async () => {
    fake = await FakeDiscord.start();
    fake.gateway.rejectIdentifyWith = 4014;
    const p = run(MAIN, { DISCORD_TOKEN: FAKE_TOKEN, DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: fake.apiUrl });
    expect(await p.exited()).toBe(1);
    expect(p.stderr()).toContain('discord: Discord closed the gateway with 4014 (disallowed intents): enable "Message Content Intent"');
    expect(p.stderr()).not.toMatch(STACK_LINE);
  });
});

describe('graceful shutdown', () => {
  it('on SIGTERM finishes the answer in progress, closes the gateway and exits 0', async () => {
    fake = await FakeDiscord.start();
    const p = run(MAIN, { DISCORD_TOKEN: FAKE_TOKEN, DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: fake.apiUrl });
    await waitFor(() => p.stderr().includes('connected to Discord'), { timeoutMs: 15_000, what: 'the bot to connect' });
    fake.rest.delayMs = 300;
    const i = fake.sendInteraction(askInteraction('What is Stargate?'));
    await waitFor(() => fake!.rest.requests.find((r) => callbackPath(i).test(r.path)), { what: 'the deferral to reach Discord' });
    p.child.kill('SIGTERM');
    expect(await p.exited()).toBe(0);
    expect(edits(fake, i)).toHaveLength(1);
    await waitFor(() => fake!.gateway.clientCloses.length > 0, { what: 'the gateway close to be seen' });
    expect(fake.gateway.clientCloses).toContain(1000);
    expect(p.stderr()).toContain('"signal":"SIGTERM"');
    expect(p.stderr()).not.toContain(FAKE_TOKEN);
  });

  it('on SIGINT exits 0', async () => {
    fake = await FakeDiscord.start();
    const p = run(MAIN, { DISCORD_TOKEN: FAKE_TOKEN, DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: fake.apiUrl });
    await waitFor(() => p.stderr().includes('connected to Discord'), { timeoutMs: 15_000, what: 'the bot to connect' });
    p.child.kill('SIGINT');
    expect(await p.exited()).toBe(0);
    expect(p.stderr()).toContain('disconnected from Discord');
  });
});

describe('deploy', () => {
  it('registers /ask to the guild when DISCORD_GUILD_ID is set', async () => {
    fake = await FakeDiscord.start();
    const result = await deployCommands({ token: FAKE_TOKEN, applicationId: APP_ID, guildId: GUILD_ID, apiUrl: fake.apiUrl });
    expect(result).toEqual({ scope: 'guild', commands: ['ask'] });
    const [put] = fake.rest.find('PUT', new RegExp(`^/applications/${APP_ID}/guilds/${GUILD_ID}/commands$`));
    expect(put!.authorized).toBe(true);
    expect(put!.body[0]).toMatchObject({
      name: 'ask',
      options: [
        { name: 'question', type: 3, required: true },
        { name: 'ephemeral', type: 5 },
      ],
    });
  });

  it('registers globally otherwise, from the command line', async () => {
    fake = await FakeDiscord.start();
    const p = run(DEPLOY, { DISCORD_TOKEN: FAKE_TOKEN, DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: fake.apiUrl });
    expect(await p.exited()).toBe(0);
    expect(p.stdout()).toBe('Registered /ask globally (may take up to an hour to appear).\n');
    expect(fake.rest.find('PUT', new RegExp(`^/applications/${APP_ID}/commands$`))).toHaveLength(1);
  });

  it('says what to check when Discord refuses the registration', async () => {
    fake = await FakeDiscord.start();
    const p = run(DEPLOY, { DISCORD_TOKEN: 'not-the-right-token-42', DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: fake.apiUrl });
    expect(await p.exited()).toBe(1);
    expect(p.stderr()).toBe('discord:deploy: could not register the commands: 401: Unauthorized. Check DISCORD_TOKEN.\n');
  });
});
