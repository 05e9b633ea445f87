// The one element walk of the article code (precheck's depth walk, the wrapper-chain collapse,
// the sliced container search): preorder over elements without recursion, so a page nested
// thousands deep costs no stack.

/**
 * Where a preorder walk of the elements under `root` goes once `el` and everything in it is
 * done: its next sibling, or the next sibling of the nearest ancestor below `root` that has one.
 * `leave` is called for each ancestor finished on the way up (not for `el`, never for `root`).
 * Null when the walk is over, or when `el` is no longer in the tree (a live page can change
 * while a walk is paused).
 */
export function nextAfter(el: Element, root: Element, leave?: (ancestor: Element) => void): Element | null {
  let at = el;
  while (at !== root) {
    const next = at.nextElementSibling;
    if (next) return next;
    const parent = at.parentElement;
    if (!parent) return null;
    at = parent;
    if (at !== root) leave?.(at);
  }
  return null;
}
