/**
 * What `npm run ingest` was given, as sources to load one at a time: a file,
 * every document under a folder, or an http(s) address. Loading a source
 * fetches or reads its bytes within the size limit, and nothing more.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { DOCUMENT_EXTENSIONS } from '../../src/index.js';
import { FetchError, fetchDocument, type FetchOptions } from './ingest-fetch.js';

export interface LoadedSource {
  bytes: Buffer;
  /** The format, as a file extension (".html"). */
  ext: string;
  /** For a download, the address actually fetched (after redirects). */
  url?: string;
  /** What to name the document written from it. */
  name: string;
}

export interface Source {
  /** What the user gave, or the file found in a folder they gave. */
  label: string;
  /** Throws a FetchError with a reason fit to print. */
  load(): Promise<LoadedSource>;
}

export interface SourceReport {
  skip(label: string, reason: string): void;
  ignore(label: string, reason: string): void;
}

/** Names a folder holds that describe it rather than belong to it. */
const NOT_DOCUMENTS = new Set(['readme.md', 'license', 'license.md', 'license.txt']);

export function isAddress(given: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(given);
}

export function urlSource(address: string, options: FetchOptions): Source {
  return {
    label: address,
    async load() {
      const fetched = await fetchDocument(address, options);
      const url = new URL(fetched.url);
      const path = url.pathname.replace(/\/+$/, '');
      return { ...fetched, name: `${url.hostname}-${basename(path, extname(path)) || 'index'}` };
    },
  };
}

/** A file, or every document under a folder (hidden files and README/LICENSE left out). */
export async function pathSources(given: string, maxBytes: number, report: SourceReport): Promise<Source[]> {
  let info;
  try {
    info = await stat(given);
  } catch (error) {
    report.skip(given, `cannot open it (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    return [];
  }
  if (info.isFile()) {
    if (DOCUMENT_EXTENSIONS.has(extname(given).toLowerCase())) return [fileSource(given, maxBytes)];
    report.skip(given, `not a document format the bot reads (${[...DOCUMENT_EXTENSIONS].join(', ')})`);
    return [];
  }
  let entries;
  try {
    entries = await readdir(given, { recursive: true, withFileTypes: true });
  } catch (error) {
    report.skip(given, `cannot read the folder (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    return [];
  }
  const files = entries
    .filter((e) => e.isFile() && !e.name.startsWith('.'))
    .map((e) => join(e.parentPath ?? given, e.name))
    .filter((p) => !p.split(/[\\/]/).some((part) => part.startsWith('.') || part === 'node_modules'))
    .sort();
  const sources: Source[] = [];
  for (const path of files) {
    if (NOT_DOCUMENTS.has(basename(path).toLowerCase())) continue;
    if (DOCUMENT_EXTENSIONS.has(extname(path).toLowerCase())) sources.push(fileSource(path, maxBytes));
    else report.ignore(path, 'not a document format the bot reads');
  }
  return sources;
}

function fileSource(path: string, maxBytes: number): Source {
  return {
    label: path,
    async load() {
      try {
        const { size } = await stat(path);
        if (size > maxBytes) throw new FetchError(`larger than the ${maxBytes.toLocaleString('en')}-byte limit (${size.toLocaleString('en')} bytes; --max-bytes)`);
        return { bytes: await readFile(path), ext: extname(path).toLowerCase(), name: basename(path, extname(path)) };
      } catch (error) {
        if (error instanceof FetchError) throw error;
        throw new FetchError(`cannot read it (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
      }
    },
  };
}
