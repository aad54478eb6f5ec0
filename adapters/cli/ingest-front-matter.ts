/**
 * The front matter `npm run ingest` writes, and whom it believes. The bot
 * cites a document by its `title`, `url`, `publisher`, `published` date and
 * `pages`, so those say what the operator and the fetch know, never what a
 * page says about itself:
 * - `url` is the address actually fetched (after the redirects allowed), and
 *   `publisher` its host name. A page's canonical link or og:url, and its
 *   og:site_name or JSON-LD publisher, are kept apart as `canonical:` and
 *   `site_name:`, marked as the page's claim; a saved page read from a file
 *   gets no `url` or `publisher` from them either.
 * - A Markdown or text file on disk is the operator's: its front matter is
 *   kept as written (this project's keys and the rest: author, tags,
 *   categories...).
 * - A Markdown or text document fetched from an address is the remote's: its
 *   `title`, date, `language`, `paragraphs` (how its own text splits) and
 *   descriptive keys (author, description, tags, categories...) are kept;
 *   its `url` and `publisher` become the claims `canonical:` and `site_name:`;
 *   `id`, `kind`, `note` and `pages` (which would let it rename itself over
 *   another document, classify itself, or move the pages quotes cite) are
 *   dropped.
 * Other keys are kept when they are text, numbers, booleans or lists of them
 * (Hugo's `tags` and `categories`); maps (Hugo's `params`, `menu`) describe a
 * site's layout, not the document, and are left out.
 */
import { Document, isScalar, type Pair } from 'yaml';
import type { ReadText } from './ingest-read-worker.js';

/** Where a document came from, which decides what of its metadata is believed. */
export interface Provenance {
  /** The format read (".html", ".md", ".txt", ".pdf"). */
  ext: string;
  /** The address actually fetched, for a download; undefined for a file on disk. */
  fetchedUrl?: string;
}

/** Front matter keys the loader reads itself; never copied over from `extra`. */
const KNOWN = new Set(['id', 'title', 'published', 'date', 'url', 'publisher', 'kind', 'language', 'note', 'paragraphs', 'pages', 'canonical', 'site_name']);
const CLAIM = ' claimed by the page, not checked';

/** Front matter and the body, exactly as extracted. */
export function corpusDocument(text: ReadText, from: Provenance): string {
  const m = text.meta;
  const fetched = from.fetchedUrl !== undefined;
  // A local Markdown or text file is the operator's own; anything else speaks for itself only.
  const trusted = !fetched && from.ext !== '.html' && from.ext !== '.htm';
  const front: Record<string, unknown> = { title: m.title ?? text.title };
  if (m.published) front.published = typeof m.published === 'string' ? m.published : m.published.toISOString().slice(0, 10);
  if (fetched) {
    front.url = from.fetchedUrl;
    front.publisher = new URL(from.fetchedUrl!).hostname.replace(/^www\./, '');
  } else if (trusted) {
    front.url = m.url;
    front.publisher = m.publisher;
  }
  const claims: Record<string, unknown> = trusted ? {} : { canonical: m.url !== front.url ? m.url : undefined, site_name: m.publisher };
  const kept = trusted ? (['kind', 'language', 'note', 'paragraphs'] as const) : (['language', 'paragraphs'] as const);
  for (const key of kept) if (m[key]) front[key] = m[key];
  for (const [key, value] of Object.entries(claims)) if (value !== undefined) front[key] = value;
  for (const [key, value] of Object.entries(m.extra ?? {})) {
    if (KNOWN.has(key.toLowerCase()) || key in front || !isPlainValue(value)) continue;
    front[key] = value;
  }
  if (text.pages?.length && (trusted || from.ext === '.pdf')) front.pages = text.pages.map((p) => p.start);
  for (const key of Object.keys(front)) if (front[key] === undefined) delete front[key];

  const doc = new Document(front);
  for (const item of (doc.contents as { items: Pair[] }).items) {
    const key = isScalar(item.key) ? String(item.key.value) : '';
    if ((key === 'canonical' || key === 'site_name') && isScalar(item.value)) item.value.comment = CLAIM;
  }
  const body = text.body.endsWith('\n') ? text.body : `${text.body}\n`;
  return `---\n${doc.toString({ lineWidth: 0 })}---\n${body}`;
}

/** Text, a number, a boolean, or a list of them. */
function isPlainValue(value: unknown): boolean {
  const scalar = (v: unknown) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
  return value !== null && (scalar(value) || (Array.isArray(value) && value.every(scalar)));
}
