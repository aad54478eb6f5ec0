/**
 * `npm run ingest -- PATH|URL... [--out DIR]`: turns files, folders and web
 * addresses into corpus documents: one Markdown file each, with front matter
 * (title, published, url, publisher) and the text the bot will quote, as the
 * readers extract it (HTML article body, PDF pages). Each source is ingested
 * on its own: whatever goes wrong with one (a refused or failed download, a
 * file too large, a reader that throws, or reading past its time or memory
 * budget) skips it with one line naming it and the reason, and the others are
 * still written. Exit code 0 when every source was written (or was already
 * there unchanged), 1 when one or more were skipped, 2 for a usage error; a
 * folder's files of other formats are only listed.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { CorpusError, defaultCorpusDir, escapeControls, slug } from '../../src/index.js';
import { parseCommandLine } from './command-line.js';
import { corpusDirFrom } from './corpus-option.js';
import { DEFAULT_MAX_BYTES, FetchError, type FetchOptions } from './ingest-fetch.js';
import { corpusDocument } from './ingest-front-matter.js';
import { createGuardedReader, DEFAULT_READ_MEMORY_MB, DEFAULT_READ_TIMEOUT_MS, type GuardedReader, type ReadBudget } from './ingest-guard.js';
import type { ReadText } from './ingest-read-worker.js';
import { isAddress, pathSources, urlSource, type Source, type SourceReport } from './ingest-sources.js';

export interface IngestIO {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env?: NodeJS.ProcessEnv;
  /** Download settings; name resolution and connections can be injected. */
  fetch?: FetchOptions;
  /** Reading settings (time and memory per document); the worker can be injected. */
  read?: ReadBudget;
}

export const INGEST_USAGE = `usage: npm run ingest -- PATH|URL... [--out DIR] [--force]
  PATH              a document (.md, .markdown, .txt, .html, .htm, .pdf) or a folder of them
  URL               an http(s) address of a page, PDF or text
  --out DIR         where to write the documents (default: CORPUS_DIR, else the bundled corpus)
  --force           replace a document of the same name that is already there
  --timeout MS      time limit for each download (default 15000)
  --max-bytes N     largest file or download accepted (default ${DEFAULT_MAX_BYTES})
  --read-timeout MS time limit for reading each document (default ${DEFAULT_READ_TIMEOUT_MS})
  --max-memory MB   memory limit for reading each document (default ${DEFAULT_READ_MEMORY_MB})
exit code: 0 all written, 1 some skipped, 2 usage error`;

