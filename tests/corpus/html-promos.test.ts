/**
 * Newsletter, subscription and sign-up boxes are removed from a page before
 * its article is picked out, whatever their wording: by the form that asks
 * for an email address, and by a class, id or label that names one. A box is
 * removed only while it is small beside the page, so an article inside a
 * "subscriber-content" wrapper stays.
 */
import { describe, expect, it } from 'vitest';
import { readHtml } from '../../src/corpus/readers/html.js';

const PARAGRAPHS = [
  'The harbour council approved the new ferry terminal on Thursday by 24 votes to 7, after two years of debate.',
  'Construction starts in the spring and should take eighteen months, the council said, with the old terminal kept open until then.',
  'The terminal will have room for four ferries at once and a covered waiting hall for 300 passengers.',
];
const page = (boxes: string[]) =>
  `<!doctype html><html><head><title>Terminal approved</title></head><body><div class="subscriber-content"><article><h1>Ferry terminal approved</h1>
<p>${PARAGRAPHS[0]}</p>${boxes[0] ?? ''}<p>${PARAGRAPHS[1]}</p>${boxes[1] ?? ''}<p>${PARAGRAPHS[2]}</p>${boxes[2] ?? ''}</article></div></body></html>`;
const read = (html: string) => readHtml('page.html', Buffer.from(html)).body;

describe('HTML reader: promotional boxes', () => {
  it('a box with a form asking for an email address goes, heading and blurb with it, whatever it says and with no class name', () => {
    const box = `<div><h3>Sign up for our daily newsletter!</h3><p>The best harbour stories in your inbox every morning.</p>
<form action="/join"><input type="email" name="address" placeholder="Your address"><button>Join</button></form></div>`;
    const other = `<div><p>Tide tables, weekly.</p><form><input type="text" name="user_email"><input type="submit" value="OK"></form></div>`;
    expect(read(page([box, other]))).toBe(`${PARAGRAPHS.join('\n\n')}\n`);
  });

  it('a box whose class, id or aria-label names a newsletter, subscription or sign-up goes, with or without a form', () => {
    const boxes = [
      '<div class="c-inline-promo js-newsletter-box"><p>Get the Weekly Tide Table every Friday.</p><a href="/tide-table">Count me in</a></div>',
      '<section aria-label="Subscription offer"><p>Read without limits from 1 euro a week.</p></section>',
      '<aside id="signup-panel"><p>Join 40,000 readers of the morning edition.</p></aside>',
    ];
    expect(read(page(boxes))).toBe(`${PARAGRAPHS.join('\n\n')}\n`);
  });

  it('the article stays even when its wrapper has such a name, and a page with no box keeps every paragraph', () => {
    const wrapped = `<!doctype html><html><body><div class="newsletter-issue"><article><p>${PARAGRAPHS.join('</p><p>')}</p></article></div></body></html>`;
    expect(read(wrapped)).toBe(`${PARAGRAPHS.join('\n\n')}\n`);
    expect(read(page([]))).toBe(`${PARAGRAPHS.join('\n\n')}\n`);
  });
});
