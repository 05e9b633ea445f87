import { collapseSpaces } from './metadata';

// The headline is what the reader sees at the top of the article: the page's <h1>. The
// <title> and og:title often differ from it (SEO variants, " | Site" suffixes), and some pages
// have several <h1>s (a site logo, teasers), so each visible <h1> is compared with the titles
// the page states and the one that best agrees with them wins.

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? [];
}

/** Agreement of two titles in words: shared words over the longer title's count (0..1). */
export function titleAgreement(a: string, b: string): number {
  const wa = words(a);
  const wb = words(b);
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
