/**
 * Newsletter, subscription and sign-up boxes, removed from a page before its
 * article is picked out. Readability drops a box's form but keeps its heading
 * and blurb ("Sign up for our daily newsletter!", "The best stories in your
 * inbox"), which then read as the article's own paragraphs. A box is found
 * two ways, whatever its wording:
 * - by structure: the block around a field that asks for an email address,
 *   grown outwards while it stays small;
 * - by name: an element whose class, id or aria-label names a newsletter,
 *   subscription, sign-up, opt-in, mailing list or paywall.
 * Either way an element goes only while it is small beside the page (at most
 * BOX_MAX_CHARS of text and less than half the page's): never the article,
 * main or body, nor a wrapper that holds most of the text, so a page whose
 * article sits in a "subscriber-content" element keeps it.
 */

/** The little of linkedom's DOM used here (the project compiles without the DOM library). */
export interface PromoElement {
  nodeName: string;
  textContent: string | null;
  parentElement: PromoElement | null;
  getAttribute(name: string): string | null;
  remove(): void;
}
interface PromoDocument {
  body: PromoElement | null;
  querySelectorAll(selector: string): ArrayLike<PromoElement>;
}

/** Most text a promotional box may hold; an article's paragraphs together hold more. */
export const BOX_MAX_CHARS = 600;
/** Candidates looked at per page: real pages have a handful, and each costs a walk of its text. */
const MAX_CANDIDATES = 50;

const EMAIL_FIELD = 'input[type=email i], input[autocomplete=email i], input[name*=mail i], input[placeholder*=mail i]';
const NAMED = '[class], [id], [aria-label]';
const PROMO_NAME = /newsletter|subscri(?:be|ption)|sign-?up|opt-?in\b|optin|mailing-?list|mailchimp|mc4wp|email-?(?:capture|signup|form)|paywall/i;
const NEVER_REMOVED = new Set(['HTML', 'BODY', 'MAIN', 'ARTICLE']);

/** Removes the page's promotional boxes in place; returns how many went. */
export function removePromoBoxes(page: PromoDocument): number {
  const body = page.body;
  if (!body) return 0;
  const pageChars = textLength(body);
  const small = (el: PromoElement) => {
    if (NEVER_REMOVED.has(el.nodeName.toUpperCase())) return false;
    const chars = textLength(el);
    return chars <= BOX_MAX_CHARS && chars < pageChars / 2;
  };
  const boxes = new Set<PromoElement>();
  for (const field of Array.from(page.querySelectorAll(EMAIL_FIELD)).slice(0, MAX_CANDIDATES)) {
    let box: PromoElement | undefined;
    for (let el: PromoElement | null = field; el && small(el); el = el.parentElement) box = el;
    if (box) boxes.add(box);
  }
  let named = 0;
  for (const el of Array.from(page.querySelectorAll(NAMED))) {
    if (named >= MAX_CANDIDATES) break;
    if (!PROMO_NAME.test(`${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''} ${el.getAttribute('aria-label') ?? ''}`)) continue;
    named++;
    if (small(el)) boxes.add(el);
  }
  for (const box of boxes) box.remove();
  return boxes.size;
}

function textLength(el: PromoElement): number {
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim().length;
}
