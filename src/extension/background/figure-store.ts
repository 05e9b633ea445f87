import type { FigureMemory, PageInput } from '../../engine/store/figure-memory';
import { DEFAULT_LIMITS } from '../../engine/store/limits';
import { pageIdentity, recordsOfPage } from '../../engine/store/records';
import type { ScanReport } from '../../engine/types';
import { FIGURE_DB_NAME, openIdbFigureMemory, type NoteArea } from './idb-store';
import { readStorageFullNote, removeStorageFullNote, writeStorageFullNote } from '../shared/storage-full-note';

// The figure memory of the background, opened lazily on the first request of each wake: a
// stopped service worker (Chrome) or event page (Firefox) keeps nothing in memory, so nothing
// here matters beyond one wake; the figures themselves are in IndexedDB.

let memory: Promise<FigureMemory> | null = null;

/** The storage-full note outside IndexedDB: storage.local and storage.session (see shared/storage-full-note.ts). */
export const storageFullNoteArea: NoteArea = { get: readStorageFullNote, set: writeStorageFullNote, remove: removeStorageFullNote };

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

/**
 * The figure memory could not even be opened for lack of room (the database cannot be made at
 * a full quota): the page's figures are not kept, and the note says so (in storage.local and storage.session).
 */
export async function noteNotKeptWithoutMemory(report: ScanReport, page: PageInput): Promise<void> {
  if (!report.isArticle) return;
  const notKept = recordsOfPage(report, pageIdentity(report, page), DEFAULT_LIMITS).size;
  if (notKept === 0) return;
  const before = await readStorageFullNote().catch(() => null);
  await writeStorageFullNote({ at: new Date().toISOString(), evicted: before?.evicted ?? 0, notKept }).catch(() => undefined);
}
