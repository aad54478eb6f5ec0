/** Charts in the terminal: Unicode bars in the REPL, :chart and ask --chart writing PNG or SVG. */
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAsk } from '../../adapters/cli/ask.js';
import { startRepl } from '../../adapters/cli/repl.js';
import { createEngine, type Engine } from '../../src/index.js';
import { decodePng } from '../helpers/png.js';

let engine: Engine;
let dir: string;
beforeAll(async () => {
  engine = await createEngine();
  dir = mkdtempSync(join(tmpdir(), 'summit-qa-chart-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function repl(lines: string[]): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (d: Buffer) => (printed += d.toString()));
  const done = startRepl({ engine, input, output, terminal: false, color: false });
  input.end(lines.map((l) => `${l}\n`).join(''));
  await done;
  return printed;
}

async function ask(argv: string[]) {
  const out = new PassThrough();
  const err = new PassThrough();
  let stdout = '';
  let stderr = '';
  out.on('data', (d: Buffer) => (stdout += d.toString()));
  err.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await runAsk(argv, { stdin: Readable.from(['']), stdout: out, stderr: err, env: {} });
  return { code, stdout, stderr };
}

describe('REPL charts', () => {
  it('draws Unicode bars under an answer with two amounts, and none under one with a single amount', async () => {
    const out = await repl(['compare the French package with Stargate', 'how much is investai?']);
    const bars = out.split('\n').filter((l) => /█/.test(l));
    expect(bars).toHaveLength(2);
    expect(bars.find((l) => l.includes('up to $500 billion'))).toMatch(/█{28}/);
    expect(out).toContain('In US dollars (USD)');
  });

  it(':chart writes the last answer\'s chart, in order with the lines around it', async () => {
    const file = join(dir, 'last.svg');
    const out = await repl(['how much do the Champions and InvestAI add up to', `:chart ${file}`, 'How much will InvestAI mobilise?', `:chart ${join(dir, 'none.png')}`]);
    expect(readFileSync(file, 'utf8')).toMatch(/^<svg[^>]*>.*€150 billion.*<\/svg>$/s);
    const written = out.indexOf(`Chart written to ${file}.`);
    expect(written).toBeGreaterThan(out.indexOf('A total and its parts'));
    expect(written).toBeLessThan(out.indexOf('€200 billion: what InvestAI aims'));
    expect(out).toContain('No chart written: this answer has no chart');
    expect(existsSync(join(dir, 'none.png'))).toBe(false);
  });
});

describe('ask --chart', () => {
  it('writes a PNG of the answer and keeps stdout for the answer', async () => {
    const file = join(dir, 'out.png');
    const r = await ask(['--chart', file, 'compare InvestAI with Stargate']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^€200 billion \(what InvestAI/);
    expect(r.stderr).toBe(`chart written to ${file}\n`);
    const png = decodePng(readFileSync(file));
    expect(png.width).toBeGreaterThan(800);
  });

  it('refuses other file types and --jsonl with a usage error', async () => {
    expect((await ask(['--chart', join(dir, 'x.jpg'), 'compare InvestAI with Stargate'])).code).toBe(2);
    const r = await ask(['--jsonl', '--chart', join(dir, 'x.png')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/does not go with --jsonl/);
  });
});
