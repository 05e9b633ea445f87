import type { FigureMemory } from '../../engine/store/figure-memory';
import type { StorageFullNote } from '../../engine/store/port';
import browser from '../shared/browser';
import { STORAGE_FULL_NOTE_KEY } from '../shared/settings';
import { FIGURE_DB_NAME, openIdbFigureMemory, type NoteArea } from './idb-store';

// The figure memory of the background, opened lazily on the first request of each wake: a
// stopped service worker (Chrome) or event page (Firefox) keeps nothing in memory, so nothing
// here matters beyond one wake; the figures themselves are in IndexedDB.

let memory: Promise<FigureMemory> | null = null;

/**
 * The storage-full note in storage.local, besides IndexedDB's meta store: when IndexedDB has no
 * room even for the note, it still survives a stop of the background, and the options page
 * reads it even when the figure memory cannot be opened. One small value under one key,
 * replaced on each write, so it never grows.
 */
export const storageFullNoteArea: NoteArea = {
  async get() {
    return (await browser.storage.local.get(STORAGE_FULL_NOTE_KEY))[STORAGE_FULL_NOTE_KEY];
  },
  async set(note: StorageFullNote) {
    await browser.storage.local.set({ [STORAGE_FULL_NOTE_KEY]: { at: note.at, evicted: note.evicted, notKept: note.notKept } });
  },
  async remove() {
    await browser.storage.local.remove(STORAGE_FULL_NOTE_KEY);
  },
};

export function figureMemory(): Promise<FigureMemory> {
  if (!memory) {
    memory = openIdbFigureMemory(FIGURE_DB_NAME, {}, { compactToReclaim: isChromium(), noteArea: storageFullNoteArea }).catch((error: unknown) => {
      memory = null; // let the next request try again (a blocked upgrade, a full disk)
      throw error;
    });
  }
  return memory;
}

/**
 * Chromium's IndexedDB keeps removed records on disk until it compacts, so under a full quota
 * the memory makes it compact; Firefox's gets the room back from the removal itself. Told
 * apart by the extension's own address (chrome-extension://).
 */
function isChromium(): boolean {
  return globalThis.location?.protocol === 'chrome-extension:';
}
