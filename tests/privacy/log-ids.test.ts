/**
 * Log lines carry hashed conversation ids only. A /ask conversation is one
 * user's questions in a channel, so its id holds the user id: every line
 * logged at info level while the real Slack and Discord adapters answer a
 * /ask must hold neither the raw user id nor the raw conversation id.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../src/index.js';
import { logId } from '../../adapters/shared/log-ids.js';
import { createLogger } from '../../adapters/shared/logger.js';
import { FAKE_SIGNING_SECRET, logEntries, startSlack } from '../slack/harness.js';
import { postCommand, slashCommand } from '../slack/slack-requests.js';
import { startHarness } from '../discord/harness.js';
import { askInteraction, CHANNEL_ID, user } from '../discord/fake-discord/index.js';
import { waitForEdit } from '../discord/wire.js';
import { waitFor } from '../helpers/wait-for.js';

let engine: Engine;
beforeAll(async () => {
  engine = await createEngine();
});
const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

describe('hashed ids in log lines', () => {
  it('a Slack /ask: no info line holds the raw user id; the answered line names the conversation by its hash', async () => {
    const h = await startSlack({ mode: 'http', engine, env: { LOG_LEVEL: 'info' } });
    stops.push(() => h.stop());
    const USER = 'URAWASKER9';
    await postCommand(h.url, FAKE_SIGNING_SECRET, slashCommand({ text: 'How much is InvestAI?', channel: 'CASKROOM', user: USER, responseUrl: h.fake.responseUrl('priv-1') }));
    await waitFor(() => h.fake.responses.find((r) => r.id === 'priv-1'), { what: 'the /ask answer' });
    const answered = await waitFor(() => logEntries(h.logs).find((e) => e.msg === 'answered'), { what: 'the answered log line' });
    expect(answered.conversation).toBe(logId(`slack:T1:CASKROOM:ask:${USER}`));
    expect(h.logs.join('')).not.toContain(USER);
  });

  it('a Discord /ask: no info line holds the raw user id; the answered line names the conversation by its hash', async () => {
    const h = await startHarness({ engine, logLevel: 'info' });
    stops.push(() => h.stop());
    const asker = user('712340000000000777', 'asker');
    const interaction = h.fake.sendInteraction(askInteraction('How much did Stargate promise?', { user: asker }));
    await waitForEdit(h.fake, interaction);
    const answered = await waitFor(() => h.logs.map((l) => JSON.parse(l) as Record<string, any>).find((e) => e.msg === 'answered'), { what: 'the answered log line' });
    expect(answered.conversation).toBe(logId(`discord:slash:${CHANNEL_ID}:${asker.id}`));
    expect(h.logs.join('')).not.toContain(asker.id);
  });

  it('the hash is the same for the same id within a run, differs between ids, and is never the id', () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'info', destination: { write: (l: string) => (lines.push(l), true) } as unknown as NodeJS.WritableStream });
    logger.info({ conversation: 'slack:T1:C1:ask:U1' }, 'one');
    logger.child({ conversation: 'slack:T1:C1:ask:U1' }).info('two');
    logger.info({ conversation: 'slack:T1:C1:ask:U2' }, 'three');
    const [one, two, three] = lines.map((l) => JSON.parse(l).conversation as string);
    expect(one).toMatch(/^c-[0-9a-f]{16}$/);
    expect(two).toBe(one);
    expect(three).not.toBe(one);
    expect(lines.join('')).not.toContain('U1');
  });
});
