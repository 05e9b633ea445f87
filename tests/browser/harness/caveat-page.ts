// Reading Caveat's marks in a page, as the page's own scripts can (CSS.highlights is shared
// with the page): the functions below run inside the page (sent as source text).
import { pollUntil } from './poll';
import type { Tab } from './session';

export const MARK_KINDS = ['unverified', 'hedge', 'vague-source', 'omission', 'conflict'] as const;
export type MarkKindName = (typeof MARK_KINDS)[number];

/** Texts of the ranges of every `caveat-*` highlight, in document order, keyed by highlight name. */
export type MarkTexts = Record<string, string[]>;

export function readMarkTexts(): MarkTexts {
  const out: Record<string, string[]> = {};
  CSS.highlights.forEach((highlight, name) => {
    if (!name.startsWith('caveat-')) return;
    const ranges = [...(highlight as unknown as Iterable<AbstractRange>)]
      .filter((r): r is Range => 'compareBoundaryPoints' in r)
      .sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    out[name] = ranges.map((r) => r.toString());
  });
  return out;
}

/** The marks of the kinds users see (not the keyboard-focus highlight), with at least one range. */
export function visibleMarks(marks: MarkTexts): MarkTexts {
  return Object.fromEntries(
    Object.entries(marks).filter(([name, texts]) => name !== 'caveat-focus' && texts.length > 0),
  );
}

/**
 * When the content script last finished a scan (its `caveat:scanned` performance mark, moved
 * to the end of every complete paint), in the page's clock; null before the first.
 */
export function readScannedAt(): number | null {
  const entries = performance.getEntriesByName('caveat:scanned');
  const last = entries[entries.length - 1];
  return last ? last.startTime : null;
}

/** The page's clock (performance.now()), to pass as `since` to waitForMarks. */
export function pageNow(tab: Tab): Promise<number> {
  return tab.evaluate(() => performance.now());
}

export interface WaitForMarksOptions {
  /**
   * Only a scan finished after this page time counts (see pageNow): a test that changed a
   * setting must not take the scan from before the change for the answer.
   */
  since?: number;
}

/**
 * Waits until the content script has finished a scan (its `caveat:scanned` signal, after
 * `since` when given) and the page has marks, the same on two polls in a row, then returns
 * them. A quiet moment alone proves nothing: on a loaded machine the next slice of painting
 * can come later than any poll interval.
 */
export async function waitForMarks(tab: Tab, timeoutMs = 20_000, options: WaitForMarksOptions = {}): Promise<MarkTexts> {
  const since = options.since ?? -Infinity;
  let last = '';
  return pollUntil(
    async () => {
      // Page functions travel as source text, one at a time: the signal first, so marks read
      // after it belong to that scan or a later one (which the next poll's signal would show).
      const scannedAt = await tab.evaluate(readScannedAt);
      const marks = visibleMarks(await tab.evaluate(readMarkTexts));
      const done = scannedAt !== null && scannedAt > since && Object.keys(marks).length > 0;
      const key = done ? JSON.stringify([scannedAt, marks]) : '';
      const stable = done && key === last;
      last = key;
      return stable ? marks : null;
    },
    { timeoutMs, intervalMs: 100, message: 'no finished Caveat scan with marks on the page' },
  );
}

/** True when `cue` is highlighted: one range's text, or consecutive ranges that together spell it. */
export function isMarked(texts: readonly string[], cue: string): boolean {
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
  const want = norm(cue);
  for (let i = 0; i < texts.length; i++) {
    let joined = '';
    for (let j = i; j < texts.length && joined.length < want.length; j++) {
      joined = norm(joined + (texts[j] ?? ''));
      if (joined === want) return true;
    }
  }
  return false;
}

/**
 * The page's visible text next to the same URL loaded in a frame: content scripts run in the
 * top frame only, so the frame is the page as it is without Caveat.
 */
export function textWithAndWithoutCaveat(): Promise<{ withCaveat: string; without: string }> {
  const withCaveat = document.body.innerText;
  return new Promise((resolve, reject) => {
    const frame = document.createElement('iframe');
    frame.style.cssText = `position:absolute;left:0;top:0;width:${innerWidth}px;height:${innerHeight}px;opacity:0;pointer-events:none;border:0`;
    frame.addEventListener('load', () => {
      const body = frame.contentDocument?.body;
      if (!body) reject(new Error('frame has no body'));
      else resolve({ withCaveat, without: body.innerText });
      frame.remove();
    });
    frame.src = location.href;
    document.documentElement.append(frame);
  });
}
