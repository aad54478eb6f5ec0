/**
 * `npm run eval` (adapters/cli/eval-run.ts) as docs/evaluation.md describes
 * it: the example question file of the page, the shape of its text and JSON
 * output, and a question file that cannot be scored.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runEval } from '../../adapters/cli/eval-run.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const EXAMPLE = join(ROOT, 'docs/examples/questions.json');
const tmp = mkdtempSync(join(tmpdir(), 'qa-eval-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function evalCli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const [stdout, stderr] = [new PassThrough(), new PassThrough()];
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d));
  stderr.on('data', (d: Buffer) => (err += d));
  const code = await runEval(argv, { stdout, stderr, env: {} });
  return { code, stdout: out, stderr: err };
}

describe('npm run eval', () => {
  it('docs/evaluation.md shows the example question file as it is', () => {
    const page = readFileSync(join(ROOT, 'docs/evaluation.md'), 'utf8');
    expect(page).toContain(readFileSync(EXAMPLE, 'utf8').trim());
  });

  it('scores the example: a score line, one line per style and type, and a FAIL line per case that failed', async () => {
    const file = relative(process.cwd(), EXAMPLE);
    const r = await evalCli([file, '--verbose']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(new RegExp(`^${file.replace(/[.]/g, '\\.')}: score \\d/6 = [\\d.]+% \\(answerable \\d/5, abstain \\d/1\\); lenient \\d/6; non-verbatim quotes 0$`));
    expect(lines[1]).toMatch(/^ {2}style chat: \d\/2 = [\d.]+%$/);
    expect(lines[2]).toMatch(/^ {2}type amount: \d\/2 = [\d.]+%$/);
    // The case that expects the wrong name fails whatever the engine answers.
    expect(lines.slice(3)).toContainEqual(expect.stringMatching(/^ {2}FAIL who-investai \[who announced investai\?\]: (answered|abstained): /));
  });

  it('--json: one object per file, with every case', async () => {
    const r = await evalCli([EXAMPLE, EXAMPLE, '--json']);
    const objects = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(objects).toHaveLength(2);
    expect(objects[0]).toMatchObject({ file: EXAMPLE, total: 6, answerable: 5, abstain: 1, nonVerbatim: 0 });
    expect(objects[0].results.map((c: { id: string }) => c.id)).toEqual(['investai-size', 'stargate', 'france-1', 'france-2', 'who-investai', 'no-gpus']);
    expect(objects[0].results[4]).toMatchObject({ id: 'who-investai', question: 'who announced investai?', style: 'chat', pass: false });
  });

  it('a case with no facts to check: exit 2 naming the file, the case and the field', async () => {
    const bad = join(tmp, 'bad.json');
    writeFileSync(bad, JSON.stringify({ cases: [{ id: 'ok', q: 'q', abstain: true }, { id: 'no-facts', q: 'How much?' }] }));
    const r = await evalCli([bad]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`${bad}: at cases.1: an answerable case needs "any" or "all" facts (or "abstain": true)\n`);
  });

  it('no question file: exit 2 with the usage', async () => {
    const r = await evalCli([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^no question file given\nusage: npm run --silent eval -- QUESTIONS\.json/);
  });
});
