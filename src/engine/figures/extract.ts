import type { Figure, Sentence } from '../types';

// Placeholder until the figure reader lands.
export function findFigures(_text: string, _sentences: readonly Sentence[]): Figure[] {
  return [];
}
