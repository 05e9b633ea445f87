import type { FigureMemory } from '../../engine/store/figure-memory';
import { openIdbFigureMemory } from './idb-store';

// The figure memory of the background, opened lazily on the first request of each wake: a
// stopped service worker (Chrome) or event page (Firefox) keeps nothing in memory, so nothing
// here matters beyond one wake; the figures themselves are in IndexedDB.

let memory: Promise<FigureMemory> | null = null;

export function figureMemory(): Promise<FigureMemory> {
  if (!memory) {
    memory = openIdbFigureMemory().catch((error: unknown) => {
      memory = null; // let the next request try again (a blocked upgrade, a full disk)
      throw error;
    });
  }
  return memory;
}
