import { FigureMemory } from '../../engine/store/figure-memory';
// TEMPORARY until src/extension/background/idb-store.ts lands: an in-memory port, so the
// rest of the background can be built and tried. Replace before shipping.
import { MemoryPort } from '../../engine/store/memory-port';

// The figure memory of the background, opened lazily on the first request of each wake: a
// stopped service worker (Chrome) or event page (Firefox) keeps nothing in memory, so nothing
// here may matter beyond one wake except what the port writes to IndexedDB.

let memory: Promise<FigureMemory> | null = null;

export function figureMemory(): Promise<FigureMemory> {
  memory ??= Promise.resolve(new FigureMemory(new MemoryPort()));
  return memory;
}
