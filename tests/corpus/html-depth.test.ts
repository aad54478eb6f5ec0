/**
 * HTML pages nested deeper than Readability can walk are flattened before it
 * reads them: the text and the order of its blocks stay, the excess nesting
 * goes, and a 10,000-level page reads instead of overflowing the stack.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { flattenDeepNesting, MAX_HTML_DEPTH, type TreeNode } from '../../src/corpus/readers/html-depth.js';
import { readHtml } from '../../src/corpus/readers/html.js';

const maxDepth = (root: { children: ArrayLike<unknown> }): number => {
  let deepest = 0;
  const stack: [{ children: ArrayLike<unknown> }, number][] = [[root, 1]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    deepest = Math.max(deepest, depth);
    for (const child of Array.from(node.children)) stack.push([child as { children: ArrayLike<unknown> }, depth + 1]);
  }
  return deepest;
};

describe('flattenDeepNesting', () => {
  it('leaves a page within the limit as it is', () => {
    const { document } = parseHTML('<html><body><div><p>One <b>two</b></p></div></body></html>');
    const before = document.documentElement.outerHTML;
    expect(flattenDeepNesting(document.documentElement as unknown as TreeNode, { maxDepth: 8 })).toBe(0);
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('moves what is below the limit under the element at it, in document order: small subtrees whole, taller wrappers as empty markers', () => {
    const { document } = parseHTML('<html><body><div><section><p>First</p><div><p>Second <b>bold</b></p></div></section>Tail</div></body></html>');
    expect(flattenDeepNesting(document.documentElement as unknown as TreeNode, { maxDepth: 6, keptHeight: 1 })).toBeGreaterThan(0);
    expect(document.body.outerHTML).toBe('<body><div><section><p>First</p><div></div><p></p>Second <b>bold</b></section>Tail</div></body>');
    expect(maxDepth(document.documentElement)).toBeLessThanOrEqual(6);
  });

  it('a page of 10,000 nested <div>s reads, its paragraphs in order, nested no deeper than the limit', () => {
    const depth = 10_000;
    const html = `<!doctype html><html><head><title>Deep</title></head><body>${'<div>'.repeat(depth)}<p>${'The first paragraph sits at the bottom of the page. '.repeat(3)}</p><p>${'The second paragraph follows it there. '.repeat(3)}</p>${'</div>'.repeat(depth)}</body></html>`;
    const { document } = parseHTML(html);
    flattenDeepNesting(document.documentElement as unknown as TreeNode);
    expect(maxDepth(document.documentElement)).toBeLessThanOrEqual(MAX_HTML_DEPTH);
    const read = readHtml('deep.html', Buffer.from(html));
    expect(read.body).toBe(`${'The first paragraph sits at the bottom of the page. '.repeat(3).trim()}\n\n${'The second paragraph follows it there. '.repeat(3).trim()}\n`);
  });
});
