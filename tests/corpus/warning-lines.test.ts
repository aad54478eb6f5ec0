/**
 * A corpus warning is one line, whatever the file is called: a file name
 * with a newline cannot forge a second warning line, nor one with an escape
 * sequence retitle or clear the operator's terminal.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import { CorpusError, escapeControls } from '../../src/errors.js';
import { tempCorpus, type TempCorpus } from '../helpers/corpus.js';

let corpus: TempCorpus | undefined;
afterEach(() => {
  corpus?.remove();
  corpus = undefined;
});

const FORGED = 'x\ncorpus warning in forged.md: all is well (document skipped)\n.md';
const TERMINAL = '\u001b]0;owned\u0007\u001b[2Jpage.md';

describe('warning lines', () => {
  it('a file name with a newline or escape sequences gives one warning line each, its controls escaped', async () => {
    corpus = tempCorpus();
    corpus.write('good.md', 'The harbour tram opens in June.\n');
    corpus.write(FORGED, '');
    corpus.write(TERMINAL, '   ');
    const { warnings } = await loadCorpus(corpus.dir);
    const lines = warnings.map((w) => w.split(corpus!.dir).join('DIR'));
    expect(lines).toEqual([
      'corpus warning in DIR/\\u001b]0;owned\\u0007\\u001b[2Jpage.md, field "body": the document has no text (document skipped)',
      'corpus warning in DIR/x\\ncorpus warning in forged.md: all is well (document skipped)\\n.md, field "body": the document has no text (document skipped)',
    ]);
    for (const line of warnings) expect(line).not.toMatch(/[\u0000-\u001f\u007f]/);
  });

  it('a duplicate id names both files escaped, and so does the strict-mode error', async () => {
    corpus = tempCorpus();
    corpus.write('a\rb.md', '---\nid: same\n---\nAlpha opened a depot.\n');
    corpus.write('c\u202eD.md', '---\nid: same\n---\nBeta opened a depot.\n');
    const { warnings } = await loadCorpus(corpus.dir);
    expect(warnings.map((w) => w.split(corpus!.dir).join('DIR'))).toEqual(['corpus warning in DIR/c\\u202eD.md, field "id": duplicate document id "same" (also the id of DIR/a\\rb.md) (document kept as "c-d")']);
    const error = await loadCorpus(corpus.dir, { strict: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CorpusError);
    expect((error as Error).message).not.toMatch(/[\r\u202e]/);
  });

  it('escapeControls writes C0, C1, DEL, line separators and bidi controls as escapes, and leaves other text alone', () => {
    expect(escapeControls('a\tb\nc\rd\u0000e\u007ff\u0085g\u2028h\u2067i')).toBe('a\\tb\\nc\\rd\\u0000e\\u007ff\\u0085g\\u2028h\\u2067i');
    expect(escapeControls('Résumé – “quoted” 😀')).toBe('Résumé – “quoted” 😀');
    expect(CorpusError.format({ file: 'a\nb.md', field: 'ti\ntle', line: 3 }, 'bad\nvalue')).toBe('corpus error in a\\nb.md, line 3, field "ti\\ntle": bad\\nvalue');
  });
});
