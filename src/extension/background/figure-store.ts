import type { FigureMemory } from '../../engine/store/figure-memory';
import { FIGURE_DB_NAME, openIdbFigureMemory } from './idb-store';

// The figure memory of the background, opened lazily on the first request of each wake: a
// stopped service worker (Chrome) or event page (Firefox) keeps nothing in memory, so nothing
// here matters beyond one wake; the figures themselves are in IndexedDB.

let memory: Promise<FigureMemory> | null = null;

export function figureMemory(): Promise<FigureMemory> {
  if (!memory) {
    memory = openIdbFigureMemory(FIGURE_DB_NAME, {}, { rebuildToReclaim: isChromium() }).catch((error: unknown) => {
      memory = null; // let the next request try again (a blocked upgrade, a full disk)
      throw error;
    });
  }
  return memory;
}

/**
 * Chromium's IndexedDB keeps removed records on disk until it compacts, so under a full quota
 * the memory rebuilds its database to make room; Firefox's gets the room back from the
 * removal itself. Told apart by the extension's own address (chrome-extension://).
 */
function isChromium(): boolean {
  return globalThis.location?.protocol === 'chrome-extension:';
}
