/** The one-shot CLI contract (design.md): readable, --json, --jsonl line for line, exit codes. */
import { PassThrough, Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { parseLine, runAsk } from '../../adapters/cli/ask.js';
import { answerSchemas } from '../../src/index.js';

const { AnswerSchema } = answerSchemas();
import { makePdf } from '../helpers/pdf.js';
import { tempCorpus, type TempCorpus } from '../helpers/corpus.js';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function ask(argv: string[], stdin = '', env: NodeJS.ProcessEnv = {}): Promise<Run> {
  const out = new PassThrough();
  const err = new PassThrough();
  const chunks = { out: '', err: '' };
  out.on('data', (d: Buffer) => (chunks.out += d.toString()));
  err.on('data', (d: Buffer) => (chunks.err += d.toString()));
  const code = await runAsk(argv, { stdin: Readable.from([stdin]), stdout: out, stderr: err, env });
  return { code, stdout: chunks.out, stderr: chunks.err };
}

let corpus: TempCorpus | undefined;
afterEach(() => corpus?.remove());

describe('ask "question"', () => {
  it('prints the answer, the quotes set apart and numbered, and the citations', async () => {
    const r = await ask(['How much will InvestAI mobilise?']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('€200 billion: what InvestAI aims to mobilise for AI investment in Europe.');
    expect(lines[1]).toMatch(/^ {2}“We aim to mobilise €200 billion in AI investments in Europe” .*\[1\]$/);
    expect(lines).toContain('[1] EU courts private sector for AI GigaFactories, paragraph 16');
    expect(lines).toContain('[2] same, paragraph 18');
    expect(r.stderr).toBe('');
  });

  it('joins several words into one question', async () => {
    const r = await ask(['--json', 'stargate', 'budget?']);
    expect(JSON.parse(r.stdout).answer).toContain('500 billion');
  });

  it('--explain shows the type, entities and candidates', async () => {
    const r = await ask(['--explain', 'how much is stargte']);
    expect(r.stdout).toContain('type:       how_much');
    expect(r.stdout).toContain('entities:   stargate (by spelling)');
    expect(r.stdout).toMatch(/candidates:\n {3}1\. /);
  });
});

describe('ask --json', () => {
  it('prints exactly one Answer as JSON', async () => {
    const r = await ask(['--json', 'How many GPUs will a gigafactory have?']);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const answer = AnswerSchema.parse(JSON.parse(lines[0]!));
    expect(answer).toMatchObject({ answered: false, kind: 'not_found' });
  });
});

describe('ask --jsonl', () => {
  it('answers line for line, including empty, odd and JSON lines, with follow-ups in a conversation', async () => {
    const input = [
      'How much did Stargate promise?',
      '',
      '{"question": "How much will InvestAI mobilise?", "conversation": "c1"}',
      '{"question": "and the US?", "conversation": "c1"}',
      '{"not a question": true}',
      '{broken json',
      '   ',
      'when?',
    ].join('\n');
    const r = await ask(['--jsonl'], `${input}\n`);
    expect(r.code).toBe(0);
    const answers = r.stdout.trimEnd().split('\n').map((l) => AnswerSchema.parse(JSON.parse(l)));
    expect(answers).toHaveLength(8);
    expect(answers[0]!.answer).toContain('500 billion');
    expect(answers[1]).toMatchObject({ answered: false, kind: 'invalid' });
    expect(answers[2]!.answer).toContain('200 billion');
    // The follow-up is answered within its conversation (what it resolves to is checked in tests/engine/followups.test.ts).
    expect(answers[3]!.answered).toBe(true);
    expect(answers[4]!.answered).toBe(false);
    expect(answers[5]!.answered).toBe(false);
    expect(answers[6]).toMatchObject({ answered: false, kind: 'invalid' });
    // No conversation: "when?" cannot follow up on anything.
    expect(answers[7]!.answered).toBe(false);
  });

  it('handles CRLF input and a last line without a newline', async () => {
    const r = await ask(['--jsonl'], 'stargate budget?\r\nHow much will InvestAI mobilise?');
    const answers = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { answer: string });
    expect(answers.map((a) => a.answer.slice(0, 12))).toEqual(['Up to $500 b', '€200 billion']);
  });

  it('parses a line as a question unless it is a JSON object with a string question', () => {
    expect(parseLine('{"question":"q","conversation":7}')).toEqual({ question: 'q', conversation: '7' });
    expect(parseLine('{"question":"q"}')).toEqual({ question: 'q' });
    expect(parseLine('{"question": 5}')).toEqual({ question: '{"question": 5}' });
    expect(parseLine('plain')).toEqual({ question: 'plain' });
  });
});

describe('errors and exit codes', () => {
  it('no question: usage on stderr, exit 2', async () => {
    const r = await ask([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^no question given\nusage: /);
  });

  it('an unknown flag: exit 2', async () => {
    const r = await ask(['--jsn', 'q']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Unknown option '--jsn'");
  });

  it('a broken corpus with --strict: one clear message naming the file and line, exit 1', async () => {
    corpus = tempCorpus();
    corpus.write('a.md', '---\ntitle: T\npublished: 2025-02-30\n---\nBody.');
    const r = await ask(['--strict', '--corpus', corpus.dir, 'q']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`corpus error in ${corpus.dir}/a.md, line 3, field "published": must be a real date written YYYY-MM-DD\n`);
  });

  it('a quote from a PDF names its page', async () => {
    corpus = tempCorpus();
    corpus.write('sheet.pdf', makePdf([['Fact sheet'], ['The depot employs 45 people.']]));
    const r = await ask(['--corpus', corpus.dir, 'How many people does the depot employ?']);
    expect(r.stdout).toMatch(/\[1\] Fact sheet, page 2, paragraph 2/);
  });

  it('CORPUS_STRICT=1 is --strict', async () => {
    corpus = tempCorpus();
    corpus.write('a.md', '---\ntitle: T\npublished: 2025-02-30\n---\nBody.');
    const r = await ask(['--corpus', corpus.dir, 'q'], '', { CORPUS_STRICT: '1' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/field "published": must be a real date/);
  });

  it('a corpus with one bad file among good ones starts with a warning and answers', async () => {
    corpus = tempCorpus();
    corpus.write('bridge.txt', 'The Lumen bridge will cost €12 million.');
    corpus.write('broken.md', '---\ntitle: [oops\n---\nBody.');
    corpus.write('empty.md', '');
    const r = await ask(['--json', '--corpus', corpus.dir, 'How much will the Lumen bridge cost?']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).quotes[0].text).toBe('The Lumen bridge will cost €12 million.');
    const warnings = r.stderr.trim().split('\n');
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/^corpus warning in .*broken\.md, line 2: invalid YAML: .*\(document skipped\)$/);
    expect(warnings[1]).toMatch(/^corpus warning in .*empty\.md, field "body": the document has no text \(document skipped\)$/);
  });

  it('reads the corpus from CORPUS_DIR when no flag is given', async () => {
    corpus = tempCorpus();
    corpus.write('notes.txt', 'The Lumen bridge will cost €12 million.');
    const r = await ask(['--json', 'How much will the Lumen bridge cost?'], '', { CORPUS_DIR: corpus.dir });
    expect(JSON.parse(r.stdout).quotes[0].text).toBe('The Lumen bridge will cost €12 million.');
  });
});
