// The interval comparison of two figures, shared with the in-page conflict rules:
// figuresConflict(a, b) from ../conflicts/conflicts.ts (rounding as ANNOTATION.md
// "Conflicts" says). The figure memory never re-implements those rules; it only rebuilds a
// Figure from a kept record so that the same function judges figures of different pages.

import * as conflictRules from '../conflicts/conflicts';
import type { Figure } from '../types';
import type { KeptFigureRecord } from './schema';

type PairTest = (a: Figure, b: Figure) => unknown;

/**
 * The shared rule, looked up by name so that this module works before and after it lands.
 * Until it does, a plain interval test stands in (no rounding: "300" and "299" would
 * conflict), which eval-cross reports as such.
 */
function sharedRule(): PairTest | null {
  const candidate = (conflictRules as Record<string, unknown>)['figuresConflict'];
  return typeof candidate === 'function' ? (candidate as PairTest) : null;
}

function plainIntervalsDisjoint(a: Figure, b: Figure): boolean {
  const aLow = a.low ?? -Infinity;
  const aHigh = a.high ?? Infinity;
  const bLow = b.low ?? -Infinity;
  const bHigh = b.high ?? Infinity;
  return aHigh < bLow || bHigh < aLow;
}

export const usingSharedConflictRule = (): boolean => sharedRule() !== null;

/** Do two figures of the same `what` give values that cannot both be true? */
export function valuesConflict(a: Figure, b: Figure): boolean {
  if (a.unit !== b.unit) return false;
  const rule = sharedRule();
  if (!rule) return plainIntervalsDisjoint(a, b);
  const verdict = rule(a, b);
  // The shared rule may answer with a boolean or with a reason (string/object) or null.
  return typeof verdict === 'boolean' ? verdict : verdict !== null && verdict !== undefined && verdict !== '';
}

/** A kept record seen as the Figure it was read from (offsets are meaningless across pages). */
export function figureOfRecord(record: KeptFigureRecord): Figure {
  return {
    id: record.id,
    start: 0,
    end: 0,
    text: record.text,
    number: record.number,
    low: record.low,
    high: record.high,
    what: record.what,
    unit: record.unit,
    attributedTo: record.attributedTo,
    sentence: record.sentence,
    sentenceStart: 0,
    context: [...record.context],
  };
}
