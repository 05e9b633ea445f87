import { findFlags } from '../../../src/engine/cues/detect';
import { blocksOf, splitSentences } from '../../../src/engine/text/sentences';
import type { AnalyzeOptions, Flag, FlagKind } from '../../../src/engine/types';

/** Flags of a short text written for the test (paragraphs separated by blank lines). */
export function flagsOf(text: string, options: AnalyzeOptions = {}): Flag[] {
  return findFlags(text, splitSentences(text, blocksOf(text)), options);
}

/** The kinds flagged in a one-sentence text, sorted, as a reader would list them. */
export function kindsOf(text: string, options: AnalyzeOptions = {}): FlagKind[] {
  return flagsOf(text, options)
    .map((f) => f.kind)
    .sort();
}

/** The single flag of `kind` in `text`; fails the test when there is none. */
export function flagOf(text: string, kind: FlagKind, options: AnalyzeOptions = {}): Flag {
  const flag = flagsOf(text, options).find((f) => f.kind === kind);
  if (!flag) throw new Error(`no ${kind} flag in: ${text}`);
  return flag;
}
