/**
 * Downloads one document for `npm run ingest`: http(s) only, with a time
 * limit for the whole transfer (every redirect included) and a size cap
 * checked while reading, after decompression (a server that lies about, or
 * omits, Content-Length is still stopped, and so is a compressed bomb).
 *
 * Redirects are followed here, one hop at a time, so that every hop is
 * checked against the address policy (ingest-address-policy.ts): each
 * connection resolves its host once, checks every address, and connects to
 * exactly those addresses, so a DNS answer that changes between a check and
 * a connection (a rebind) cannot slip past.
 */
import { lookup } from 'node:dns/promises';
import { request, type IncomingMessage } from 'node:http';
import { connect as netConnect, type LookupFunction } from 'node:net';
import type { Duplex, Readable } from 'node:stream';
import { connect as tlsConnect } from 'node:tls';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { literalAddress, policyFor, refusalOf, type AddressPolicy } from './ingest-address-policy.js';

export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Where a connection goes: the host as written, and the checked addresses it resolved to. */
export interface ConnectTarget {
  hostname: string;
  port: number;
  tls: boolean;
  addresses: ResolvedAddress[];
}

export interface FetchOptions {
  /** Whole request, every redirect, headers and body, in ms. Default 15,000. */
  timeoutMs?: number;
  /** Largest body accepted (after decompression), in bytes. Default 20 MiB. */
  maxBytes?: number;
  /** Redirects followed before giving up. Default 10. */
  maxRedirects?: number;
  /** Resolves a host name to all its addresses. Default: the system resolver (dns.lookup). */
  resolve?: (hostname: string) => Promise<ResolvedAddress[]>;
  /** Opens a connection to a checked target. Default: TCP (TLS for https) to exactly `target.addresses`. */
  connect?: (target: ConnectTarget) => Duplex;
}

export interface Fetched {
  bytes: Buffer;
  /** The document's format as a file extension: ".html", ".pdf", ".md" or ".txt". */
  ext: string;
  /** The address actually fetched: the last one, after redirects. */
  url: string;
}

/** A download that failed or was refused, with a reason fit to print. */
export class FetchError extends Error {}

const BY_TYPE: Record<string, string> = {
  'text/html': '.html',
  'application/xhtml+xml': '.html',
  'application/pdf': '.pdf',
  'text/markdown': '.md',
  'text/x-markdown': '.md',
  'text/plain': '.txt',
};
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
export const DEFAULT_MAX_BYTES = 20 * 2 ** 20;
const ACCEPT = 'text/html, application/pdf, text/markdown, text/plain;q=0.9, */*;q=0.1';

export async function fetchDocument(address: string, options: FetchOptions = {}): Promise<Fetched> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxRedirects = options.maxRedirects ?? 10;
  let url = httpUrl(address);
  const policy = policyFor(url);
  const signal = AbortSignal.timeout(timeoutMs);
  for (let redirects = 0; ; redirects++) {
    const response = await get(url, policy, options, signal, timeoutMs);
    const status = response.statusCode ?? 0;
    const location = response.headers.location;
    if (REDIRECTS.has(status) && location) {
      response.destroy();
      if (redirects >= maxRedirects) throw new FetchError(`more than ${maxRedirects} redirects`);
      url = httpUrl(location, url);
      continue;
    }
    if (status < 200 || status > 299) {
      response.destroy();
      throw new FetchError(`the server answered ${status} ${response.statusMessage ?? ''}`.trim());
    }
    const declared = Number(response.headers['content-length']);
    if (declared > maxBytes && !response.headers['content-encoding']) {
      response.destroy();
      throw new FetchError(`larger than the ${maxBytes.toLocaleString('en')}-byte limit (${declared.toLocaleString('en')} bytes)`);
    }
    const bytes = await readBody(response, maxBytes, signal, timeoutMs);
    return { bytes, ext: formatOf(response.headers['content-type'], url.href, bytes), url: url.href };
  }
}

/** An http(s) URL (a redirect's Location read against the address that sent it), or a FetchError saying why not. */
function httpUrl(address: string, redirectedFrom?: URL): URL {
  let url: URL;
  try {
    url = new URL(address, redirectedFrom);
  } catch {
    throw new FetchError(redirectedFrom ? 'the server redirected to an invalid address' : 'not a valid address');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchError(`${redirectedFrom ? 'the server redirected to an address that is not http or https' : 'only http and https addresses are fetched'} (got ${url.protocol})`);
  }
  return url;
}

