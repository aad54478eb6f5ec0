import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/corpus/readers/markdown.js';
import { segmentDocument, splitParagraphs } from '../../src/text/segment.js';
import { BUNDLED_CORPUS } from '../helpers/corpus.js';

const articleFile = join(BUNDLED_CORPUS, 'eu-courts-private-sector-for-ai-gigafactories.md');
const article = parseDocument(articleFile, readFileSync(articleFile, 'utf8'));
/** SHA-256 of ../shared/seed/000_202237fca8ee8a1a.txt, the article the bundled corpus quotes. */
const SEED_SHA256 = 'e98183c807edf0b38670c376b50ae38f492a618b02ea5478778a6011f5c700b5';

describe('segmentDocument on the summit article', () => {
  it('keeps the body byte for byte as the seed article', () => {
    // The seed article (beside the project, in ../shared/seed) by its SHA-256, so the check runs from the repository alone.
    expect(createHash('sha256').update(article.body).digest('hex')).toBe(SEED_SHA256);
  });

  it('gives every sentence offsets whose body slice is its text', () => {
    expect(article.sentences.length).toBeGreaterThan(30);
    for (const s of article.sentences) {
      expect(article.body.slice(s.start, s.end)).toBe(s.text);
      const paragraph = article.paragraphs[s.paragraph - 1]!;
      expect(s.start).toBeGreaterThanOrEqual(paragraph.start);
      expect(s.end).toBeLessThanOrEqual(paragraph.end);
    }
  });

  it('numbers the one-paragraph-a-line article by line', () => {
    expect(article.paragraphs).toHaveLength(21);
    const p16 = article.paragraphs[15]!;
    expect(article.body.slice(p16.start, p16.end)).toMatch(/^We aim to mobilise €200 billion/);
  });

  it('drops a trailing link and arrow from a pasted post', () => {
    const post = article.sentences.find((s) => s.text.startsWith('We aim to mobilise'))!;
    expect(post.text).toBe('We aim to mobilise €200 billion in AI investments in Europe');
  });

  it('strips the quotation marks around a quoted sentence', () => {
    const s = article.sentences.find((x) => x.text.startsWith('This aims to mobilize'))!;
    expect(s.text).toBe('This aims to mobilize a total of 200 billion euros for AI investments in Europe.');
  });

  it('keeps a closing quotation mark whose opening one is inside the sentence', () => {
    const s = article.sentences.find((x) => x.text.startsWith('She insisted'))!;
    expect(s.text.endsWith('“open for the best talent.”')).toBe(true);
  });

  it('skips segments with no words, like a lone closing quotation mark', () => {
    expect(article.sentences.every((s) => /[\p{L}\p{N}]/u.test(s.text))).toBe(true);
  });
});

describe('splitParagraphs', () => {
  it('uses blank lines when the text has them', () => {
    const body = '# Title\n\nFirst line\ncontinues here.\n\nSecond paragraph.\n';
    const ps = splitParagraphs(body);
    expect(ps.map((p) => body.slice(p.start, p.end))).toEqual(['# Title', 'First line\ncontinues here.', 'Second paragraph.']);
  });

  it('uses lines when forced to', () => {
    const body = 'One.\nTwo.\n\nThree.';
    expect(splitParagraphs(body, 'lines')).toHaveLength(3);
  });

  it('handles abbreviations and decimals without breaking sentences', () => {
    const body = 'The U.S. plan costs $1.5 billion. It starts in 2025.';
    const { sentences } = segmentDocument(body);
    expect(sentences.map((s) => s.text)).toEqual(['The U.S. plan costs $1.5 billion.', 'It starts in 2025.']);
  });

  it('drops Markdown heading and list markers from sentences but keeps offsets exact', () => {
    const body = '## A heading\n\n- a list item with words.\n';
    const { sentences } = segmentDocument(body);
    expect(sentences.map((s) => s.text)).toEqual(['A heading', 'a list item with words.']);
    for (const s of sentences) expect(body.slice(s.start, s.end)).toBe(s.text);
  });
});
