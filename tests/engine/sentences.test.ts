/**
 * Sentence boundaries around abbreviations, initials, datelines, wrapped
 * lines and list items, on small fixtures and on the forum practice corpus;
 * and a cost that grows linearly with a paragraph's length.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../src/corpus/document.js';
import { markdownFromText } from '../../src/corpus/readers/markdown.js';
import { segmentDocument } from '../../src/text/segment.js';
import { segmenterBreaks } from '../../src/text/sentence-breaks.js';
import { FORUM_FIXTURE } from '../helpers/fixtures.js';

const sentences = (body: string) => segmentDocument(body).sentences.map((s) => s.text);

describe('abbreviations', () => {
  it.each([
    ['Mr. Desmond Achterberg said so. Dr. Marta Quintela agreed.', ['Mr. Desmond Achterberg said so.', 'Dr. Marta Quintela agreed.']],
    ['It was signed on Feb. 12 in Lisbon. It took a day.', ['It was signed on Feb. 12 in Lisbon.', 'It took a day.']],
    ['The deal is worth approx. $3.5 billion. It is large.', ['The deal is worth approx. $3.5 billion.', 'It is large.']],
    ['Fields such as e.g. Climate work and i.e. Medicine.', ['Fields such as e.g. Climate work and i.e. Medicine.']],
    ['She earned a J.D. from Yale. Rosa Kim, J.D., said yes.', ['She earned a J.D. from Yale.', 'Rosa Kim, J.D., said yes.']],
    ['The firm is based in Raleigh, N.C. Its chief is J. R. Smith.', ['The firm is based in Raleigh, N.C.', 'Its chief is J. R. Smith.']],
    ['The U.S. Department of Commerce objected. Officials left.', ['The U.S. Department of Commerce objected.', 'Officials left.']],
    ['The company employs 2,300 people, most in the U.S. It opened a Dublin office in 2021.', ['The company employs 2,300 people, most in the U.S.', 'It opened a Dublin office in 2021.']],
    ['The vote said no. Rosa Kim disagreed. See No. 5 for details.', ['The vote said no.', 'Rosa Kim disagreed.', 'See No. 5 for details.']],
    ['Talks resume at 9 a.m. Monday in Lisbon. They end at 5 p.m. The press waits.', ['Talks resume at 9 a.m. Monday in Lisbon.', 'They end at 5 p.m.', 'The press waits.']],
  ])('%s', (body, expected) => {
    expect(sentences(body)).toEqual(expected);
  });
});

describe('datelines, lists and wrapped lines', () => {
  it.each([
    ['LISBON, March 3, 2026 /Newswire/ -- Quillon Semiconductors, Inc., a U.S.-based firm, agreed.', ['LISBON, March 3, 2026 /Newswire/ --', 'Quillon Semiconductors, Inc., a U.S.-based firm, agreed.']],
    ['LISBON, March 3 (CPS) - Delegates from 61 countries met.', ['LISBON, March 3 (CPS) -', 'Delegates from 61 countries met.']],
    ['LISBON — Fifty-eight countries signed.', ['LISBON —', 'Fifty-eight countries signed.']],
    ['Intro.\n\nThe main points:\n- First item without a period\n- Second item\n* Third one.\n1. Numbered', ['Intro.', 'The main points:', 'First item without a period', 'Second item', 'Third one.', 'Numbered']],
    ['Intro.\n\nA hard-wrapped sentence that\ngoes on to the next line. Then another.', ['Intro.', 'A hard-wrapped sentence that\ngoes on to the next line.', 'Then another.']],
    ['**About Quillon**\n\n*Note: three countries did not sign.*', ['About Quillon', 'Note: three countries did not sign.']],
  ])('%j', (body, expected) => {
    expect(sentences(body)).toEqual(expected);
  });
});

describe('the forum practice corpus', () => {
  const doc = (name: string) => buildDocument(name, markdownFromText(name, readFileSync(join(FORUM_FIXTURE, name), 'utf8')));

  it('the press release: titles, months, approx., e.g. and "U.S." before "It"', () => {
    const texts = doc('quillon-press-release.md').sentences.map((s) => s.text);
    expect(texts).toContain('It follows a memorandum of understanding signed with the Government of Portugal on Feb. 12 in Lisbon.');
    expect(texts).toContain('The company employs approx. 2,300 people, most of them in the U.S.');
    expect(texts).toContain('It opened its first European office, in Dublin, in 2021.');
    expect(texts.some((t) => t.startsWith('Dr. Marta Quintela, Portugal'))).toBe(true);
    expect(texts.some((t) => t.startsWith('Quillon Semiconductors, Inc., a U.S.-based designer'))).toBe(true);
    expect(texts.some((t) => t.startsWith('The Q7 is designed for training') && t.includes('e.g. climate modeling'))).toBe(true);
    for (const t of texts) expect(t).not.toMatch(/^(?:Desmond|Marta|12 in|2,300|climate)/);
  });

  it('every sentence of every forum text document is an exact body slice that starts a sentence', () => {
    for (const name of ['quillon-press-release.md', 'cps-wire-2026-03-03.txt', 'lisbon-declaration.md', 'interview-noor-castellan.md', 'lisbon-by-the-numbers.md']) {
      const d = doc(name);
      for (const s of d.sentences) {
        expect(d.body.slice(s.start, s.end)).toBe(s.text);
        expect(s.text).not.toMatch(/^(?:[a-z]|\d+ in )/);
      }
    }
  });
});

describe('long paragraphs', () => {
  it('windows give the same breaks as one pass over the text', () => {
    const text = Array.from({ length: 400 }, (_, i) => `Sentence ${i} says "quoted ${i}." Then Mr. Smith spoke.`).join(' ');
    const whole = [...new Intl.Segmenter('en', { granularity: 'sentence' }).segment(text)].map((s) => [s.index, s.index + s.segment.length]);
    expect(segmenterBreaks(text)).toEqual(whole);
  });

  it('a run with no sentence end is cut into bounded pieces at spaces, covering all of it', () => {
    const text = 'word '.repeat(5000).trim();
    const ranges = segmenterBreaks(text);
    expect(ranges[0]![0]).toBe(0);
    expect(ranges[ranges.length - 1]![1]).toBe(text.length);
    for (let i = 1; i < ranges.length; i++) expect(ranges[i]![0]).toBe(ranges[i - 1]![1]);
    for (const [a, b] of ranges) expect(b - a).toBeLessThanOrEqual(4096);
  });
});
