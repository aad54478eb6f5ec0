/**
 * Corpus documents for the extraction tests, built straight from files with
 * segmentDocument: front matter keys the loader does not know yet (Hugo,
 * Jekyll) are read here for the date and title only, HTML is reduced to its
 * article paragraphs and the PDF is read from its Markdown source.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CorpusDocument } from '../../src/corpus/document.js';
import { slug } from '../../src/corpus/document.js';
import { segmentDocument } from '../../src/text/segment.js';

/** A copy of ../shared/eval/forum/corpus (with the PDF's source text as fact-sheet.md). */
export const FORUM_DIR = fileURLToPath(new URL('../fixtures/forum/', import.meta.url));

export function documentFrom(file: string, text: string): CorpusDocument {
  let body = text;
  const meta: Record<string, string> = {};
  const fm = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*\r?\n/.exec(text);
  if (fm) {
    body = text.slice(fm[0].length);
    for (const line of fm[1]!.split('\n')) {
      const kv = /^(\w+):\s*"?(.*?)"?\s*$/.exec(line);
      if (kv) meta[kv[1]!] = kv[2]!;
    }
  }
  if (extname(file) === '.html') {
    const published = /article:published_time" content="([^"]+)"/.exec(text)?.[1];
    if (published) meta.published = published;
    const article = /<article[^>]*>([\s\S]*?)<\/article>/.exec(text)?.[1] ?? text;
    body = [...article.replace(/<aside[\s\S]*?<\/aside>/g, '').matchAll(/<(h1|p)[^>]*>([\s\S]*?)<\/\1>/g)]
      .map((m) => m[2]!.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').trim())
      .join('\n\n');
  }
  const published = (meta.published ?? meta.date)?.slice(0, 10);
  const { paragraphs, sentences } = segmentDocument(body, 'auto');
  return {
    id: slug(basename(file, extname(file))),
    title: meta.title ?? basename(file),
    file,
    meta: { ...(published ? { published } : {}), ...(meta.kind ? { kind: meta.kind } : {}), ...(meta.title ? { title: meta.title } : {}) },
    body,
    paragraphs,
    sentences,
  };
}

/** The forum practice corpus, the PDF read from its source text. */
export function forumDocuments(): CorpusDocument[] {
  return readdirSync(FORUM_DIR)
    .filter((f) => /\.(md|txt|html)$/.test(f) && f !== 'README.md')
    .sort()
    .map((f) => documentFrom(join(FORUM_DIR, f), readFileSync(join(FORUM_DIR, f), 'utf8')));
}

export function fileDocument(path: string): CorpusDocument {
  return documentFrom(path, readFileSync(path, 'utf8'));
}
