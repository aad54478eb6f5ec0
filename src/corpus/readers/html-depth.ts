/**
 * Caps how deeply a parsed page nests, before anything walks it recursively.
 * Readability recurses over the tree (a page of 10,000 nested <div>s
 * overflows the call stack) and its time grows about as the cube of the depth
 * (0.2 s at 128 levels, 23 s at 1,000). Browsers cap it for the same reason:
 * Blink attaches elements past 512 levels to the deepest allowed parent.
 *
 * Here the element at the cap takes in everything below it, in document
 * order: each small subtree (a paragraph with its links and emphasis, a list)
 * moves whole, so its text and blocks read as before; each tall wrapper
 * around them stays only as an empty element where it began. The text and
 * its order stay; only the excess nesting goes.
 */

/** Deepest element nesting kept (the <html> element is at depth 1). Real pages rarely pass 40. */
export const MAX_HTML_DEPTH = 64;
/** Height of the subtrees moved whole under the cap: a paragraph, a table or a nested list fits. */
export const KEPT_HEIGHT = 8;

/** The little of linkedom's DOM this needs (the project compiles without the DOM library). */
export interface TreeNode {
  nodeType: number;
  firstChild: TreeNode | null | undefined;
  nextSibling: TreeNode | null | undefined;
  insertBefore(node: TreeNode, before: TreeNode | null): unknown;
}

export interface DepthLimits {
  /** Deepest element kept. Default MAX_HTML_DEPTH. */
  maxDepth?: number;
  /** Subtrees at most this tall move whole under the cap. Default KEPT_HEIGHT (at most a quarter of maxDepth). */
  keptHeight?: number;
}

const ELEMENT = 1;

/**
 * Flattens the nesting below `root` (the <html> element, at depth 1) to at
 * most `maxDepth`, in place and without recursion. Returns how many nodes
 * were moved (0 for a page within the cap).
 */
export function flattenDeepNesting(root: TreeNode, limits: DepthLimits = {}): number {
  const maxDepth = Math.max(2, limits.maxDepth ?? MAX_HTML_DEPTH);
  const keptHeight = Math.min(limits.keptHeight ?? KEPT_HEIGHT, Math.floor(maxDepth / 4));
  // Kept subtrees hang from the cap and reach at most keptHeight below their own top.
  const capDepth = maxDepth - 1 - keptHeight;
  let moved = 0;
  const stack: [TreeNode, number][] = [[root, 1]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (depth >= capDepth) {
      moved += flattenInto(node, keptHeight);
      continue;
    }
    for (let child = node.firstChild; child; child = child.nextSibling) if (child.nodeType === ELEMENT) stack.push([child, depth + 1]);
  }
  return moved;
}

/** Makes the subtrees of `cap` no taller than `keptHeight` its children, in document order; taller elements stay as empty markers. */
function flattenInto(cap: TreeNode, keptHeight: number): number {
  const nodes = preorder(cap);
  const heights = new Map<TreeNode, number>();
  // Children follow their parent in pre-order: walking backwards, every child's height is known first.
  for (let i = nodes.length - 1; i >= 0; i--) {
    const node = nodes[i]!;
    let height = 0;
    for (let child = node.firstChild; child; child = child.nextSibling) height = Math.max(height, (heights.get(child) ?? 0) + 1);
    heights.set(node, height);
  }
  if ((heights.get(cap) ?? 0) <= keptHeight + 1) return 0;
  // The new children of the cap: a tall element (emptied), then what it held, each small subtree whole.
  const sequence: TreeNode[] = [];
  const pending = childrenLastFirst(cap);
  while (pending.length) {
    const node = pending.pop()!;
    sequence.push(node);
    if ((heights.get(node) ?? 0) > keptHeight) for (const child of childrenLastFirst(node)) pending.push(child);
  }
  // Last first: a tall element's contents have left it by the time it moves.
  for (let i = sequence.length - 1; i >= 0; i--) cap.insertBefore(sequence[i]!, cap.firstChild ?? null);
  return sequence.length;
}

/** A node's children, last first (ready to be popped in document order). */
function childrenLastFirst(node: TreeNode): TreeNode[] {
  const children: TreeNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) children.push(child);
  return children.reverse();
}

/** `node` and every node below it, in document order, without recursion. */
function preorder(node: TreeNode): TreeNode[] {
  const out: TreeNode[] = [];
  const pending = [node];
  while (pending.length) {
    const next = pending.pop()!;
    out.push(next);
    for (const child of childrenLastFirst(next)) pending.push(child);
  }
  return out;
}
