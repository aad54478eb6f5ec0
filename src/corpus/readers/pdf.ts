/**
 * `.pdf`: the text of each page, lines rebuilt from the glyph positions and
 * paragraphs from the gaps between lines, so quotes read as the document does
 * and citations can name the page. pdfjs-dist (Mozilla's PDF.js, 5.6: the
 * last line for Node 20) is pure JavaScript; it is loaded only when a corpus
 * has a PDF. Lines of a paragraph are joined with a space and nothing else is
 * changed (hyphens stay), so the text matches `pdftotext` up to whitespace.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { CorpusError } from '../../errors.js';
import { bytesInWords, CorpusNotice, documentLimits, type DocumentLimits } from '../limits.js';
import { oversizedStream } from './pdf-streams.js';
import { limitText } from './limit-text.js';
import type { DocumentText, PageSpan } from './types.js';

/**
 * The limits a PDF is read within (see limits.ts): pages, the size its
 * streams inflate to, time, and text length. Text arrives in chunks as pdf.js works through a page, so a page
 * that draws too much text (one content stream shared by every page, drawing
 * the same line a million times) is stopped part way, not read to its end.
 */
export interface PdfOptions extends Partial<Pick<DocumentLimits, 'maxPdfPages' | 'maxPdfStreamBytes' | 'maxPdfMs' | 'maxTextChars'>> {
  /** The clock maxPdfMs is measured with, in milliseconds. Default performance.now (tests pass their own). */
  now?: () => number;
}

interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL: boolean;
}

interface Line {
  text: string;
  /** Baseline, in PDF units (up is larger). */
  y: number;
  x: number;
  height: number;
}

const BULLET = /^(?:[•◦▪▫●○■□‣⁃∙·–—*-]\s|\(?\d{1,3}[.)]\s|\(?[a-z][.)]\s)/;

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | undefined;

export async function readPdf(file: string, bytes: Uint8Array, options: PdfOptions = {}): Promise<DocumentText> {
  if (!Buffer.from(bytes.subarray(0, 1024)).includes('%PDF-')) throw new CorpusError({ file }, 'not a PDF file (no %PDF- header)');
  const { maxPdfPages: maxPages, maxPdfStreamBytes, maxPdfMs, maxTextChars } = documentLimits({ maxPdfPages: options.maxPdfPages, maxPdfStreamBytes: options.maxPdfStreamBytes, maxPdfMs: options.maxPdfMs, maxTextChars: options.maxTextChars });
  const now = options.now ?? (() => performance.now());
  const started = now();
  const checkTime = () => {
    if (now() - started > maxPdfMs) throw new CorpusError({ file }, `reading took longer than the maxPdfMs limit of ${maxPdfMs.toLocaleString('en')} ms`);
  };
  if (oversizedStream(bytes, maxPdfStreamBytes, checkTime) !== undefined) {
    throw new CorpusError({ file }, `a stream of the PDF inflates to more than the maxPdfStreamBytes limit of ${bytesInWords(maxPdfStreamBytes)}`);
  }
  const lib = await (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));
  const problems: CorpusError[] = [];
  let doc;
  try {
    doc = await lib.getDocument({
      data: new Uint8Array(bytes), // pdf.js takes ownership of the buffer it is given
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      standardFontDataUrl: standardFonts(),
      verbosity: 0,
    }).promise;
  } catch (error) {
    const name = (error as Error)?.name;
    throw new CorpusError({ file }, name === 'PasswordException' ? 'the PDF is password-protected' : `not a readable PDF (${(error as Error)?.message ?? 'unknown error'})`);
  }
  try {
    const pages: string[][] = [];
    const count = Math.min(doc.numPages, maxPages);
    if (doc.numPages > maxPages) problems.push(new CorpusNotice({ file }, `the PDF has ${doc.numPages.toLocaleString('en')} pages, more than the maxPdfPages limit of ${maxPages.toLocaleString('en')}`, `only the first ${maxPages.toLocaleString('en')} are read`));
    // Characters left before maxTextChars; a page that would pass it is read only that far, and the rest of the document not at all.
    let room = maxTextChars;
    let unfinished = false;
    for (let n = 1; n <= count && !unfinished; n++) {
      checkTime();
      const page = await doc.getPage(n);
      const text = await pageText(page, room, checkTime);
      pages.push(paragraphsOf(linesOf(text.items)));
      room -= text.chars;
      unfinished = !text.complete;
      page.cleanup();
    }
    const info = ((await doc.getMetadata().catch(() => undefined))?.info ?? {}) as { Title?: unknown };
    const read = assemble(file, pages, typeof info.Title === 'string' ? info.Title.trim() : '', problems);
    return unfinished ? limitText(file, read, { maxTextChars }, true) : read;
  } finally {
    // Also stops pdf.js working on a page left part way.
    await doc.destroy();
  }
}

type PdfPage = Awaited<ReturnType<Awaited<ReturnType<PdfJs['getDocument']>['promise']>['getPage']>>;

