/** The front matter `npm run ingest` writes for a document. */
import { stringify } from 'yaml';
import type { ReadText } from './ingest-read-worker.js';

/** Where a document came from. */
export interface Provenance {
  /** The format read (".html", ".md", ".txt", ".pdf"). */
  ext: string;
  /** The address fetched, for a download; undefined for a file on disk. */
  fetchedUrl?: string;
}

/** Front matter (title, published, url, publisher, and what else the source said) and the body, exactly as extracted. */
export function corpusDocument(text: ReadText, from: Provenance): string {
  const m = text.meta;
  const url = from.fetchedUrl;
  const front: Record<string, unknown> = { title: m.title ?? text.title };
  if (m.published) front.published = typeof m.published === 'string' ? m.published : m.published.toISOString().slice(0, 10);
  const address = m.url ?? url;
  if (address) front.url = address;
  const publisher = m.publisher ?? (url ? new URL(url).hostname.replace(/^www\./, '') : undefined);
  if (publisher) front.publisher = publisher;
  for (const key of ['kind', 'language', 'note', 'paragraphs'] as const) if (m[key]) front[key] = m[key];
  for (const [key, value] of Object.entries(m.extra ?? {})) if (!(key in front) && key !== 'date' && value !== null && typeof value !== 'object') front[key] = value;
  if (text.pages?.length) front.pages = text.pages.map((p) => p.start);
  for (const key of Object.keys(front)) if (front[key] === undefined) delete front[key];
  const body = text.body.endsWith('\n') ? text.body : `${text.body}\n`;
  return `---\n${stringify(front, { lineWidth: 0 })}---\n${body}`;
}
