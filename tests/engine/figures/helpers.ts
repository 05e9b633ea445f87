import { blocksOf, splitSentences } from '../../../src/engine/text/sentences';
import { findFigures } from '../../../src/engine/figures/extract';
import type { Figure } from '../../../src/engine/types';

/** The figures the engine reads in `text` (blocks separated by blank lines, as on a page). */
export function figuresIn(text: string): Figure[] {
  return findFigures(text, splitSentences(text, blocksOf(text)));
}

/** The one figure whose number phrase is `number`; fails the test when absent. */
export function figure(text: string, number: string): Figure {
  const found = figuresIn(text).find((f) => f.number === number);
  if (!found) throw new Error(`no figure "${number}" in: ${text}\nfound: ${figuresIn(text).map((f) => f.number).join(' | ')}`);
  return found;
}

export const interval = (f: Figure): [number | null, number | null] => [f.low, f.high];
