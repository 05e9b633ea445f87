import { codePointAt, codeUnits, isLetter, isLetterOrNumber } from '../text/chars';
import { collapseSpaces } from './metadata';

// The headline is what the reader sees at the top of the article: the page's <h1>. The
// <title> and og:title often differ from it (SEO variants, " | Site" suffixes), and some pages
// have several <h1>s (a site logo, teasers), so each visible <h1> is compared with the titles
// the page states and the one that best agrees with them wins.

/**
 * Lower-case words of a title: letters and digits, with an apostrophe's letters ("don't"). What
 * /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu matches, read with chars.ts (no Unicode classes to compile).
 */
export function titleWords(text: string): string[] {
  const lower = text.toLowerCase();
  const out: string[] = [];
  /** The end of the run of code points `accept` takes, from `at`. */
  const runEnd = (at: number, accept: (code: number) => boolean) => {
    for (let code = codePointAt(lower, at); code >= 0 && accept(code); code = codePointAt(lower, at)) at += codeUnits(code);
    return at;
  };
  for (let at = 0; at < lower.length; ) {
    const end = runEnd(at, isLetterOrNumber);
    if (end === at) {
      at += codeUnits(codePointAt(lower, at));
      continue;
    }
    const apostrophe = lower[end] === "'" || lower[end] === '’';
    const after = apostrophe ? runEnd(end + 1, isLetter) : end + 1;
    const wordEnd = apostrophe && after > end + 1 ? after : end;
    out.push(lower.slice(at, wordEnd));
    at = wordEnd;
  }
  return out;
}

/** Agreement of two titles in words: shared words over the longer title's count (0..1). */
export function titleAgreement(a: string, b: string): number {
  const wa = titleWords(a);
  const wb = titleWords(b);
  if (wa.length === 0 || wb.length === 0) return 0;
  const setB = new Set(wb);
  const shared = new Set(wa.filter((w) => setB.has(w))).size;
  return shared / Math.max(new Set(wa).size, setB.size);
}

/** Hidden by markup that does not need layout: hidden, aria-hidden, inline display:none. */
export function isHiddenByMarkup(el: Element): boolean {
  for (let node: Element | null = el; node; node = node.parentElement) {
    if (node.hasAttribute('hidden') || node.getAttribute('aria-hidden') === 'true') return true;
    const style = node.getAttribute('style');
    if (style && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style)) return true;
  }
  return false;
}

export interface Headline {
  text: string;
  /** The live element that shows it, when the headline is on the page. */
  element: Element | null;
}

const MIN_AGREEMENT = 0.3;

/**
 * The article's headline. `statedTitles` are titles the page gives in metadata (Readability's
 * title, og:title, <title>), best first; the first is used when no <h1> agrees with any.
 * `isVisible` (when the page has layout) rules out <h1>s hidden by style sheets.
 */
export function findHeadline(
  doc: Document,
  statedTitles: ReadonlyArray<string | null | undefined>,
  isVisible: ((el: Element) => boolean) | null = null,
): Headline {
  const titles = statedTitles.map((t) => collapseSpaces(t ?? '')).filter((t) => t.length > 0);
  let best: Headline | null = null;
  let bestScore = 0;
  const h1s = Array.from(doc.querySelectorAll('h1')).slice(0, 20);
  for (const h1 of h1s) {
    const text = collapseSpaces(h1.textContent ?? '');
    if (text.length < 3 || text.length > 400 || isHiddenByMarkup(h1) || (isVisible && !isVisible(h1))) continue;
    const score = Math.max(0, ...titles.map((t) => titleAgreement(text, t)));
    if (score > bestScore) {
      best = { text, element: h1 };
      bestScore = score;
    }
  }
  if (best && bestScore >= MIN_AGREEMENT) return best;
  return { text: titles[0] ?? '', element: null };
}
