import { laterStorageFullNote, storageFullNoteOf, type StorageFullNote } from '../../engine/store/port';
import browser from './browser';
import { STORAGE_FULL_NOTE_KEY } from './settings';

// The storage-full note outside IndexedDB (see IdbStore's NoteArea): when IndexedDB has no room
// even for the note, the note that a page's figures were not kept must still outlive a stop of
// the background, and the options page must find it even when the figure memory cannot be
// opened. Kept in two places, each as it can:
//   storage.local    survives a browser restart; in Chromium outside the origin's quota, but in
//                    Firefox backed by IndexedDB in the same quota, so refused there when full;
//   storage.session  in memory (no disk quota), survives a stop of the background only.
// One small value under one key in each, replaced on each write: it never grows.

type Area = typeof browser.storage.local;

function areas(): Area[] {
  return [browser.storage.local, browser.storage.session];
}

/** The later of the notes kept in the two areas, or null. */
export async function readStorageFullNote(): Promise<StorageFullNote | null> {
  const notes = await Promise.all(
    areas().map((area) =>
      area.get(STORAGE_FULL_NOTE_KEY).then(
        (stored) => storageFullNoteOf(stored[STORAGE_FULL_NOTE_KEY]),
        () => null,
      ),
    ),
  );
  return notes.reduce<StorageFullNote | null>((later, note) => laterStorageFullNote(later, note), null);
}

/** Keeps the note in both areas; fails only when neither took it. */
export async function writeStorageFullNote(note: StorageFullNote): Promise<void> {
  const value = { at: note.at, evicted: note.evicted, notKept: note.notKept };
  const kept = await Promise.allSettled(areas().map((area) => area.set({ [STORAGE_FULL_NOTE_KEY]: value })));
  const failure = kept.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failure && kept.every((result) => result.status === 'rejected')) throw failure.reason;
}

export async function removeStorageFullNote(): Promise<void> {
  await Promise.all(areas().map((area) => area.remove(STORAGE_FULL_NOTE_KEY)));
}
