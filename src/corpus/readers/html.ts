/**
 * `.html` / `.htm`: the article body only. Mozilla's Readability (the Firefox
 * reader view) picks the article out of navigation, cookie banners, promos
 * and footers, on linkedom's DOM (measured against happy-dom: same article,
 * about half the time, a seventh of the install). The body is stored as plain
 * text, one paragraph per block element with blank lines between, so quotes
 * match the page's own text with its tags dropped, up to whitespace. Before
 * Readability sees a page, nesting past MAX_HTML_DEPTH is flattened (it
 * recurses, and slows as the cube of the depth) and newsletter and sign-up
 * boxes are removed (it would keep their headings and blurbs).
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { CorpusError } from '../../errors.js';
import { documentLimits, type DocumentLimits } from '../limits.js';
import { calendarDate, type DocumentMeta } from './front-matter.js';
import { flattenDeepNesting, type TreeNode } from './html-depth.js';
import { removePromoBoxes } from './html-promos.js';
import { decodeText } from './decode.js';
import type { DocumentText } from './types.js';

/** The little of the DOM used here (the project compiles without the DOM library). */
interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}
interface DomElement extends DomNode {
  parentElement: DomElement | null;
  getAttribute(name: string): string | null;
  remove(): void;
}
interface DomDocument {
  title: string;
  body: DomElement | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION',
  'SUMMARY', 'TABLE', 'TBODY', 'THEAD', 'TFOOT', 'TD', 'TH', 'TR', 'UL', 'BR',
]);
const NEVER_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'BUTTON', 'SELECT', 'IFRAME']);
/** Removed before a page without a recognisable article is read whole. */
const CHROME = 'script, style, noscript, template, nav, header, footer, aside, form, button, iframe, [role=dialog], [role=navigation], [aria-hidden=true], [class*=cookie], [id*=cookie], [class*=newsletter], [class*=share], [class*=related]';

type HtmlLimits = Pick<DocumentLimits, 'maxHtmlElements'>;

export function readHtml(file: string, bytes: Uint8Array, limits: HtmlLimits = documentLimits()): DocumentText {
  return htmlFromText(file, decodeText(file, bytes), limits);
}

/**
 * The page's text. A page with more elements than `limits` allow is refused
 * before it is parsed: parsing and Readability take time and memory that
 * grow with them.
 */
export function htmlFromText(file: string, html: string, limits: HtmlLimits = documentLimits()): DocumentText {
  const elements = countStartTags(html, limits.maxHtmlElements);
  if (elements > limits.maxHtmlElements) throw new CorpusError({ file }, `the page has more than the maxHtmlElements limit of ${limits.maxHtmlElements.toLocaleString('en')} elements`);
  const page = parsePage(html);
  const meta = pageMeta(page);
  const fallbackTitle = (page.querySelector('h1')?.textContent ?? page.title ?? '').replace(/\s+/g, ' ').trim();
  // Readability changes the document it reads: it gets its own copy.
  const article = new Readability(parsePage(html) as never, { charThreshold: 200 }).parse();
  let paragraphs: string[] = [];
  if (article?.content) paragraphs = blocksOf((parseHTML(`<!doctype html><html><body>${article.content}</body></html>`).document as unknown as DomDocument).body);
  if (paragraphs.join(' ').length < 200) {
    // Too little for an article (a short notice, a list page): the page without its chrome.
    for (const el of Array.from(page.querySelectorAll(CHROME))) el.remove();
    const whole = blocksOf(page.body);
    if (whole.length > 0) paragraphs = whole;
  }
  const body = paragraphs.join('\n\n');
  if (!/[\p{L}\p{N}]/u.test(body)) throw new CorpusError({ file }, 'the page has no readable text');
  const title = article?.title?.trim() || fallbackTitle || undefined;
  return { body: `${body}\n`, meta, title, problems: [] };
}

/**
 * The page parsed, nested no deeper than Readability can walk (html-depth.ts),
 * without its newsletter and sign-up boxes (html-promos.ts).
 */
function parsePage(html: string): DomDocument {
  const page = parseHTML(html).document as unknown as DomDocument & { documentElement: TreeNode | null };
  if (page.documentElement) flattenDeepNesting(page.documentElement);
  removePromoBoxes(page);
  return page;
}

/** Start tags in the markup, counted up to one past `atMost` (a cheap bound taken before parsing). */
function countStartTags(html: string, atMost: number): number {
  const tag = /<[A-Za-z]/g;
  let n = 0;
  while (n <= atMost && tag.test(html)) n++;
  return n;
}

/** The text of each block element that holds text, in document order, whitespace collapsed. */
function blocksOf(root: DomNode | null): string[] {
  const out: string[] = [];
  let current = '';
  const flush = () => {
    const text = current.replace(/\s+/g, ' ').trim();
    if (/[\p{L}\p{N}]/u.test(text)) out.push(text);
    current = '';
  };
  // An explicit stack: a deeply nested page must not overflow the call stack.
  const stack: { node: DomNode; leaving: boolean }[] = root ? [{ node: root, leaving: false }] : [];
  while (stack.length) {
    const { node, leaving } = stack.pop()!;
    if (node.nodeType === 3) {
      current += node.textContent ?? '';
      continue;
    }
    if (node.nodeType !== 1 || NEVER_TEXT.has(node.nodeName.toUpperCase())) continue;
    const block = BLOCKS.has(node.nodeName.toUpperCase());
    if (leaving) {
      if (block) flush();
      continue;
    }
    if (block) flush();
    stack.push({ node, leaving: true });
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, leaving: false });
  }
  flush();
  return out;
}

/** Date, address and publisher from the page's head: meta tags, then JSON-LD, then a <time>. */
function pageMeta(page: DomDocument): DocumentMeta {
  const attr = (selector: string, name: string) => page.querySelector(selector)?.getAttribute(name)?.trim() || undefined;
  const ld = jsonLd(page);
  const published =
    calendarDate(attr('meta[property="article:published_time"]', 'content') ?? '') ??
    calendarDate(attr('meta[name="date"]', 'content') ?? '') ??
    calendarDate(typeof ld.datePublished === 'string' ? ld.datePublished : '') ??
    calendarDate(attr('time[datetime]', 'datetime') ?? '');
  const url = attr('link[rel="canonical"]', 'href') ?? attr('meta[property="og:url"]', 'content');
  const publisher = attr('meta[property="og:site_name"]', 'content') ?? nameOf(ld.publisher);
  const author = nameOf(ld.author) ?? attr('meta[name="author"]', 'content');
  const description = attr('meta[name="description"]', 'content');
  const extra = { ...(author ? { author } : {}), ...(description ? { description } : {}) };
  return {
    ...(published ? { published } : {}),
    ...(url && /^https?:\/\//i.test(url) ? { url } : {}),
    ...(publisher ? { publisher } : {}),
    ...(Object.keys(extra).length ? { extra } : {}),
  };
}

function jsonLd(page: DomDocument): Record<string, unknown> {
  for (const script of Array.from(page.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      const value: unknown = JSON.parse(script.textContent ?? '');
      const item = Array.isArray(value) ? value[0] : value;
      if (item && typeof item === 'object') return item as Record<string, unknown>;
    } catch {
      // broken JSON-LD is common and harmless: the page's other metadata still counts
    }
  }
  return {};
}

function nameOf(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first === 'string') return first;
  if (first && typeof first === 'object' && typeof (first as { name?: unknown }).name === 'string') return (first as { name: string }).name;
  return undefined;
}
