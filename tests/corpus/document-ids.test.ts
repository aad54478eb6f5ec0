/**
 * Two documents claiming one id are both kept, under distinct ids, with one
 * warning naming both files; answers cite each under its own title.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import { createEngine } from '../../src/index.js';
import { tempCorpus, type TempCorpus } from '../helpers/corpus.js';

let corpus: TempCorpus | undefined;
afterEach(() => {
  corpus?.remove();
  corpus = undefined;
});

const REAL = '---\nid: investai\ntitle: InvestAI announcement\n---\nThe Commission said InvestAI will mobilise €200 billion for artificial intelligence.\n';
// Sorts first, claims the real document's id, and says something else.
const COPY = '---\nid: investai\ntitle: Harbour notice\n---\nThe harbour tram opens in June, the council said on Monday.\n';

const warningsOf = async (dir: string) => (await loadCorpus(dir)).warnings.map((w) => w.split(dir).join('DIR'));

describe('duplicate document ids', () => {
  it('the id stays with the file it names; the copy that sorts first is kept under its own file name, with a warning naming both files', async () => {
    corpus = tempCorpus();
    corpus.write('a-copy.md', COPY);
    corpus.write('real/investai.md', REAL);
    const loaded = await loadCorpus(corpus.dir);
    expect(loaded.documents.map((d) => [d.id, d.title])).toEqual([
      ['a-copy', 'Harbour notice'],
      ['investai', 'InvestAI announcement'],
    ]);
    expect(await warningsOf(corpus.dir)).toEqual(['corpus warning in DIR/a-copy.md, field "id": duplicate document id "investai" (also the id of DIR/real/investai.md) (document kept as "a-copy")']);
  });

  it('answers cite each document under its own id and title', async () => {
    corpus = tempCorpus();
    corpus.write('a-copy.md', COPY);
    corpus.write('real/investai.md', REAL);
    const engine = await createEngine({ corpusDir: corpus.dir, snapshot: false, onWarning: () => undefined });
    const cited = (question: string) => engine.ask(question).quotes.map((q) => [q.source.documentId, q.source.title, q.text]);
    expect(cited('How much will InvestAI mobilise?')[0]).toEqual(['investai', 'InvestAI announcement', expect.stringContaining('€200 billion')]);
    expect(cited('When does the harbour tram open?')[0]).toEqual(['a-copy', 'Harbour notice', expect.stringContaining('opens in June')]);
  });

  it('without a file that names the id, the first by path keeps it; a new id taken already gets a number', async () => {
    corpus = tempCorpus();
    corpus.write('one/notes.md', 'Alpha opened a depot in May.\n');
    corpus.write('two/notes.md', 'Beta opened a depot in June.\n');
    corpus.write('notes-2.md', '---\nid: notes-2\n---\nGamma opened a depot in July.\n');
    const loaded = await loadCorpus(corpus.dir);
    expect(loaded.documents.map((d) => `${d.id} ${d.file.split(corpus!.dir).join('DIR')}`)).toEqual(['notes-2 DIR/notes-2.md', 'notes DIR/one/notes.md', 'notes-3 DIR/two/notes.md']);
    expect(await warningsOf(corpus.dir)).toEqual(['corpus warning in DIR/two/notes.md: duplicate document id "notes" (also the id of DIR/one/notes.md) (document kept as "notes-3")']);
  });

  it('a curated figure of the shared id stays with the document that keeps the id', async () => {
    corpus = tempCorpus();
    corpus.write('a-copy.md', COPY);
    corpus.write('real/investai.md', REAL);
    corpus.write('figures.yaml', '- id: investai-total\n  kind: money\n  what: what InvestAI will mobilise\n  display: €200 billion\n  amount: 200000000000\n  currency: EUR\n  document: investai\n  quote: InvestAI will mobilise €200 billion\n');
    const loaded = await loadCorpus(corpus.dir);
    expect(loaded.figures.map((f) => [f.id, f.at.documentId])).toEqual([['investai-total', 'investai']]);
  });
});
