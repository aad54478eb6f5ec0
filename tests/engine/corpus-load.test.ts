import { chmodSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import { CorpusError } from '../../src/errors.js';
import { BUNDLED_CORPUS, tempCorpus, type TempCorpus } from '../helpers/corpus.js';

let corpus: TempCorpus | undefined;
afterEach(() => corpus?.remove());

/** Loads a corpus made of these files in strict mode and returns the error message, with the temp dir as DIR. */
async function loadError(files: Record<string, string | Buffer>): Promise<string> {
  corpus = tempCorpus();
  for (const [name, content] of Object.entries(files)) corpus.write(name, content);
  const error = await loadCorpus(corpus.dir, { strict: true }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CorpusError);
  return (error as Error).message.split(corpus.dir).join('DIR');
}

const DOC = 'Alpha pledged €5 billion on Monday.';
const FIGURE = (extra: string) => `- id: f1\n  kind: money\n  what: the pledge\n  display: €5 billion\n  amount: 5000000000\n  currency: EUR\n  document: a\n  quote: Alpha pledged €5 billion\n${extra}`;

describe('loadCorpus: the bundled corpus', () => {
  it('loads the article, its figures, entities and lexicon', async () => {
    const c = await loadCorpus(BUNDLED_CORPUS);
    expect(c.documents.map((d) => d.title)).toEqual(['EU courts private sector for AI GigaFactories']);
    expect(c.figures.length).toBeGreaterThanOrEqual(10);
    for (const f of c.figures) {
      const doc = c.documents.find((d) => d.id === f.document)!;
      expect(doc.body.slice(f.at.start, f.at.end)).toBe(f.quote);
    }
    expect(c.entities.map((e) => e.id)).toContain('ursula-von-der-leyen');
    expect(c.lexicon.synonyms.length).toBeGreaterThan(10);
  });
});

describe('loadCorpus: documents without front matter', () => {
  it('takes the title from the first heading of a .md', async () => {
    corpus = tempCorpus();
    corpus.write('notes.md', 'Intro line.\n\n# Summit notes\n\nThe summit was in Paris.\n');
    const c = await loadCorpus(corpus.dir);
    expect(c.documents[0]).toMatchObject({ id: 'notes', title: 'Summit notes' });
  });

  it('takes the title from the file name of a plain .txt', async () => {
    corpus = tempCorpus();
    corpus.write('Press Release 2.txt', 'The summit was in Paris.');
    const c = await loadCorpus(corpus.dir);
    expect(c.documents[0]).toMatchObject({ id: 'press-release-2', title: 'Press Release 2' });
  });

  it('skips a README that describes the corpus', async () => {
    corpus = tempCorpus();
    corpus.write('README.md', '# How to add documents');
    corpus.write('a.txt', DOC);
    const c = await loadCorpus(corpus.dir);
    expect(c.documents.map((d) => d.id)).toEqual(['a']);
  });
});

describe('loadCorpus --strict: broken files name the file, the field and the line', () => {
  it('an empty directory', async () => {
    expect(await loadError({})).toBe('corpus error in DIR: no documents found (.md, .markdown, .txt, .html, .htm, .pdf)');
  });

  it('a directory that does not exist', async () => {
    await expect(loadCorpus('/nonexistent/corpus')).rejects.toThrow('corpus error in /nonexistent/corpus: cannot open the corpus directory (ENOENT)');
  });

  it('invalid YAML in front matter', async () => {
    expect(await loadError({ 'a.md': '---\ntitle: [oops\n---\nBody.' })).toMatch(/^corpus error in DIR\/a\.md, line 2: invalid YAML: /);
  });


  it('a published date that does not exist', async () => {
    expect(await loadError({ 'a.md': '---\ntitle: T\npublished: 2025-02-30\n---\nBody.' })).toBe(
      'corpus error in DIR/a.md, line 3, field "published": must be a real date written YYYY-MM-DD',
    );
  });

  it('a binary file', async () => {
    expect(await loadError({ 'a.md': Buffer.from([0x41, 0, 0x42]) })).toBe('corpus error in DIR/a.md: not a text file (it contains NUL bytes)');
  });

  it('bytes that are not UTF-8', async () => {
    expect(await loadError({ 'a.md': Buffer.from([0x41, 0x0a, 0xff, 0xfe, 0x42]) })).toBe('corpus error in DIR/a.md, line 2: not valid UTF-8 text');
  });

  it('a figure whose quote is not in its document', async () => {
    expect(await loadError({ 'a.md': DOC, 'figures.yaml': FIGURE('').replace('Alpha pledged €5', 'Alpha pledged €6') })).toBe(
      'corpus error in DIR/figures.yaml, line 8, field "[0].quote": quote is not verbatim in document "a": "Alpha pledged €6 billion"',
    );
  });

  it('duplicate figure ids', async () => {
    const figures = FIGURE('') + FIGURE('').replace('- id: f1', '- id: f1');
    expect(await loadError({ 'a.md': DOC, 'figures.yaml': figures })).toBe(
      'corpus error in DIR/figures.yaml, line 9, field "[1].id": duplicate figure id "f1" (first used in DIR/figures.yaml line 1)',
    );
  });

  it('a money figure without a currency', async () => {
    expect(await loadError({ 'a.md': DOC, 'figures.yaml': FIGURE('').replace('  currency: EUR\n', '') })).toBe(
      'corpus error in DIR/figures.yaml, line 5, field "[0].amount": a money figure needs both amount and currency',
    );
  });

  it('an invalid date in a figure', async () => {
    expect(await loadError({ 'a.md': DOC, 'figures.yaml': FIGURE('  when: 2025-13-01\n') })).toBe(
      'corpus error in DIR/figures.yaml, line 9, field "[0].when": must be a real date written YYYY-MM-DD (or YYYY-MM), or words such as "January"',
    );
  });

  it('a figure that names a document that does not exist', async () => {
    expect(await loadError({ 'a.md': DOC, 'figures.yaml': FIGURE('').replace('document: a', 'document: b') })).toBe(
      'corpus error in DIR/figures.yaml, line 7, field "[0].document": no document with id "b" (known: a)',
    );
  });

  it('a figure that names an unknown entity', async () => {
    const entities = '- id: alpha\n  name: Alpha\n  kind: person\n';
    expect(await loadError({ 'a.md': DOC, 'entities.yaml': entities, 'figures.yaml': FIGURE('  who: beta\n') })).toBe(
      'corpus error in DIR/figures.yaml, line 9, field "[0].who": no entity with id "beta"',
    );
  });

  it('duplicate entity ids', async () => {
    const entities = '- id: alpha\n  name: Alpha\n  kind: person\n- id: alpha\n  name: Alpha Two\n  kind: person\n';
    expect(await loadError({ 'a.md': DOC, 'entities.yaml': entities })).toBe(
      'corpus error in DIR/entities.yaml, line 4, field "[1].id": duplicate entity id "alpha" (first used in DIR/entities.yaml line 1)',
    );
  });

  it('an entity of an unknown kind', async () => {
    expect(await loadError({ 'a.md': DOC, 'entities.yaml': '- id: alpha\n  name: Alpha\n  kind: robot\n' })).toMatch(
      /^corpus error in DIR\/entities\.yaml, line 3, field "\[0\]\.kind": /,
    );
  });

  it('a data file with a name it does not recognise', async () => {
    expect(await loadError({ 'a.md': DOC, 'stuff.yaml': 'a: 1' })).toBe(
      'corpus error in DIR/stuff.yaml: unrecognised data file: name it figures*.yaml, entities*.yaml or lexicon*.yaml',
    );
  });

  it('an unreadable directory', async () => {
    if (process.getuid?.() === 0) return; // root reads everything: the check cannot fail there
    corpus = tempCorpus();
    corpus.write('a.md', DOC);
    chmodSync(corpus.dir, 0o000);
    try {
      await expect(loadCorpus(corpus.dir)).rejects.toThrow(/cannot read the directory \(EACCES\)/);
    } finally {
      chmodSync(corpus.dir, 0o755);
    }
  });
});
