// The interval a figure is compared with: its stated interval widened by the precision its
// rounding implies (ANNOTATION.md, "Rounding is not a conflict").
//
// A whole number ending in two or more zeros spans half a unit of its last non-zero place:
// 300 -> 250..350, 4,000 -> 3,500..4,500, $9.5 billion (9,500,000,000) -> 9.45..9.55 billion,
// "half a million" (500,000) -> 450,000..550,000. Numbers ending in fewer than two zeros are
// exact (20 and 23 conflict). The qualifier then applies on top of the rounded span:
// "nearly half a million" -> 90% of 450,000 .. 550,000; "about 200" -> 90% of 200 .. 110% of 200.

import type { Figure } from '../types';
import { type NumberPhrase, phrasesIn } from '../figures/scan';
import { tidy } from '../figures/numbers';

export interface Interval {
  low: number | null;
  high: number | null;
}

/** Half a unit of the last non-zero place of a whole number ending in two or more zeros, else 0. */
export function roundingOf(value: number): number {
  if (!Number.isInteger(value) || value === 0) return 0;
  let unit = 1;
  let v = Math.abs(value);
  while (v % 10 === 0) {
    v /= 10;
    unit *= 10;
  }
  return unit >= 100 ? unit / 2 : 0;
}

/** The comparable interval of a parsed number phrase. */
function fromPhrase(p: NumberPhrase): Interval {
  const a = p.first;
  const r = a.vague || a.something ? 0 : roundingOf(a.value);
  const v = a.value;
  switch (p.qualifier) {
    case 'exact': return { low: v - r, high: v + r };
    case 'more': return { low: r > 0 ? v - r : p.low, high: null };
    case 'less': return { low: null, high: r > 0 ? v + r : p.high };
    case 'atLeast': return { low: v - r, high: p.high === null ? null : (p.high ?? 0) + r };
    case 'upTo': return { low: null, high: v + r };
    case 'about': return { low: tidy(0.9 * (v - r)), high: tidy(1.1 * (v + r)) };
    case 'nearly': return { low: tidy(0.9 * (v - r)), high: v + r };
    case 'range': {
      const b = p.second!;
      const rb = b.vague ? 0 : roundingOf(b.value);
      const ra = p.low !== null ? roundingOf(p.low) : 0;
      return { low: p.low === null ? null : p.low - ra, high: p.high === null ? null : p.high + rb };
    }
    case 'vague':
    default:
      return { low: p.low, high: p.high };
  }
}

/** Widen each bound by its own rounding: the fallback when the number phrase is unknown. */
function widenBounds(low: number | null, high: number | null): Interval {
  return {
    low: low === null ? null : low - roundingOf(low),
    high: high === null ? null : high + roundingOf(high),
  };
}

/**
 * The interval used to compare `figure` with another: the stated interval read with the
 * precision of its rounding. Works on a figure of this page (re-reads its `number` phrase) and
 * on a kept figure that only has `text`, `low` and `high`.
 */
export function comparableInterval(figure: Pick<Figure, 'low' | 'high'> & { number?: string; text?: string }): Interval {
  for (const source of [figure.number, figure.text]) {
    if (!source) continue;
    const p = phrasesIn(source)[0];
    // Trust the re-read phrase only if it gives the figure's own stated interval.
    if (p && p.low === figure.low && p.high === figure.high) return fromPhrase(p);
  }
  return widenBounds(figure.low, figure.high);
}

/** True when two intervals share at least one value (open ends reach to infinity). */
export function intervalsOverlap(a: Interval, b: Interval): boolean {
  return (a.low ?? -Infinity) <= (b.high ?? Infinity) && (b.low ?? -Infinity) <= (a.high ?? Infinity);
}
