/** The REPL driven through swapped streams, as a terminal user would drive it. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { startRepl } from '../../adapters/cli/repl.js';
import { createEngine, type Engine } from '../../src/index.js';
import { tempCorpus } from '../helpers/corpus.js';

let engine: Engine;
beforeAll(async () => {
  engine = await createEngine();
});

/** Feeds lines to a REPL and returns everything it printed once it has closed. */
async function session(lines: string[], options: { terminal?: boolean; historyFile?: string; engine?: Engine; maxListedSources?: number } = {}): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (d: Buffer) => (printed += d.toString()));
  const done = startRepl({
    engine: options.engine ?? engine,
    input,
    output,
    terminal: options.terminal ?? false,
    color: false,
    historyFile: options.historyFile,
    maxListedSources: options.maxListedSources,
  });
  input.end(lines.map((l) => `${l}\n`).join(''));
  await done;
  return printed;
}

describe('REPL', () => {
  it('answers questions and keeps one conversation for follow-ups', async () => {
    const out = await session(['How much did Stargate promise?', 'when?']);
    expect(out).toContain('Up to $500 billion: ');
    expect(out).toContain('January: when the US-based Stargate project made its promise.');
    expect(out).toContain('[1] EU courts private sector for AI GigaFactories, paragraph 7');
  });

  it(':new starts a new conversation', async () => {
    const out = await session(['How much did Stargate promise?', ':new', 'when?']);
    expect(out).toContain('New conversation.');
    expect(out).not.toContain('January: ');
  });

  it(':sources lists the documents with counts', async () => {
    const out = await session([':sources']);
    expect(out).toMatch(/^1 document, \d+ sentences, \d+ figures\.\n {2}EU courts private sector for AI GigaFactories \(2025-02-11, news article\): 21 paragraphs/);
  });

  it(':sources summarises a large corpus instead of listing every document', async () => {
    const corpus = tempCorpus();
    try {
      for (let i = 1; i <= 5; i++) corpus.write(`doc-${i}.md`, `# Report ${i}\n\nThe summit in city ${i} pledged €${i} billion.\n`);
      // Each report states one amount: one figure each, found without a figures file.
      const many = await createEngine({ corpusDir: corpus.dir, snapshot: false });
      const out = await session([':sources'], { engine: many, maxListedSources: 2 });
      expect(out.split('\n').slice(0, 4)).toEqual(['5 documents, 10 sentences, 5 figures.', '  Report 1: 2 paragraphs [doc-1]', '  Report 2: 2 paragraphs [doc-2]', '  … and 3 more.']);
    } finally {
      corpus.remove();
    }
  });

  it(':figures prints the figures as a table', async () => {
    const out = await session([':figures']);
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/^figure\s+what\s+who\s+when\s+source$/);
    expect(out).toContain('€200 billion');
    expect(out).toContain('up to $500 billion');
  });

  it(':explain shows why the last answer was given, follow-up context included', async () => {
    const out = await session(['How much did Stargate promise?', 'when?', ':explain']);
    expect(out).toContain('understood: when? [when, about Stargate project]');
    expect(out).toMatch(/decision: {3}\w+ .+ at [\d.]+ \(answerable at [\d.]+\)/);
    expect(out).toMatch(/candidates:\n +1\. [\d.]+ \(search [\d.]+\) /);
  });

  it(':explain <question> explains that question', async () => {
    const out = await session([':explain how many GPUs will a gigafactory have?']);
    expect(out).toContain("The sources don't mention GPUs.");
    expect(out).toMatch(/decision: {3}abstain: the sources answer at [\d.]+ < [\d.]+/);
  });

  it(':help, unknown commands and :quit', async () => {
    const out = await session([':help', ':frobnicate', ':quit', 'How much did Stargate promise?']);
    expect(out).toContain(':sources          the documents');
    expect(out).toContain('Unknown command :frobnicate. :help lists the commands.');
    expect(out).not.toContain('$500 billion');
  });

  it('in a terminal: greets, prompts, and keeps history in a file', async () => {
    const historyFile = join(mkdtempSync(join(tmpdir(), 'summit-qa-history-')), 'history');
    const out = await session(['stargate budget?'], { terminal: true, historyFile });
    expect(out).toMatch(/^Summit Q&A: 1 document, \d+ figures\. :help for commands\./);
    expect(out).toContain('> ');
    expect(readFileSync(historyFile, 'utf8')).toBe('stargate budget?\n');
  });
});
