/**
 * `npm run discord` as a real process (the one spawning smoke test of this
 * surface besides the sharded run): the launcher, the worker pool and a real
 * SIGTERM, which lets the answer in progress finish and exits 0. Everything
 * else about start-up and shutdown runs in-process in service.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { APP_ID, FAKE_TOKEN, FakeDiscord, askInteraction } from './fake-discord/index.js';
import { waitFor } from './harness.js';
import { run } from './spawn.js';
import { callbackPath, edits } from './wire.js';

let fake: FakeDiscord | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('npm run discord', () => {
  it('on SIGTERM finishes the answer in progress, closes the gateway and exits 0', async () => {
    fake = await FakeDiscord.start();
    const p = run('adapters/shared/launch.mjs', { DISCORD_TOKEN: FAKE_TOKEN, DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: fake.apiUrl, ANSWER_WORKERS: '1' }, ['adapters/discord/main']);
    await waitFor(() => p.stderr().includes('connected to Discord'), { what: 'the bot to connect' });
    fake.rest.delayMs = 300;
    const i = fake.sendInteraction(askInteraction('What is Stargate?'));
    await waitFor(() => fake!.rest.requests.find((r) => callbackPath(i).test(r.path)), { what: 'the deferral to reach Discord' });
    p.child.kill('SIGTERM');
    expect(await p.exited()).toBe(0);
    expect(edits(fake, i)).toHaveLength(1);
    expect(p.stderr()).toContain('"signal":"SIGTERM"');
    expect(p.stderr()).not.toContain(FAKE_TOKEN);
  });
});
