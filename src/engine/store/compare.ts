// The interval comparison of two figures, shared with the in-page conflict rules:
// figuresConflict(a, b) from ../conflicts/conflicts.ts (rounding as ANNOTATION.md
// "Conflicts" says). The figure memory never re-implements those rules; it only rebuilds a
// Figure from a kept record so that the same function judges figures of different pages.

import { figuresConflict } from '../conflicts/conflicts';
import type { Figure } from '../types';
import type { KeptFigureRecord } from './schema';

/**
 * Why two figures of the same `what` give values that cannot both be true, or null when
 * they can. The shared rule also refuses figures of different units, and figures whose
 * contexts name different events ("attack" vs "counterattack") or different years.
 */
export function valuesConflict(a: Figure, b: Figure): string | null {
  return figuresConflict(a, b);
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
