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
 * Waits until the page has marks and they have stopped changing (the content script paints in
 * slices while the page is idle), then returns them.
 */
export async function waitForMarks(tab: Tab, timeoutMs = 20_000): Promise<MarkTexts> {
  let last = '';
  return pollUntil(
    async () => {
      const marks = visibleMarks(await tab.evaluate(readMarkTexts));
      const key = JSON.stringify(marks);
      const stable = key === last && Object.keys(marks).length > 0;
      last = key;
      return stable ? marks : null;
    },
    { timeoutMs, intervalMs: 250, message: 'no Caveat marks appeared on the page' },
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
