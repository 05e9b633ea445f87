import type { Steps } from '../run-steps';
import { nextAfter } from './walk';

// Readability's isProbablyReaderable, as resumable steps with bounded work between yields.
//
// The original (Readability-readerable.js, Apache-2.0, Mozilla) builds two static NodeLists of
// the whole page and reads the full textContent of every candidate, <article> included: on a
// 1 MB article that is one main-thread task of 20–60 ms in Chromium, too long for a content
// script that must never hold the page for 50 ms. This version gives the same answer with work
// that stays small and sliced:
// - The answer is whether the scores of all candidates add up past MIN_SCORE. Every score is
//   positive, so the order candidates are visited in does not matter: one preorder walk of the
//   elements finds them all, with a yield every WORK_PER_STEP units of work.
// - A candidate's text is measured only as far as the decision needs: once a node's text is
//   long enough to carry the sum past MIN_SCORE, the exact length changes nothing.

const MIN_SCORE = 20;
const MIN_CONTENT_LENGTH = 140;

/** Elements visited and text nodes read between two yields. */
const WORK_PER_STEP = 1500;

// Copied from Readability-readerable.js (kept in sync with Readability.js there).
const UNLIKELY_CANDIDATES =
  /-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote/i;
const OK_MAYBE_ITS_A_CANDIDATE = /and|article|body|column|content|main|shadow/i;

const WHITE_SPACE = /\s/;

/** Readability's isNodeVisible: inline display:none, `hidden` and aria-hidden hide a node. */
function isNodeVisible(node: Element): boolean {
  const style = (node as HTMLElement).style as CSSStyleDeclaration | undefined;
  if (style && style.display === 'none') return false;
  if (node.hasAttribute('hidden')) return false;
  if (node.getAttribute('aria-hidden') === 'true') {
    const className = node.className;
    return typeof className === 'string' && className.includes('fallback-image');
  }
  return true;
}

/** A node Readability's check reads: p, pre, article, and a div holding a <br> child. */
function isCandidate(el: Element): boolean {
  const name = el.localName;
  if (name === 'p' || name === 'pre' || name === 'article') return true;
  if (name !== 'div') return false;
  for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
    if (child.localName === 'br') return true;
  }
  return false;
}

/** Work counter shared by the walk and the text reads; says when it is time to yield. */
class Budget {
  private used = 0;
  spend(units = 1): boolean {
    this.used += units;
    if (this.used < WORK_PER_STEP) return false;
    this.used = 0;
    return true;
  }
}

/**
 * The length of `el`'s text with white space trimmed at both ends, read until it reaches
 * `enough` (then `enough` is returned: a longer text decides nothing more).
 */
function* trimmedLengthUpTo(el: Element, enough: number, budget: Budget): Steps<number> {
  const doc = el.ownerDocument;
  const walker = doc.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  let started = false;
  let length = 0; // from the first non-space character to the end of what was read
  let upToLastNonSpace = 0; // from the first non-space character to the last one read
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (budget.spend()) yield;
    const data = (node as Text).data;
    let from = 0;
    if (!started) {
      while (from < data.length && WHITE_SPACE.test(data[from]!)) from++;
      if (from === data.length) continue;
      started = true;
    }
    let last = data.length - 1;
    while (last >= from && WHITE_SPACE.test(data[last]!)) last--;
    if (last >= from) upToLastNonSpace = length + (last - from + 1);
    length += data.length - from;
    if (upToLastNonSpace >= enough) return enough;
  }
  return upToLastNonSpace;
}

/** isProbablyReaderable(doc) of Readability 0.6, with default options, as resumable steps. */
export function* readerableSteps(doc: Document): Steps<boolean> {
  const root = doc.documentElement;
  if (!root) return false;
  const budget = new Budget();
  let score = 0;
  let openListItems = 0; // <li> ancestors of the element visited: Readability skips "li p"
  let el: Element | null = root.firstElementChild;
  while (el) {
    if (budget.spend()) yield;
    if (isCandidate(el) && isNodeVisible(el)) {
      const matchString = `${typeof el.className === 'string' ? el.className : ''} ${el.id}`;
      const unlikely = UNLIKELY_CANDIDATES.test(matchString) && !OK_MAYBE_ITS_A_CANDIDATE.test(matchString);
      if (!unlikely && !(el.localName === 'p' && openListItems > 0)) {
        // Enough text to carry the score past MIN_SCORE on its own: reading further decides nothing.
        const missing = MIN_SCORE - score;
        const enough = MIN_CONTENT_LENGTH + Math.ceil(missing * missing) + 1;
        const length = yield* trimmedLengthUpTo(el, enough, budget);
        if (length >= MIN_CONTENT_LENGTH) {
          score += Math.sqrt(length - MIN_CONTENT_LENGTH);
          if (score > MIN_SCORE) return true;
        }
      }
    }
    const child: Element | null = el.firstElementChild;
    if (child) {
      if (el.localName === 'li') openListItems++;
      el = child;
      continue;
    }
    el = nextAfter(el, root, (ancestor) => {
      if (ancestor.localName === 'li') openListItems--;
    });
  }
  return false;
}
