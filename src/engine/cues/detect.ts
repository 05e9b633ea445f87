import type { AnalyzeOptions, Flag, Sentence } from '../types';

// Placeholder until the cue detector lands: flags every (sentence, kind) the lexicon and rules find.
export function findFlags(_text: string, _sentences: readonly Sentence[], _options: AnalyzeOptions): Flag[] {
  return [];
}