export async function runIngest(argv: string[], io: IngestIO): Promise<number> {
  const args = parseCommandLine(argv, {
    out: { type: 'string' },
    force: { type: 'boolean', default: false },
    timeout: { type: 'string' },
    'max-bytes': { type: 'string' },
    'read-timeout': { type: 'string' },
    'max-memory': { type: 'string' },
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
    if (!Number.isSafeInteger(n) || n <= 0) throw new Error(`--${name} wants a positive whole number`);
    return n;
  };
  let fetchOptions: FetchOptions;
  let budget: ReadBudget;
  try {
    fetchOptions = { ...io.fetch, timeoutMs: number('timeout', values.timeout) ?? io.fetch?.timeoutMs, maxBytes: number('max-bytes', values['max-bytes']) ?? io.fetch?.maxBytes };
    budget = { ...io.read, timeoutMs: number('read-timeout', values['read-timeout']) ?? io.read?.timeoutMs, memoryMb: number('max-memory', values['max-memory']) ?? io.read?.memoryMb };
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n${INGEST_USAGE}\n`);
    return 2;
  }
  const maxBytes = fetchOptions.maxBytes ?? DEFAULT_MAX_BYTES;
  const out = resolve(values.out ?? corpusDirFrom(undefined, io.env ?? process.env) ?? defaultCorpusDir());
  let skipped = 0;
  let ignored = 0;
  let count = 0;
  // One line per source; names and reasons come from outside, so control characters are shown, never obeyed.
  const say = (line: string) => io.stdout.write(`${escapeControls(line)}\n`);
  const report: SourceReport = {
    skip(label, reason) {
      skipped++;
      say(`skipped ${label}: ${reason}`);
    },
    // A folder's other files (images, curation YAML) are listed but are no failure.
    ignore(label, reason) {
      ignored++;
      say(`ignored ${label}: ${reason}`);
    },
  };

  const sources: Source[] = [];
  for (const given of positionals) {
    if (isAddress(given)) sources.push(urlSource(given, fetchOptions));
    else sources.push(...(await pathSources(given, maxBytes, report)));
  }
  try {
    await mkdir(out, { recursive: true });
  } catch (error) {
    io.stderr.write(`${escapeControls(`cannot create ${out} (${(error as NodeJS.ErrnoException).code ?? 'error'})`)}\n`);
    return 1;
  }
  const reader = createGuardedReader(budget);
  const run: IngestRun = { out, force: values.force, maxBytes, reader, written: new Set() };
  try {
    for (const source of sources) {
      // Each source on its own: whatever fails, only this source is skipped.
      let outcome: Outcome;
      try {
        outcome = await ingestOne(source, run);
      } catch (error) {
        outcome = { skipped: reasonOf(error) };
      }
      if ('skipped' in outcome) report.skip(source.label, outcome.skipped);
      else {
        if (outcome.wrote) count++;
        say(outcome.line);
      }
    }
  } finally {
    await reader.close();
  }
  say(`${count} written, ${skipped} skipped${ignored ? `, ${ignored} ignored` : ''}, into ${out}`);
  return skipped > 0 ? 1 : 0;
}

interface IngestRun {
  out: string;
  force: boolean;
  maxBytes: number;
  reader: GuardedReader;
  /** Documents this run has written (or found unchanged), so two sources never share one. */
  written: Set<string>;
}

type Outcome = { skipped: string } | { wrote: boolean; line: string };

/** Loads, reads and writes one source. */
async function ingestOne(source: Source, run: IngestRun): Promise<Outcome> {
  const { bytes, ext, url, name } = await source.load();
  const read = await run.reader.read({ label: source.label, ext, bytes, limits: { maxFileBytes: run.maxBytes } });
  if (!read.ok) return { skipped: read.reason };
  const text = read.text;
  if (!/[\p{L}\p{N}]/u.test(text.body)) return { skipped: 'the document has no text' };
  const fileName = `${slug(name).slice(0, 80) || 'document'}.md`;
  const target = join(run.out, fileName);
  const content = corpusDocument(text, { ext, ...(url ? { fetchedUrl: url } : {}) });
  if (run.written.has(target)) return { skipped: `another source of this run was written as ${fileName}` };
  if (existsSync(target)) {
    const existing = await readFile(target, 'utf8').catch(() => undefined);
    if (existing === content) {
      run.written.add(target);
      return { wrote: false, line: `unchanged ${target}` };
    }
    if (!run.force) return { skipped: `${target} already exists (--force replaces it)` };
  }
  try {
    await writeFile(target, content);
  } catch (error) {
    return { skipped: `cannot write ${target} (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  run.written.add(target);
  const pages = text.pages ? `, ${text.pages.length} page${text.pages.length === 1 ? '' : 's'}` : '';
  const notes = text.problems.map((p) => `; note: ${p}`).join('');
  return { wrote: true, line: `wrote ${target} from ${source.label} ("${titleOf(text, name)}", ${text.body.length.toLocaleString('en')} characters${pages})${notes}` };
}

/** A reason fit to print for anything that went wrong: the message of the errors meant for users, the kind and message of others. */
function reasonOf(error: unknown): string {
  if (error instanceof FetchError) return error.message;
  if (error instanceof CorpusError) return error.problem;
  const e = error as Error;
  return `it failed (${e?.name ?? 'Error'}: ${e?.message ?? String(error)})`;
}

function titleOf(text: ReadText, name: string): string {
  return text.meta.title ?? text.title ?? name;
}
