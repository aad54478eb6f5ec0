/**
 * Downloads one document for `npm run ingest`: http(s) only, with a time
 * limit for the whole transfer and a size cap checked while reading (a
 * server that lies about, or omits, Content-Length is still stopped).
 */

export interface FetchOptions {
  /** Whole request, headers and body, in ms. Default 15,000. */
  timeoutMs?: number;
  /** Largest body accepted, in bytes. Default 20 MiB. */
  maxBytes?: number;
  /** The fetch to use (tests inject one). Default: the global fetch. */
  fetch?: typeof fetch;
}

export interface Fetched {
  bytes: Buffer;
  /** The document's format as a file extension: ".html", ".pdf", ".md" or ".txt". */
  ext: string;
  /** The address after redirects. */
  url: string;
}

/** A download that failed, with a reason fit to print. */
export class FetchError extends Error {}

const BY_TYPE: Record<string, string> = {
  'text/html': '.html',
  'application/xhtml+xml': '.html',
  'application/pdf': '.pdf',
  'text/markdown': '.md',
  'text/x-markdown': '.md',
  'text/plain': '.txt',
};

export async function fetchDocument(address: string, options: FetchOptions = {}): Promise<Fetched> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const maxBytes = options.maxBytes ?? 20 * 2 ** 20;
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new FetchError('not a valid address');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchError(`only http and https addresses are fetched (got ${url.protocol})`);
  const signal = AbortSignal.timeout(timeoutMs);
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(url, { signal, redirect: 'follow', headers: { accept: 'text/html, application/pdf, text/markdown, text/plain;q=0.9, */*;q=0.1' } });
  } catch (error) {
    throw new FetchError(signal.aborted ? `no answer within ${timeoutMs} ms` : `cannot fetch (${causeOf(error)})`);
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => {});
    throw new FetchError(`the server answered ${response.status} ${response.statusText}`.trim());
  }
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => {});
    throw new FetchError(`larger than the ${maxBytes.toLocaleString('en')}-byte limit (${declared.toLocaleString('en')} bytes)`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of response.body ?? []) {
      size += chunk.byteLength;
      if (size > maxBytes) {
        await response.body?.cancel().catch(() => {});
        throw new FetchError(`larger than the ${maxBytes.toLocaleString('en')}-byte limit`);
      }
      chunks.push(Buffer.from(chunk));
    }
  } catch (error) {
    if (error instanceof FetchError) throw error;
    throw new FetchError(signal.aborted ? `not received within ${timeoutMs} ms` : `the download failed (${causeOf(error)})`);
  }
  const bytes = Buffer.concat(chunks);
  const finalUrl = response.url || url.href;
  return { bytes, ext: formatOf(response.headers.get('content-type'), finalUrl, bytes), url: finalUrl };
}

/** From the Content-Type, else the address's extension, else the first bytes. */
function formatOf(contentType: string | null, url: string, bytes: Buffer): string {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  if (type && BY_TYPE[type]) return BY_TYPE[type]!;
  const ext = /\.(html?|pdf|md|markdown|txt)$/i.exec(new URL(url).pathname)?.[1]?.toLowerCase();
  if (ext) return `.${ext}`;
  const head = bytes.subarray(0, 512).toString('latin1');
  if (head.startsWith('%PDF-')) return '.pdf';
  if (/<(?:!doctype html|html|head|body)\b/i.test(head)) return '.html';
  return '.txt';
}

function causeOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? (error as Error)?.message ?? 'error';
}