/** One GET, on a connection opened to checked addresses only. */
function get(url: URL, policy: AddressPolicy, options: FetchOptions, signal: AbortSignal, timeoutMs: number): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        method: 'GET',
        host: url.hostname.replace(/^\[|\]$/g, ''),
        port: Number(url.port) || (url.protocol === 'https:' ? 443 : 80),
        path: `${url.pathname}${url.search}`,
        headers: { host: url.host, accept: ACCEPT, 'accept-encoding': 'gzip, deflate, br', 'user-agent': 'summit-qa-ingest' },
        signal,
        createConnection: (_args, done) => {
          openConnection(url, policy, options).then(
            (socket) => done(null, socket),
            (error: unknown) => done(error as Error, undefined as never),
          );
          return undefined;
        },
      },
      resolve,
    );
    req.on('error', (error) => {
      if (error instanceof FetchError) reject(error);
      else reject(new FetchError(signal.aborted ? `no answer within ${timeoutMs} ms` : `cannot fetch ${url.host} (${causeOf(error)})`));
    });
    req.end();
  });
}

/** Resolves the host once, refuses any address the policy does not allow, then connects to those addresses. */
async function openConnection(url: URL, policy: AddressPolicy, options: FetchOptions): Promise<Duplex> {
  const hostname = url.hostname.replace(/^\[|\]$/g, '');
  const literal = literalAddress(url.hostname);
  let addresses: ResolvedAddress[];
  if (literal) addresses = [{ address: literal, family: literal.includes(':') ? 6 : 4 }];
  else {
    try {
      addresses = await (options.resolve ?? systemResolve)(hostname);
    } catch (error) {
      throw new FetchError(`cannot resolve ${hostname} (${causeOf(error)})`);
    }
    if (addresses.length === 0) throw new FetchError(`cannot resolve ${hostname} (no address)`);
  }
  for (const { address } of addresses) {
    const refusal = refusalOf(address, policy, literal ? address : `${hostname} (${address})`);
    if (refusal) throw new FetchError(`refused ${url.origin}: ${refusal}`);
  }
  const target: ConnectTarget = { hostname, port: Number(url.port) || (url.protocol === 'https:' ? 443 : 80), tls: url.protocol === 'https:', addresses };
  return (options.connect ?? connectTo)(target);
}

async function systemResolve(hostname: string): Promise<ResolvedAddress[]> {
  return lookup(hostname, { all: true, verbatim: true });
}

/** TCP or TLS to the checked addresses only: the lookup handed to the socket answers with them and nothing else. */
function connectTo(target: ConnectTarget): Duplex {
  const pinned: LookupFunction = (_hostname, lookupOptions, callback) => {
    if (lookupOptions.all) callback(null, target.addresses);
    else callback(null, target.addresses[0]!.address, target.addresses[0]!.family);
  };
  const common = { host: target.hostname, port: target.port, lookup: pinned, autoSelectFamily: true };
  if (!target.tls) return netConnect(common);
  return tlsConnect({ ...common, ...(literalAddress(target.hostname) ? {} : { servername: target.hostname }), ALPNProtocols: ['http/1.1'] });
}

/** The body, decompressed, up to `maxBytes`. */
async function readBody(response: IncomingMessage, maxBytes: number, signal: AbortSignal, timeoutMs: number): Promise<Buffer> {
  const encoding = String(response.headers['content-encoding'] ?? '').trim().toLowerCase();
  const decoder = encoding === 'gzip' || encoding === 'x-gzip' ? createGunzip() : encoding === 'deflate' ? createInflate() : encoding === 'br' ? createBrotliDecompress() : undefined;
  if (encoding && encoding !== 'identity' && !decoder) {
    response.destroy();
    throw new FetchError(`the server sent an encoding ingest does not read (${encoding})`);
  }
  const stream: Readable = decoder ? response.pipe(decoder) : response;
  if (decoder) response.on('error', (error) => decoder.destroy(error));
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      size += (chunk as Buffer).byteLength;
      if (size > maxBytes) throw new FetchError(`larger than the ${maxBytes.toLocaleString('en')}-byte limit`);
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    if (error instanceof FetchError) throw error;
    throw new FetchError(signal.aborted ? `not received within ${timeoutMs} ms` : `the download failed (${causeOf(error)})`);
  } finally {
    response.destroy();
    decoder?.destroy();
  }
  return Buffer.concat(chunks);
}

/** From the Content-Type, else the address's extension, else the first bytes. */
function formatOf(contentType: string | undefined, url: string, bytes: Buffer): string {
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
  const e = error as { code?: string; message?: string; cause?: { code?: string; message?: string } };
  return e?.code ?? e?.cause?.code ?? e?.message ?? 'error';
}
