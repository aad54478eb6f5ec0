/** The feedback loop against the embedded SQLite log (the default). */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { createEngine, type Engine } from '../../src/index.js';
import { tempDir } from '../question-log/fixtures.js';
import { feedbackLoop } from './loop.js';

let engine: Engine;
const tmp = tempDir('qa-loop-');
beforeAll(async () => {
  engine = await createEngine();
});
afterAll(() => tmp.remove());

describe('feedback loop on SQLite', () => {
  it('a Slack mention and a Discord /ask get buttons; votes and notes reach npm run report -- --json', async () => {
    await feedbackLoop(engine, { kind: 'sqlite', file: join(tmp.dir, 'summit-qa.sqlite') });
  });
});
