/**
 * `npm run ingest -- PATH|URL... [--out DIR]`: turns files, folders and web
 * addresses into corpus documents: one Markdown file each, with front matter
 * (title, published, url, publisher) and the text the bot will quote, as the
 * readers extract it (HTML article body, PDF pages). Reports every file
 * written and every source skipped, with the reason; exits 1 when a source
 * could not be written (a folder's files of other formats are only listed).
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { stringify } from 'yaml';
import { defaultCorpusDir, DOCUMENT_EXTENSIONS, readDocument, slug, type DocumentText } from '../../src/index.js';
import { parseCommandLine } from './command-line.js';
import { corpusDirFrom } from './corpus-option.js';
import { FetchError, fetchDocument, type FetchOptions } from './ingest-fetch.js';

export interface IngestIO {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env?: NodeJS.ProcessEnv;
  /** Download settings; the fetch itself can be injected. */
  fetch?: FetchOptions;
}

export const INGEST_USAGE = `usage: npm run ingest -- PATH|URL... [--out DIR] [--force]
  PATH          a document (.md, .markdown, .txt, .html, .htm, .pdf) or a folder of them
  URL           an http(s) address of a page, PDF or text
  --out DIR     where to write the documents (default: CORPUS_DIR, else the bundled corpus)
  --force       replace a document of the same name that is already there
  --timeout MS  time limit for each download (default 15000)
  --max-bytes N largest download accepted (default 20971520)`;

/** Names a folder holds that describe it rather than belong to it. */
const NOT_DOCUMENTS = new Set(['readme.md', 'license', 'license.md', 'license.txt']);

interface Source {
  /** What the user gave, or the file found in a folder they gave. */
  label: string;
  load(): Promise<{ bytes: Buffer; ext: string; url?: string; name: string }>;
}

export async function runIngest(argv: string[], io: IngestIO): Promise<number> {
  const args = parseCommandLine(argv, {
    out: { type: 'string' },
    force: { type: 'boolean', default: false },
    timeout: { type: 'string' },
    'max-bytes': { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  } as const, INGEST_USAGE, io);
  if (typeof args === 'number') return args;
  const { values, positionals } = args;
  if (positionals.length === 0) {
    io.stderr.write(`nothing to ingest: give files, folders or addresses\n${INGEST_USAGE}\n`);
    return 2;
  }
  const number = (name: string, value: string | undefined) => {
    if (value === undefined) return undefined;
    const n = Number(value);
    if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} wants a positive whole number`);
    return n;
  };
  let fetchOptions: FetchOptions;
  try {
    fetchOptions = { ...io.fetch, timeoutMs: number('timeout', values.timeout) ?? io.fetch?.timeoutMs, maxBytes: number('max-bytes', values['max-bytes']) ?? io.fetch?.maxBytes };
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n${INGEST_USAGE}\n`);
    return 2;
  }
  const out = resolve(values.out ?? corpusDirFrom(undefined, io.env ?? process.env) ?? defaultCorpusDir());
  const skipped: string[] = [];
  let ignored = 0;
  const skip = (label: string, reason: string) => {
    skipped.push(label);
    io.stdout.write(`skipped ${label}: ${reason}\n`);
  };
  // A folder's other files (images, curation YAML) are listed but are no failure.
  const ignore = (label: string, reason: string) => {
    ignored++;
    io.stdout.write(`ignored ${label}: ${reason}\n`);
  };

  const sources: Source[] = [];
  for (const given of positionals) {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(given)) sources.push(urlSource(given, fetchOptions));
    else await collectPaths(given, sources, skip, ignore);
  }
  await mkdir(out, { recursive: true });
  const written = new Set<string>();
  let count = 0;
  for (const source of sources) {
    try {
      const { bytes, ext, url, name } = await source.load();
      const text = await readDocument(source.label, ext, bytes);
      if (!/[\p{L}\p{N}]/u.test(text.body)) {
        skip(source.label, 'the document has no text');
        continue;
      }
      const fileName = `${slug(name).slice(0, 80) || 'document'}.md`;
      const target = join(out, fileName);
      const content = corpusDocument(text, url);
      if (written.has(target)) {
        skip(source.label, `another source of this run was written as ${fileName}`);
        continue;
      }
      if (existsSync(target)) {
        const existing = await readFile(target, 'utf8').catch(() => undefined);
        if (existing === content) {
          io.stdout.write(`unchanged ${target}\n`);
          written.add(target);
          continue;
        }
        if (!values.force) {
          skip(source.label, `${target} already exists (--force replaces it)`);
          continue;
        }
      }
      await writeFile(target, content);
      written.add(target);
      count++;
      const problems = text.problems.map((p) => `; note: ${p.message.replace(/^corpus error in [^:]*: /, '')}`).join('');
      io.stdout.write(`wrote ${target} from ${source.label} ("${titleOf(text, name)}", ${text.body.length.toLocaleString('en')} characters${text.pages ? `, ${text.pages.length} page${text.pages.length === 1 ? '' : 's'}` : ''})${problems}\n`);
    } catch (error) {
      if (!(error instanceof FetchError) && !(error instanceof Error && error.name === 'CorpusError')) throw error;
      skip(source.label, error.message.replace(/^corpus error in [^:]*: /, ''));
    }
  }
  io.stdout.write(`${count} written, ${skipped.length} skipped${ignored ? `, ${ignored} ignored` : ''}, into ${out}\n`);
  return skipped.length > 0 ? 1 : 0;
}

function urlSource(address: string, options: FetchOptions): Source {
  return {
    label: address,
    async load() {
      const fetched = await fetchDocument(address, options);
      const path = new URL(fetched.url).pathname.replace(/\/+$/, '');
      const name = `${new URL(fetched.url).hostname}-${basename(path, extname(path)) || 'index'}`;
      return { ...fetched, name };
    },
  };
}

/** A file, or every document under a folder (hidden files and README/LICENSE left out). */
async function collectPaths(given: string, sources: Source[], skip: (label: string, reason: string) => void, ignore: (label: string, reason: string) => void): Promise<void> {
  let info;
  try {
    info = await stat(given);
  } catch (error) {
    skip(given, `cannot open it (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    return;
  }
  const fileSource = (path: string): Source => ({
    label: path,
    async load() {
      try {
        return { bytes: await readFile(path), ext: extname(path).toLowerCase(), name: basename(path, extname(path)) };
      } catch (error) {
        throw new FetchError(`cannot read it (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
      }
    },
  });
  if (info.isFile()) {
    if (!DOCUMENT_EXTENSIONS.has(extname(given).toLowerCase())) skip(given, `not a document format the bot reads (${[...DOCUMENT_EXTENSIONS].join(', ')})`);
    else sources.push(fileSource(given));
    return;
  }
  const entries = await readdir(given, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile() && !e.name.startsWith('.'))
    .map((e) => join(e.parentPath ?? given, e.name))
    .filter((p) => !p.split(/[\\/]/).some((part) => part.startsWith('.') || part === 'node_modules'))
    .sort();
  for (const path of files) {
    const ext = extname(path).toLowerCase();
    if (NOT_DOCUMENTS.has(basename(path).toLowerCase())) continue;
    if (DOCUMENT_EXTENSIONS.has(ext)) sources.push(fileSource(path));
    else ignore(path, 'not a document format the bot reads');
  }
}

function titleOf(text: DocumentText, name: string): string {
  return text.meta.title ?? text.title ?? name;
}

/** Front matter (title, published, url, publisher, and what else the source said) and the body, exactly as extracted. */
export function corpusDocument(text: DocumentText, url?: string): string {
  const m = text.meta;
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