/**
 * A page's text items as pdf.js streams them, until their text (a character
 * for each item's break counted too) would pass `room`: then `complete` is false.
 * `checkTime` runs as each chunk arrives and throws when time is up.
 */
async function pageText(page: PdfPage, room: number, checkTime: () => void): Promise<{ items: TextItem[]; chars: number; complete: boolean }> {
  const reader = (page.streamTextContent() as ReadableStream<{ items: unknown[] }>).getReader();
  const items: TextItem[] = [];
  let chars = 0;
  let finished = false;
  try {
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) {
        finished = true;
        return { items, chars, complete: true };
      }
      for (const item of chunk.value.items) {
        if (!item || typeof item !== 'object' || !('str' in item)) continue;
        const text = item as TextItem;
        if (chars + text.str.length + 1 > room) return { items, chars, complete: false };
        items.push(text);
        chars += text.str.length + 1;
      }
      checkTime();
    }
  } finally {
    // With an Error for a reason (pdf.js asserts one), cancelling marks the stream closed first, so the
    // chunks pdf.js still sends are dropped rather than thrown on, unhandled, as a closed stream's.
    if (!finished) await reader.cancel(new Error('stopped at a limit')).catch(() => undefined);
  }
}

function assemble(file: string, pages: string[][], infoTitle: string, problems: CorpusError[]): DocumentText {
  let body = '';
  const spans: PageSpan[] = [];
  pages.forEach((paragraphs, i) => {
    if (paragraphs.length === 0) return;
    if (body) body += '\n\n';
    const start = body.length;
    body += paragraphs.join('\n\n');
    spans.push({ number: i + 1, start, end: body.length });
  });
  if (!/[\p{L}\p{N}]/u.test(body)) throw new CorpusError({ file }, 'the PDF has no text to read (scanned pages need OCR first)');
  const firstLine = pages.find((p) => p.length)?.[0];
  const title = infoTitle && !/^(?:untitled|microsoft word|document\d*)\b/i.test(infoTitle) ? infoTitle : firstLine && firstLine.length <= 160 ? firstLine : undefined;
  return { body: `${body}\n`, meta: {}, title, pages: spans, problems };
}

/** Items into lines: a new line after an end-of-line mark or when the baseline moves by more than half a line. */
export function linesOf(items: readonly TextItem[]): Line[] {
  const lines: Line[] = [];
  let line: (Line & { end: number }) | undefined;
  let breakNext = false;
  for (const item of items) {
    const x = item.transform[4] ?? 0;
    const y = item.transform[5] ?? 0;
    const height = Math.abs(item.height) || Math.abs(item.transform[3] ?? 0);
    if (item.str.length > 0) {
      const sameLine = line && !breakNext && Math.abs(line.y - y) <= Math.max(line.height, height, 1) * 0.5;
      if (!sameLine) {
        if (line) lines.push(line);
        line = { text: '', x, y, height, end: x };
      }
      const gap = x - line!.end;
      // Glyph runs set apart on the page are words apart, even when the PDF has no space between them.
      if (line!.text && gap > Math.max(height, line!.height) * 0.15 && !/\s$/.test(line!.text) && !/^\s/.test(item.str)) line!.text += ' ';
      line!.text += item.str;
      line!.end = x + item.width;
      if (height > line!.height && item.str.trim()) line!.height = height;
    }
    breakNext = item.hasEOL;
  }
  if (line) lines.push(line);
  return lines.map((l) => ({ ...l, text: l.text.replace(/\s+/g, ' ').trim() })).filter((l) => l.text.length > 0);
}

/** Lines into paragraphs: a wider gap than the page's usual line spacing, a bullet, a change of type size or a jump up (a new column) starts one. */
export function paragraphsOf(lines: readonly Line[]): string[] {
  const gaps = lines.slice(1).map((l, i) => lines[i]!.y - l.y).filter((g) => g > 0).sort((a, b) => a - b);
  // The usual spacing of lines within a paragraph: a low quantile, since the gaps between paragraphs can be as many.
  // With too few lines to tell, ordinary leading (1.25 times the type size) stands in.
  const usual = gaps.length >= 3 ? gaps[Math.floor(gaps.length / 4)]! : 1.25 * (lines[0]?.height ?? 0);
  const paragraphs: string[] = [];
  let current = '';
  lines.forEach((l, i) => {
    const prev = lines[i - 1];
    const gap = prev ? prev.y - l.y : 0;
    const sizeChange = prev ? Math.max(prev.height, l.height) / Math.max(Math.min(prev.height, l.height), 0.1) > 1.15 : false;
    const starts = !prev || gap <= 0 || (usual > 0 && gap > usual * 1.3) || BULLET.test(l.text) || sizeChange;
    if (starts && current) {
      paragraphs.push(current);
      current = '';
    }
    current = current ? `${current} ${l.text}` : l.text;
  });
  if (current) paragraphs.push(current);
  return paragraphs;
}

function standardFonts(): string | undefined {
  try {
    const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
    // In Node, pdf.js reads these with fs.readFile: a path, not a file: URL.
    return join(root, 'standard_fonts') + '/';
  } catch {
    return undefined;
  }
}
